package dev.rapport.connectors.bluesky;

import dev.rapport.connectors.spi.InboundItem;
import dev.rapport.connectors.spi.InboundItem.Kind;
import dev.rapport.connectors.spi.InteractionPage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The account's notifications as interactions. {@code listNotifications} pages backwards, newest
 * first, and its own cursor only reaches older items; so Rapport's cursor is the {@code indexedAt}
 * of the newest notification already read, and "since the cursor" means: read pages from the newest
 * until one reaches that time (at most {@value #MAX_PAGES} pages of {@value #PAGE_SIZE}), keep what is
 * newer, and hand it back oldest first. Without a cursor the newest page is read. Reasons other
 * than reply, mention, quote, like, repost and follow (starter packs, verification, …) are skipped
 * but still move the cursor. Reading does not mark notifications as seen in the owner's app.
 *
 * @see <a href="https://docs.bsky.app/docs/api/app-bsky-notification-list-notifications">app.bsky.notification.listNotifications</a>
 */
final class Notifications {

    static final int PAGE_SIZE = 100;
    static final int MAX_PAGES = 5;

    private final Xrpc xrpc;

    Notifications(Xrpc xrpc) {
        this.xrpc = xrpc;
    }

    InteractionPage since(Session session, @Nullable String cursor) {
        Instant seen = cursor == null ? null : Posts.parseDatetime(cursor);
        List<JsonNode> fresh = new ArrayList<>();
        String page = null;
        for (int pages = 0; pages < MAX_PAGES; pages++) {
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("limit", seen == null ? 50 : PAGE_SIZE);
            if (page != null) {
                params.put("cursor", page);
            }
            JsonNode answer = xrpc.query(
                    session.service(), "app.bsky.notification.listNotifications", session.accessJwt(), params);
            boolean reachedSeen = false;
            for (JsonNode notification : answer.path("notifications")) {
                Instant at = Posts.parseDatetime(Xrpc.text(notification.path("indexedAt")));
                if (at == null) {
                    continue; // not a notification the lexicon describes
                }
                if (seen != null && !at.isAfter(seen)) {
                    reachedSeen = true;
                } else {
                    fresh.add(notification);
                }
            }
            page = Xrpc.text(answer.path("cursor"));
            if (seen == null
                    || reachedSeen
                    || page == null
                    || answer.path("notifications").isEmpty()) {
                break;
            }
        }
        fresh.sort(Comparator.comparing(notification -> indexedAt(notification)));
        String next =
                fresh.isEmpty() ? cursor : Xrpc.text(fresh.get(fresh.size() - 1).path("indexedAt"));
        List<InboundItem> items = fresh.stream()
                .map(Notifications::item)
                .flatMap(Optional::stream)
                .toList();
        return new InteractionPage(items, next);
    }

    static Optional<InboundItem> item(JsonNode notification) {
        Kind kind = switch (String.valueOf(Xrpc.text(notification.path("reason")))) {
            case "reply" -> Kind.REPLY;
            case "mention" -> Kind.MENTION;
            case "quote" -> Kind.QUOTE;
            case "like" -> Kind.LIKE;
            case "repost" -> Kind.REPOST;
            case "follow" -> Kind.FOLLOW;
            default -> null;
        };
        String uri = Xrpc.text(notification.path("uri"));
        if (kind == null || uri == null) {
            return Optional.empty();
        }
        JsonNode record = notification.path("record");
        JsonNode author = notification.path("author");
        String handle = String.valueOf(Xrpc.text(author.path("handle")));
        String displayName = Xrpc.text(author.path("displayName"));
        String parent = Xrpc.text(record.path("reply").path("parent").path("uri"));
        String subject = switch (kind) {
            case REPLY -> parent;
            case LIKE, REPOST, QUOTE -> Xrpc.text(notification.path("reasonSubject"));
            default -> null;
        };
        boolean post = kind.conversational();
        String url = post
                ? AtUri.parse(uri)
                        .map(at -> "https://bsky.app/profile/" + handle + "/post/" + at.rkey())
                        .orElse(null)
                : kind == Kind.FOLLOW ? "https://bsky.app/profile/" + handle : null;
        JsonNode langs = record.path("langs");
        return Optional.of(new InboundItem(
                uri,
                kind,
                new InboundItem.Author(
                        String.valueOf(Xrpc.text(author.path("did"))),
                        handle,
                        displayName == null || displayName.isBlank() ? null : displayName),
                post ? Xrpc.text(record.path("text")) : null,
                subject,
                post ? parent : null,
                url,
                langs.isArray() && !langs.isEmpty() ? Xrpc.text(langs.get(0)) : null,
                indexedAt(notification)));
    }

    private static Instant indexedAt(JsonNode notification) {
        Instant at = Posts.parseDatetime(Xrpc.text(notification.path("indexedAt")));
        return at == null ? Instant.EPOCH : at;
    }
}
