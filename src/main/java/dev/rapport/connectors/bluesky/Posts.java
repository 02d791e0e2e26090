package dev.rapport.connectors.bluesky;

import dev.rapport.connectors.spi.ConnectorException;
import dev.rapport.connectors.spi.MediaItem;
import dev.rapport.connectors.spi.PublishReceipt;
import dev.rapport.connectors.spi.PublishRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Writes {@code app.bsky.feed.post} records: checks the network's limits before any call, detects
 * the facets, attaches images or a link card, threads replies, and creates the record under the
 * record key derived from the idempotency key ({@link RecordKeys}).
 *
 * <p>A second {@code createRecord} with a key that exists is refused by the PDS (measured on
 * {@code @atproto/pds}: 500, the repository already holds a value at that key). That answer is
 * transient with "the write may have happened", so the engine looks the key up with
 * {@link BlueskyConnector#findPublished} and reports the existing post: nothing is published twice.
 *
 * @see <a href="https://docs.bsky.app/docs/advanced-guides/posts">Creating a post</a>
 * @see <a href="https://docs.bsky.app/docs/api/com-atproto-repo-create-record">com.atproto.repo.createRecord</a>
 */
final class Posts {

    static final String COLLECTION = "app.bsky.feed.post";
    static final int MAX_GRAPHEMES = 300;
    static final int MAX_BYTES = 3000;
    static final int MAX_IMAGES = 4;
    static final int MAX_IMAGE_BYTES = 1_000_000;

    private static final Pattern GRAPHEME = Pattern.compile("\\X");
    private static final DateTimeFormatter DATETIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final Xrpc xrpc;

    Posts(Xrpc xrpc) {
        this.xrpc = xrpc;
    }

    PublishReceipt publish(Session session, PublishRequest request) {
        String text = textOf(request);
        check(text, request);
        String rkey = RecordKeys.forIdempotencyKey(request.idempotencyKey());
        Instant createdAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        Map<String, Object> post = new LinkedHashMap<>();
        post.put("$type", COLLECTION);
        post.put("text", text);
        Map<String, Optional<String>> resolved = new HashMap<>();
        List<Map<String, Object>> facets =
                Facets.detect(text, handle -> resolved.computeIfAbsent(handle, h -> resolveHandle(session, h))).stream()
                        .map(Facets.Facet::toRecord)
                        .toList();
        if (!facets.isEmpty()) {
            post.put("facets", facets);
        }
        if (request.language() != null && !request.language().isBlank()) {
            post.put("langs", List.of(request.language()));
        }
        if (request.replyTo() != null) {
            post.put("reply", replyRef(session, request.replyTo()));
        }
        if (!request.media().isEmpty()) {
            post.put("embed", images(session, request.media()));
        } else if (request.link() != null && !text.contains(request.link())) {
            post.put("embed", linkCard(request.link()));
        }
        post.put("createdAt", DATETIME.format(createdAt));

        JsonNode created = xrpc.procedure(
                session.service(),
                "com.atproto.repo.createRecord",
                session.accessJwt(),
                Map.of("repo", session.did(), "collection", COLLECTION, "rkey", rkey, "record", post));
        String uri = Xrpc.text(created.path("uri"));
        return new PublishReceipt(
                uri != null ? uri : AtUri.of(session.did(), COLLECTION, rkey).toString(),
                session.postUrl(rkey),
                createdAt);
    }

    /** The text as posted: with images there is no link card, so a link not in the text is appended. */
    static String textOf(PublishRequest request) {
        String link = request.link();
        if (link == null || request.media().isEmpty() || request.text().contains(link)) {
            return request.text();
        }
        return request.text().isBlank() ? link : request.text().stripTrailing() + " " + link;
    }

    /** The lexicon's limits, checked before any call so that the owner learns why at once. */
    static void check(String text, PublishRequest request) {
        if (text.isBlank() && request.media().isEmpty() && request.link() == null) {
            throw rejected("empty", "A Bluesky post needs text, an image or a link.");
        }
        long graphemes = GRAPHEME.matcher(text).results().count();
        int bytes = text.getBytes(StandardCharsets.UTF_8).length;
        if (graphemes > MAX_GRAPHEMES || bytes > MAX_BYTES) {
            throw rejected(
                    "text-too-long",
                    "A Bluesky post holds at most " + MAX_GRAPHEMES + " characters (" + MAX_BYTES
                            + " bytes); this one has " + graphemes + " (" + bytes + " bytes).");
        }
        if (request.media().size() > MAX_IMAGES) {
            throw rejected("too-many-images", "A Bluesky post holds at most " + MAX_IMAGES + " images.");
        }
        for (MediaItem item : request.media()) {
            if (!item.mimeType().startsWith("image/")) {
                throw rejected("not-an-image", item.fileName() + " is not an image; Bluesky posts take images.");
            }
            if (item.bytes().length > MAX_IMAGE_BYTES) {
                throw rejected(
                        "image-too-large",
                        item.fileName() + " has " + item.bytes().length + " bytes; Bluesky takes images up to "
                                + MAX_IMAGE_BYTES + " bytes.");
            }
        }
    }

    /**
     * The handle's DID; empty when it does not resolve, and the mention then stays plain text.
     *
     * @see <a href="https://docs.bsky.app/docs/api/com-atproto-identity-resolve-handle">com.atproto.identity.resolveHandle</a>
     */
    private Optional<String> resolveHandle(Session session, String handle) {
        try {
            JsonNode answer = xrpc.query(
                    session.service(),
                    "com.atproto.identity.resolveHandle",
                    session.accessJwt(),
                    Map.of("handle", handle));
            return Optional.ofNullable(Xrpc.text(answer.path("did")));
        } catch (ConnectorException.Rejected unresolvable) {
            return Optional.empty();
        }
    }

    /**
     * Strong references (uri + cid) to the post answered and to its thread's root, which is the
     * parent's own root when the parent is itself a reply.
     *
     * @see <a href="https://docs.bsky.app/docs/api/com-atproto-repo-get-record">com.atproto.repo.getRecord</a>
     */
    private Map<String, Object> replyRef(Session session, String parentUri) {
        AtUri parent = AtUri.parse(parentUri)
                .orElseThrow(() -> rejected("reply-target-invalid", parentUri + " is not a Bluesky post."));
        JsonNode record;
        try {
            record = xrpc.query(
                    session.service(),
                    "com.atproto.repo.getRecord",
                    session.accessJwt(),
                    Map.of("repo", parent.did(), "collection", parent.collection(), "rkey", parent.rkey()));
        } catch (ConnectorException.Rejected notFound) {
            throw rejected("reply-target-gone", "The post this replies to is no longer on Bluesky.");
        }
        Map<String, String> parentRef = Map.of("uri", parentUri, "cid", String.valueOf(Xrpc.text(record.path("cid"))));
        JsonNode root = record.path("value").path("reply").path("root");
        Map<String, String> rootRef = Xrpc.text(root.path("uri")) != null && Xrpc.text(root.path("cid")) != null
                ? Map.of("uri", Xrpc.text(root.path("uri")), "cid", Xrpc.text(root.path("cid")))
                : parentRef;
        return Map.of("root", rootRef, "parent", parentRef);
    }

    /**
     * Uploads each image, then embeds them with their alt text.
     *
     * @see <a href="https://docs.bsky.app/docs/api/com-atproto-repo-upload-blob">com.atproto.repo.uploadBlob</a>
     * @see <a href="https://docs.bsky.app/docs/advanced-guides/posts#images-embeds">app.bsky.embed.images</a>
     */
    private Map<String, Object> images(Session session, List<MediaItem> media) {
        List<Map<String, Object>> images = new ArrayList<>();
        for (MediaItem item : media) {
            JsonNode blob;
            try {
                blob = xrpc.upload(
                                session.service(),
                                "com.atproto.repo.uploadBlob",
                                session.accessJwt(),
                                item.mimeType(),
                                item.bytes())
                        .path("blob");
            } catch (ConnectorException.Transient lost) {
                // No post exists yet: an unreferenced blob is dropped by the PDS, so nothing was published.
                throw new ConnectorException.Transient(
                        lost.getMessage(), false, lost.status(), lost.requestId(), lost.getCause());
            }
            images.add(Map.of("image", blob, "alt", item.altText() == null ? "" : item.altText()));
        }
        return Map.of("$type", "app.bsky.embed.images", "images", images);
    }

    /**
     * A link card for a page the text does not show.
     *
     * @see <a href="https://docs.bsky.app/docs/advanced-guides/posts#website-card-embeds">app.bsky.embed.external</a>
     */
    private static Map<String, Object> linkCard(String link) {
        return Map.of(
                "$type", "app.bsky.embed.external", "external", Map.of("uri", link, "title", link, "description", ""));
    }

    static ConnectorException.Rejected rejected(String code, String message) {
        return new ConnectorException.Rejected(code, message, null, null);
    }

    /** Formats a time as the lexicon's datetime, in UTC with milliseconds. */
    static String datetime(Instant instant) {
        return DATETIME.format(instant);
    }

    static @Nullable Instant parseDatetime(@Nullable String value) {
        if (value == null) {
            return null;
        }
        try {
            return java.time.OffsetDateTime.parse(value).toInstant();
        } catch (java.time.format.DateTimeParseException unreadable) {
            return null;
        }
    }
}
