package dev.rapport.publishing;

import dev.rapport.accounts.AccountManagement;
import dev.rapport.accounts.AccountView;
import dev.rapport.content.AutomationRatio;
import dev.rapport.content.ContentType;
import dev.rapport.content.CrossPosting;
import dev.rapport.core.Refusal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The content calendar: every planned or published variant of the accounts a member can see, in a
 * range, with filters; and the content mix of a period against the workspace's limits — the
 * promotional share (the article: talk about the audience, not yourself) and, per account, the
 * share of automated posts (unedited proposals).
 */
@Service
public class Calendar {

    /** The longest range one request may ask for: a month view with its surrounding days. */
    public static final Duration MAX_RANGE = Duration.ofDays(45);

    /** What to show. Empty sets and nulls mean "all". */
    public record Filter(
            Set<Long> accountIds,
            @Nullable String network,
            @Nullable Long campaignId,
            @Nullable VariantState state,
            @Nullable ContentType contentType) {

        public static Filter none() {
            return new Filter(Set.of(), null, null, null, null);
        }
    }

    /**
     * The mix of a period.
     *
     * @param counts committed variants (scheduled, publishing, published, unknown) per content type
     * @param promotionalShare percent of them that are promotional
     * @param accounts per account: its posts and the share of unedited proposals
     */
    public record Mix(
            Map<ContentType, Integer> counts,
            int total,
            int promotionalShare,
            int promotionalMax,
            boolean promotionalOver,
            List<AccountMix> accounts,
            int automationMax) {}

    public record AccountMix(
            long accountId, String handle, String network, int posts, int automatedShare, boolean over) {}

    private final JdbcClient jdbc;
    private final AccountManagement accounts;
    private final PublishingRules rules;

