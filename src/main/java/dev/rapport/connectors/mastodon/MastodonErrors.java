package dev.rapport.connectors.mastodon;

import dev.rapport.connectors.http.ConnectorHttp;
import dev.rapport.connectors.spi.ConnectorException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Mastodon's error answers, read before the generic ones of {@link ConnectorHttp}. Mastodon answers
 * every error with {@code {"error": "…"}}, a sentence in the account's language rather than a code,
 * so the sentence becomes the owner's message and the HTTP status the stable code. 401, 429 and 5xx
 * are left to the generic reading (auth expired; rate limited with {@code X-RateLimit-Reset};
 * transient).
 *
 * @see <a href="https://docs.joinmastodon.org/entities/Error/">Error entity</a>
 * @see <a href="https://docs.joinmastodon.org/api/rate-limits/">Rate limits</a>
 */
final class MastodonErrors implements ConnectorHttp.ErrorReader {

    @Override
    public Optional<ConnectorException> read(int status, JsonNode body, @Nullable String requestId) {
        String code = switch (status) {
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 410 -> "gone";
            case 413 -> "too-large";
            case 422 -> "unprocessable";
            default -> null;
        };
        if (code == null) {
            return Optional.empty();
        }
        String fallback = status == 413 ? "The file is larger than the server accepts." : "HTTP " + status;
        return Optional.of(new ConnectorException.Rejected(code, error(body, fallback), status, requestId));
    }

    /** Mastodon's own words: {@code error}, with {@code error_description} where OAuth adds one. */
    static String error(JsonNode body, String fallback) {
        JsonNode error = body.path("error");
        if (!error.isString() || error.asString().isBlank()) {
            return fallback;
        }
        JsonNode description = body.path("error_description");
        return description.isString() && !description.asString().isBlank()
                ? error.asString() + ": " + description.asString()
                : error.asString();
    }
}
