package dev.rapport.connectors.mastodon;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import tools.jackson.databind.JsonNode;

/**
 * The limits a Mastodon server sets for statuses and media, kept with the connection so that
 * variants can be checked before they are scheduled: {@code maxCharacters} (a URL counts as
 * {@code charactersReservedPerUrl}), {@code maxMediaAttachments}, {@code imageSizeLimit} (bytes),
 * {@code imageMatrixLimit} (pixels) and {@code imageMimeTypes}. Where the server does not say,
 * Mastodon's own defaults apply (500, 23, 4).
 *
 * @see <a href="https://docs.joinmastodon.org/entities/Instance/#configuration">Instance configuration (v2)</a>
 * @see <a href="https://docs.joinmastodon.org/entities/V1_Instance/">V1::Instance</a>
 */
final class MastodonInstance {

    private MastodonInstance() {}

    /** Limits from {@code GET /api/v2/instance} (Mastodon 4.0 and later). */
    static Map<String, String> fromV2(JsonNode instance) {
        return limits(
                instance.path("configuration"), -1, instance.path("domain").asString(""));
    }

    /**
     * Limits from {@code GET /api/v1/instance}: {@code configuration} since Mastodon 3.4.2, and the
     * {@code max_toot_chars} that forks and other servers (Pleroma, Akkoma, glitch-soc) send.
     */
    static Map<String, String> fromV1(JsonNode instance) {
        return limits(
                instance.path("configuration"),
                instance.path("max_toot_chars").asLong(-1),
                instance.path("uri").asString(""));
    }

    private static Map<String, String> limits(JsonNode configuration, long maxTootChars, String domain) {
        JsonNode statuses = configuration.path("statuses");
        JsonNode media = configuration.path("media_attachments");
        Map<String, String> limits = new LinkedHashMap<>();
        if (!domain.isBlank()) {
            limits.put("domain", domain);
        }
        long maxCharacters = statuses.path("max_characters").asLong(maxTootChars > 0 ? maxTootChars : 500);
        limits.put("maxCharacters", Long.toString(maxCharacters));
        limits.put(
                "charactersReservedPerUrl",
                Long.toString(statuses.path("characters_reserved_per_url").asLong(23)));
        limits.put(
                "maxMediaAttachments",
                Long.toString(statuses.path("max_media_attachments").asLong(4)));
        if (media.path("image_size_limit").isNumber()) {
            limits.put(
                    "imageSizeLimit",
                    Long.toString(media.path("image_size_limit").asLong()));
        }
        if (media.path("image_matrix_limit").isNumber()) {
            limits.put(
                    "imageMatrixLimit",
                    Long.toString(media.path("image_matrix_limit").asLong()));
        }
        StringJoiner images = new StringJoiner(",");
        for (JsonNode type : media.path("supported_mime_types")) {
            if (type.asString("").startsWith("image/")) {
                images.add(type.asString());
            }
        }
        if (images.length() > 0) {
            limits.put("imageMimeTypes", images.toString());
        }
        return limits;
    }
}
