package dev.rapport.publishing.domain;

import dev.rapport.connectors.spi.MediaItem;
import dev.rapport.connectors.spi.PublishReceipt;
import dev.rapport.content.ContentType;
import dev.rapport.publishing.Campaign;
import dev.rapport.publishing.MediaView;
import dev.rapport.publishing.PostView;
import dev.rapport.publishing.VariantState;
import dev.rapport.publishing.VariantView;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The {@code post} and {@code post_variant} tables. Every change of a variant's state is a
 * conditional update from the states it may come from, so two nodes (or a node and its own retry)
 * never both move it.
 */
@Repository
public class PostRecords {

    private static final String VARIANT_COLUMNS = """
            id, post_id, account_id, network, text, proposed_text, state, scheduled_at, screening_action,
            screening_reason, held_override_by, held_override_note, remote_id, remote_url, published_at,
            failure_reason, failure_message, attempts, updated_at""";

    private final JdbcClient jdbc;

    PostRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insertPost(String idea, ContentType type, boolean chosen, @Nullable Long campaignId, long createdBy) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO post (idea, content_type, content_type_chosen, campaign_id, created_by, created_at)
                        VALUES (?, ?, ?, ?, ?, ?)""")
                .params(idea, type.name(), chosen, campaignId, createdBy, now())
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public long insertVariant(
            long postId,
            long accountId,
            String network,
            ContentType type,
            String text,
            String proposedText,
            String publishKey) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO post_variant (post_id, account_id, network, content_type, text, proposed_text, state,
                            publish_key, attempts, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, 'DRAFT', ?, 0, ?)""")
                .params(postId, accountId, network, type.name(), text, proposedText, publishKey, now())
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public Optional<PostView> post(long id) {
        return jdbc.sql("""
                        SELECT p.*, c.name AS campaign_name FROM post p LEFT JOIN campaign c ON c.id = p.campaign_id
                        WHERE p.id = ?""")
                .param(id)
                .query((rs, row) -> post(rs, variantsOf(id)))
                .optional();
    }

    public List<VariantView> variantsOf(long postId) {
        return jdbc.sql("SELECT " + VARIANT_COLUMNS + " FROM post_variant WHERE post_id = ? ORDER BY id")
                .param(postId)
                .query(PostRecords::variant)
                .list();
    }

    public Optional<VariantView> variant(long id) {
        return jdbc.sql("SELECT " + VARIANT_COLUMNS + " FROM post_variant WHERE id = ?")
                .param(id)
                .query(PostRecords::variant)
                .optional();
    }

    /** The key every publication attempt of the variant sends. */
    public String publishKey(long variantId) {
        return jdbc.sql("SELECT publish_key FROM post_variant WHERE id = ?")
                .param(variantId)
                .query(String.class)
                .single();
    }

    public void changePost(long id, String idea, ContentType type, boolean chosen, @Nullable Long campaignId) {
        jdbc.sql("UPDATE post SET idea = ?, content_type = ?, content_type_chosen = ?, campaign_id = ? WHERE id = ?")
                .params(idea, type.name(), chosen, campaignId, id)
                .update();
        jdbc.sql("UPDATE post_variant SET content_type = ?, updated_at = ? WHERE post_id = ? AND content_type <> ?")
                .params(type.name(), now(), id, type.name())
                .update();
    }

    /** Whether the variant reads as automated, as decided when it was submitted. */
    public void automated(long id, boolean automated) {
        jdbc.sql("UPDATE post_variant SET automated = ? WHERE id = ?")
                .params(automated, id)
                .update();
    }

    public void reviewed(long postId, long by, String note) {
        jdbc.sql("UPDATE post SET reviewed_by = ?, review_note = ?, reviewed_at = ? WHERE id = ?")
                .params(by, note, now(), postId)
                .update();
    }

    /** New text while editable; false if the variant moved on meanwhile. */
    public boolean changeText(long id, String text, String screening, @Nullable String reason) {
        return jdbc.sql("""
                                UPDATE post_variant SET text = ?, screening_action = ?, screening_reason = ?,
                                    held_override_by = NULL, held_override_note = NULL, updated_at = ?
                                WHERE id = ? AND state IN ('DRAFT', 'FAILED')""").params(text, screening, reason, now(), id).update() > 0;
    }

    public void screened(long id, String screening, @Nullable String reason) {
        jdbc.sql("UPDATE post_variant SET screening_action = ?, screening_reason = ?, updated_at = ? WHERE id = ?")
                .params(screening, reason, now(), id)
                .update();
    }

    public void overrideHold(long id, long by, String note) {
        jdbc.sql("UPDATE post_variant SET held_override_by = ?, held_override_note = ?, updated_at = ? WHERE id = ?")
                .params(by, note, now(), id)
                .update();
    }

    /** Moves a variant from one of the given states; false when it was in none of them. */
    public boolean move(long id, Collection<VariantState> from, VariantState to) {
        return jdbc.sql("UPDATE post_variant SET state = ?, updated_at = ? WHERE id = ? AND state IN (:from)"
                                .replace(":from", placeholders(from)))
                        .params(params(to, id, from))
                        .update()
                > 0;
    }

    /** Schedules (or reschedules) a variant; false when it was in none of the given states. */
    public boolean schedule(long id, Collection<VariantState> from, Instant at) {
        List<Object> params = new java.util.ArrayList<>(List.of(at.atOffset(ZoneOffset.UTC)));
        params.addAll(params(VariantState.SCHEDULED, id, from));
        return jdbc.sql("""
                                UPDATE post_variant SET scheduled_at = ?, state = ?, updated_at = ?, failure_reason = NULL,
                                    failure_message = NULL WHERE id = ? AND state IN (:from)""".replace(":from", placeholders(from))).params(params).update() > 0;
    }

    /** Plans when a variant goes out, while it is not on its way yet; false otherwise. */
    public boolean setTime(long id, Instant at) {
        return jdbc.sql("""
                                UPDATE post_variant SET scheduled_at = ?, updated_at = ?
                                WHERE id = ? AND state IN ('DRAFT', 'PENDING_APPROVAL', 'SCHEDULED', 'FAILED')""").params(at.atOffset(ZoneOffset.UTC), now(), id).update() > 0;
    }

    /** Posts with a variant waiting for approval, oldest first. */
    public List<Long> pendingPosts() {
        return jdbc.sql("""
                        SELECT post_id FROM post_variant WHERE state = 'PENDING_APPROVAL'
                        GROUP BY post_id ORDER BY MIN(updated_at), post_id""").query(Long.class).list();
    }

    /**
     * Claims a due variant for publication: SCHEDULED → PUBLISHING, counting the attempt. A variant
     * already PUBLISHING was claimed by a run that did not finish (a crash): the caller looks it up
     * on the network before anything else.
     */
    public boolean claim(long id, Instant now) {
        return jdbc.sql("""
                                UPDATE post_variant SET state = 'PUBLISHING', attempts = attempts + 1, updated_at = ?
                                WHERE id = ? AND state = 'SCHEDULED' AND scheduled_at <= ?""").params(now(), id, now.atOffset(ZoneOffset.UTC)).update() > 0;
    }

    public boolean published(long id, PublishReceipt receipt) {
        return jdbc.sql("""
                                UPDATE post_variant SET state = 'PUBLISHED', remote_id = ?, remote_url = ?, published_at = ?,
                                    failure_reason = NULL, failure_message = NULL, updated_at = ?
                                WHERE id = ? AND state IN ('PUBLISHING', 'OUTCOME_UNKNOWN')""")
                        .params(
                                receipt.remoteId(),
                                receipt.url(),
                                receipt.publishedAt().atOffset(ZoneOffset.UTC),
                                now(),
                                id)
                        .update()
                > 0;
    }

    /** Ends a publishing (or unknown) variant in the given state with a reason. */
    public boolean ended(long id, VariantState to, String reason, @Nullable String message) {
        return jdbc.sql("""
                                UPDATE post_variant SET state = ?, failure_reason = ?, failure_message = ?, updated_at = ?
                                WHERE id = ? AND state IN ('PUBLISHING', 'OUTCOME_UNKNOWN')""")
                        .params(to.name(), reason, abbreviate(message), now(), id)
                        .update()
                > 0;
    }

    public void touch(long id) {
        jdbc.sql("UPDATE post_variant SET updated_at = ? WHERE id = ?")
                .params(now(), id)
                .update();
    }

    /** Back to SCHEDULED at a later time (a rate limit), keeping the reason for the calendar. */
    public boolean postponed(long id, Instant at, String reason) {
        return jdbc.sql("""
                                UPDATE post_variant SET state = 'SCHEDULED', scheduled_at = ?, failure_reason = ?, updated_at = ?
                                WHERE id = ? AND state = 'PUBLISHING'""")
                        .params(at.atOffset(ZoneOffset.UTC), reason, now(), id)
                        .update()
                > 0;
    }

    /** Variants due now and not yet claimed, oldest first. */
    public List<Long> due(Instant now, int limit) {
        return jdbc.sql("""
                        SELECT id FROM post_variant WHERE state = 'SCHEDULED' AND scheduled_at <= ?
                        ORDER BY scheduled_at, id FETCH FIRST ? ROWS ONLY""")
                .params(now.atOffset(ZoneOffset.UTC), limit)
                .query(Long.class)
                .list();
    }

    /** Variants whose publication did not end (claimed, or of unknown outcome), with no news since then. */
    public List<Long> unsettled(Instant before, int limit) {
        return jdbc.sql("""
                        SELECT id FROM post_variant WHERE state IN ('PUBLISHING', 'OUTCOME_UNKNOWN') AND updated_at < ?
                        ORDER BY updated_at, id FETCH FIRST ? ROWS ONLY""")
                .params(before.atOffset(ZoneOffset.UTC), limit)
                .query(Long.class)
                .list();
    }

    /** A text an account published or will publish. */
    public record Sent(long postId, String text) {}

    /** The account's variants on their way or out since a time, newest first: what a new text may repeat. */
    public List<Sent> recentTexts(long accountId, Instant since, int limit) {
        // Scheduled time rather than publication time: (account_id, scheduled_at) is an index, read
        // backwards, so only the rows returned are read. Every variant on its way or out has one.
        return jdbc.sql("""
                        SELECT post_id, text FROM post_variant
                        WHERE account_id = ? AND state IN ('SCHEDULED', 'PUBLISHING', 'PUBLISHED', 'OUTCOME_UNKNOWN')
                            AND scheduled_at >= ?
                        ORDER BY account_id DESC, scheduled_at DESC FETCH FIRST ? ROWS ONLY""")
                .params(accountId, since.atOffset(ZoneOffset.UTC), limit)
                .query((rs, row) -> new Sent(rs.getLong("post_id"), rs.getString("text")))
                .list();
    }

    /** The posts a member wrote with a variant that failed or whose outcome is unknown, newest first. */
    public List<Long> failedPostsOf(long memberId) {
        return jdbc.sql("""
                        SELECT DISTINCT p.id FROM post p JOIN post_variant v ON v.post_id = p.id
                        WHERE p.created_by = ? AND v.state IN ('FAILED', 'OUTCOME_UNKNOWN') ORDER BY p.id DESC""").param(memberId).query(Long.class).list();
    }

    /** The member who wrote the post. */
    public long author(long postId) {
        return jdbc.sql("SELECT created_by FROM post WHERE id = ?")
                .param(postId)
                .query(Long.class)
                .single();
    }

    public long insertMedia(long postId, String fileName, String mediaType, @Nullable String altText, byte[] bytes) {
        int position = jdbc.sql("SELECT COALESCE(MAX(position), 0) + 1 FROM post_media WHERE post_id = ?")
                .param(postId)
                .query(Integer.class)
                .single();
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO post_media (post_id, position, file_name, media_type, alt_text, size_bytes, bytes, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(postId, position, fileName, mediaType, altText, bytes.length, bytes, now())
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public List<MediaView> media(long postId) {
        return jdbc.sql("""
                        SELECT id, post_id, position, file_name, media_type, alt_text, size_bytes FROM post_media
                        WHERE post_id = ? ORDER BY position""")
                .param(postId)
                .query((rs, row) -> new MediaView(
                        rs.getLong("id"),
                        rs.getLong("post_id"),
                        rs.getInt("position"),
                        rs.getString("file_name"),
                        rs.getString("media_type"),
                        rs.getString("alt_text"),
                        rs.getInt("size_bytes")))
                .list();
    }

    /** The post's images with their bytes, in order: what a publication sends. */
    public List<MediaItem> mediaItems(long postId) {
        return jdbc.sql(
                        "SELECT file_name, media_type, alt_text, bytes FROM post_media WHERE post_id = ? ORDER BY position")
                .param(postId)
                .query((rs, row) -> new MediaItem(
                        rs.getString("file_name"),
                        rs.getString("media_type"),
                        rs.getBytes("bytes"),
                        rs.getString("alt_text")))
                .list();
    }

    public Optional<byte[]> mediaBytes(long postId, long mediaId) {
        return jdbc.sql("SELECT bytes FROM post_media WHERE post_id = ? AND id = ?")
                .params(postId, mediaId)
                .query((rs, row) -> rs.getBytes("bytes"))
                .optional();
    }

    public boolean removeMedia(long postId, long mediaId) {
        return jdbc.sql("DELETE FROM post_media WHERE post_id = ? AND id = ?")
                        .params(postId, mediaId)
                        .update()
                > 0;
    }

    public long insertCampaign(String name, long createdBy) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO campaign (name, created_by, created_at) VALUES (?, ?, ?)")
                .params(name, createdBy, now())
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public Optional<Long> campaignNamed(String name) {
        return jdbc.sql("SELECT id FROM campaign WHERE name = ?")
                .param(name)
                .query(Long.class)
                .optional();
    }

    public List<Campaign> campaigns() {
        return jdbc.sql("SELECT id, name FROM campaign ORDER BY name")
                .query((rs, row) -> new Campaign(rs.getLong("id"), rs.getString("name")))
                .list();
    }

    private static List<Object> params(VariantState to, long id, Collection<VariantState> from) {
        List<Object> params = new java.util.ArrayList<>(List.of(to.name(), now(), id));
        from.forEach(state -> params.add(state.name()));
        return params;
    }

    private static String placeholders(Collection<?> values) {
        return String.join(", ", java.util.Collections.nCopies(values.size(), "?"));
    }

    private static PostView post(ResultSet rs, List<VariantView> variants) throws SQLException {
        long reviewedBy = rs.getLong("reviewed_by");
        PostView.Review review = rs.wasNull()
                ? null
                : new PostView.Review(reviewedBy, rs.getString("review_note"), instant(rs, "reviewed_at"));
        long campaign = rs.getLong("campaign_id");
        return new PostView(
                rs.getLong("id"),
                rs.getString("idea"),
                ContentType.valueOf(rs.getString("content_type")),
                rs.getBoolean("content_type_chosen"),
                rs.wasNull() || campaign == 0 ? null : campaign,
                rs.getString("campaign_name"),
                rs.getLong("created_by"),
                instant(rs, "created_at"),
                review,
                variants);
    }

    static VariantView variant(ResultSet rs, int row) throws SQLException {
        long overrideBy = rs.getLong("held_override_by");
        VariantView.Override override =
                rs.wasNull() ? null : new VariantView.Override(overrideBy, rs.getString("held_override_note"));
        return new VariantView(
                rs.getLong("id"),
                rs.getLong("post_id"),
                rs.getLong("account_id"),
                rs.getString("network"),
                rs.getString("text"),
                !rs.getString("text").equals(rs.getString("proposed_text")),
                VariantState.valueOf(rs.getString("state")),
                instant(rs, "scheduled_at"),
                rs.getString("screening_action"),
                rs.getString("screening_reason"),
                override,
                rs.getString("remote_id"),
                rs.getString("remote_url"),
                instant(rs, "published_at"),
                rs.getString("failure_reason"),
                rs.getString("failure_message"),
                rs.getInt("attempts"),
                instant(rs, "updated_at"));
    }

    static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    static OffsetDateTime now() {
        return Instant.now().atOffset(ZoneOffset.UTC);
    }

    private static @Nullable String abbreviate(@Nullable String message) {
        return message == null || message.length() <= 1000 ? message : message.substring(0, 999) + "…";
    }
}