    Calendar(JdbcClient jdbc, AccountManagement accounts, PublishingRules rules) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.rules = rules;
    }

    @Transactional(readOnly = true)
    public List<CalendarEntry> entries(Instant from, Instant to, Filter filter) {
        if (!from.isBefore(to) || Duration.between(from, to).compareTo(MAX_RANGE) > 0) {
            throw Refusal.invalid("calendar.range-invalid", MAX_RANGE.toDays());
        }
        Map<Long, AccountView> visible = accounts.accounts().stream()
                .filter(account ->
                        filter.accountIds().isEmpty() || filter.accountIds().contains(account.id()))
                .filter(account -> filter.network() == null || filter.network().equals(account.network()))
                .collect(Collectors.toMap(AccountView::id, Function.identity()));
        if (visible.isEmpty()) {
            return List.of();
        }
        StringBuilder sql = new StringBuilder("""
                SELECT v.id, v.post_id, v.account_id, v.network, v.state, v.text, v.proposed_text,
                    COALESCE(v.published_at, v.scheduled_at) AS at, p.content_type, p.campaign_id, c.name AS campaign
                FROM post_variant v JOIN post p ON p.id = v.post_id LEFT JOIN campaign c ON c.id = p.campaign_id
                WHERE v.scheduled_at >= ? AND v.scheduled_at < ? AND v.account_id IN (""");
        List<Object> params = new ArrayList<>();
        // Published variants went out within minutes of their time: the schedule bounds both.
        params.add(from.minus(Duration.ofDays(1)).atOffset(ZoneOffset.UTC));
        params.add(to.atOffset(ZoneOffset.UTC));
        sql.append(String.join(", ", java.util.Collections.nCopies(visible.size(), "?")))
                .append(")");
        params.addAll(visible.keySet());
        if (filter.campaignId() != null) {
            sql.append(" AND p.campaign_id = ?");
            params.add(filter.campaignId());
        }
        if (filter.state() != null) {
            sql.append(" AND v.state = ?");
            params.add(filter.state().name());
        }
        if (filter.contentType() != null) {
            sql.append(" AND p.content_type = ?");
            params.add(filter.contentType().name());
        }
        sql.append(" ORDER BY at, v.id");
        return jdbc
                .sql(sql.toString())
                .params(params)
                .query((rs, row) -> {
                    AccountView account = visible.get(rs.getLong("account_id"));
                    Timestamp at = rs.getTimestamp("at");
                    long campaign = rs.getLong("campaign_id");
                    boolean noCampaign = rs.wasNull();
                    String text = rs.getString("text");
                    return new CalendarEntry(
                            rs.getLong("id"),
                            rs.getLong("post_id"),
                            account.id(),
                            rs.getString("network"),
                            account.handle(),
                            VariantState.valueOf(rs.getString("state")),
                            ContentType.valueOf(rs.getString("content_type")),
                            noCampaign ? null : campaign,
                            rs.getString("campaign"),
                            at.toInstant(),
                            text.length() <= 80 ? text : text.substring(0, 79) + "…",
                            !text.equals(rs.getString("proposed_text")));
                })
                .list()
                .stream()
                .filter(entry -> !entry.at().isBefore(from) && entry.at().isBefore(to))
                .toList();
    }

    /** The content mix of what is planned or out in the range, against the workspace's limits. */
    @Transactional(readOnly = true)
    public Mix mix(Instant from, Instant to, Filter filter) {
        List<CalendarEntry> committed = entries(from, to, filter).stream()
                .filter(entry -> entry.state().committed())
                .toList();
        Map<ContentType, Integer> counts = new EnumMap<>(ContentType.class);
        for (ContentType type : ContentType.values()) {
            counts.put(type, 0);
        }
        committed.forEach(entry -> counts.merge(entry.contentType(), 1, Integer::sum));
        PublishingRules.Rules limits = rules.rules();
        int total = committed.size();
        int promotional = percent(counts.get(ContentType.PROMOTIONAL), total);
        List<AccountMix> perAccount = new ArrayList<>();
        Map<Long, String> texts = texts(committed);
        Map<Long, List<CalendarEntry>> byPost =
                committed.stream().collect(Collectors.groupingBy(CalendarEntry::postId));
        committed.stream()
                .collect(Collectors.groupingBy(CalendarEntry::accountId))
                .forEach((accountId, entries) -> {
                    List<AutomationRatio.Post> posts = entries.stream()
                            .map(entry -> new AutomationRatio.Post(
                                    String.valueOf(entry.variantId()),
                                    entry.at(),
                                    texts.getOrDefault(entry.variantId(), ""),
                                    !entry.edited() && pastedElsewhere(entry, byPost.get(entry.postId()), texts)))
                            .toList();
                    int automated =
                            percent(AutomationRatio.of(posts).automated().size(), posts.size());
                    CalendarEntry first = entries.get(0);
                    perAccount.add(new AccountMix(
                            accountId,
                            first.handle(),
                            first.network(),
                            posts.size(),
                            automated,
                            automated > limits.automationMax()));
                });
        perAccount.sort(java.util.Comparator.comparing(AccountMix::handle));
        return new Mix(
                counts,
                total,
                promotional,
                limits.promotionalMax(),
                total > 0 && promotional > limits.promotionalMax(),
                perAccount,
                limits.automationMax());
    }

    /**
     * An unedited variant whose text went unchanged to another account of the same post: the same
     * words pasted everywhere, which is what reads as canned. (A proposal kept for one network is
     * the author's own idea, not template output.)
     */
    private static boolean pastedElsewhere(CalendarEntry entry, List<CalendarEntry> siblings, Map<Long, String> texts) {
        String text = texts.getOrDefault(entry.variantId(), "");
        return siblings.stream()
                .anyMatch(other -> other.variantId() != entry.variantId()
                        && CrossPosting.sameText(text, texts.getOrDefault(other.variantId(), "")));
    }

    private Map<Long, String> texts(List<CalendarEntry> entries) {
        Map<Long, String> texts = new java.util.HashMap<>();
        List<Long> ids = entries.stream().map(CalendarEntry::variantId).toList();
        for (int from = 0; from < ids.size(); from += 500) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
            jdbc.sql("SELECT id, text FROM post_variant WHERE id IN ("
                            + String.join(", ", java.util.Collections.nCopies(chunk.size(), "?")) + ")")
                    .params(new ArrayList<Object>(chunk))
                    .query((rs, row) -> texts.put(rs.getLong(1), rs.getString(2)))
                    .list();
        }
        return texts;
    }

    private static int percent(int part, int whole) {
        return whole == 0 ? 0 : (int) Math.round(100.0 * part / whole);
    }
}
