package dev.rapport.connectors.mastodon;

import dev.rapport.connectors.spi.InboundItem;
import dev.rapport.connectors.spi.InboundItem.Kind;
import dev.rapport.connectors.spi.InteractionPage;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Mastodon notifications as interactions. A {@code mention} whose status answers one of the
 * account's statuses is a {@link Kind#REPLY} (subject: the status answered), any other mention a
 * {@link Kind#MENTION}, and one with {@code direct} visibility a {@link Kind#DIRECT_MESSAGE};
 * {@code favourite} is a like, {@code reblog} a repost, {@code follow} a follow and {@code quote}
 * (Mastodon 4.5) a quote. Other types (polls ending, edits, moderation, sign-ups…) are not
 * interactions and are skipped, but still move the cursor. Written items carry the status's id as
 * their {@code remoteId}, so that an answer can reply to it; likes, reposts and follows carry the
 * notification's id.
 *
 * @see <a href="https://docs.joinmastodon.org/entities/Notification/">Notification entity</a>
 * @see <a href="https://docs.joinmastodon.org/entities/Quote/">Quote entity</a>
 */
final class MastodonNotifications {

    /** Ids are strings of digits of growing length; "not guaranteed to be a number", so no parsing. */
    static final Comparator<String> ID_ORDER =
            Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder());

    private MastodonNotifications() {}

    /**
     * @param notifications the array the server answered, newest first
     * @param ownAccountId the connected account, to tell replies to it from other mentions
     * @param localDomain the server's domain, to complete local handles ({@code acct} has none)
     */
    static InteractionPage page(
            JsonNode notifications, @Nullable String cursor, String ownAccountId, String localDomain) {
        List<JsonNode> oldestFirst = new ArrayList<>();
        notifications.forEach(oldestFirst::add);
        oldestFirst.sort(
                Comparator.comparing(notification -> notification.path("id").asString(""), ID_ORDER));
        List<InboundItem> items = new ArrayList<>();
        String newest = cursor;
        for (JsonNode notification : oldestFirst) {
            String id = notification.path("id").asString("");
            if (id.isEmpty()) {
                continue;
            }
            if (newest == null || ID_ORDER.compare(id, newest) > 0) {
                newest = id;
            }
            InboundItem item = item(notification, ownAccountId, localDomain);
            if (item != null) {
                items.add(item);
            }
        }
        return new InteractionPage(items, newest);
    }

    /** One notification as an interaction; null for the types that are none. */
    static @Nullable InboundItem item(JsonNode notification, String ownAccountId, String localDomain) {
        String id = notification.path("id").asString();
        JsonNode status = notification.path("status");
        InboundItem.Author author = author(notification.path("account"), localDomain);
        Instant at = instant(notification.path("created_at"));
        return switch (notification.path("type").asString("")) {
            case "mention" -> written(status, mentionKind(status, ownAccountId), author, at, ownAccountId);
            case "quote" -> written(status, Kind.QUOTE, author, at, ownAccountId);
            case "favourite" -> reaction(id, Kind.LIKE, status, author, at);
            case "reblog" -> reaction(id, Kind.REPOST, status, author, at);
            case "follow" ->
                new InboundItem(
                        id, Kind.FOLLOW, author, null, null, null, text(notification.path("account"), "url"), null, at);
            default -> null;
        };
    }

    private static Kind mentionKind(JsonNode status, String ownAccountId) {
        if ("direct".equals(text(status, "visibility"))) {
            return Kind.DIRECT_MESSAGE;
        }
        return ownAccountId.equals(text(status, "in_reply_to_account_id")) ? Kind.REPLY : Kind.MENTION;
    }

    private static @Nullable InboundItem written(
            JsonNode status, Kind kind, InboundItem.Author author, Instant at, String ownAccountId) {
        String statusId = text(status, "id");
        if (statusId == null) {
            return null;
        }
        String inReplyTo = text(status, "in_reply_to_id");
        String subject = switch (kind) {
            case QUOTE -> quoted(status.path("quote"));
            case REPLY -> inReplyTo;
            // A private mention may answer the account's own status too.
            default -> ownAccountId.equals(text(status, "in_reply_to_account_id")) ? inReplyTo : null;
        };
        String words = MastodonText.withoutLeadingMentions(
                MastodonText.plain(text(status, "content")), status.path("mentions"));
        return new InboundItem(
                statusId, kind, author, words, subject, inReplyTo, text(status, "url"), text(status, "language"), at);
    }

    private static @Nullable InboundItem reaction(
            String id, Kind kind, JsonNode status, InboundItem.Author author, Instant at) {
        return new InboundItem(id, kind, author, null, text(status, "id"), null, text(status, "url"), null, at);
    }

    /** The quoted status: a full {@code Quote} or, for nested quotes, a {@code ShallowQuote}. */
    private static @Nullable String quoted(JsonNode quote) {
        String full = text(quote.path("quoted_status"), "id");
        return full != null ? full : text(quote, "quoted_status_id");
    }

    private static InboundItem.Author author(JsonNode account, String localDomain) {
        String acct = Objects.requireNonNullElse(text(account, "acct"), "unknown");
        String handle = "@" + (acct.contains("@") ? acct : acct + "@" + localDomain);
        String displayName = text(account, "display_name");
        return new InboundItem.Author(
                Objects.requireNonNullElse(text(account, "id"), acct),
                handle,
                displayName == null || displayName.isBlank() ? null : displayName);
    }

    static @Nullable String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isString() ? value.asString() : null;
    }

    static Instant instant(JsonNode value) {
        try {
            return value.isString() ? Instant.parse(value.asString()) : Instant.now();
        } catch (DateTimeParseException notATime) {
            return Instant.now();
        }
    }
}
