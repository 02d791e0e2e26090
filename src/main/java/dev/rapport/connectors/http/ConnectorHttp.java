package dev.rapport.connectors.http;

import dev.rapport.connectors.spi.ConnectorException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.NullNode;

/**
 * One HTTP exchange with a network, and the one translation of what can go wrong into a
 * {@link ConnectorException}: 429 → rate limited (Retry-After, or the reset time the network sends);
 * 401 → auth expired; other 4xx → rejected with the network's own message; 5xx, timeouts and reset
 * connections → transient, marked "the write may have happened" when a write may have reached the
 * network. A 2xx answer whose body is not JSON is transient too: for a write, the outcome is unknown.
 * Never retries. Logs status and a short body at debug level, never headers (they carry tokens).
 */
public final class ConnectorHttp {

    /** A network's own reading of an error answer, tried before the generic one. */
    @FunctionalInterface
    public interface ErrorReader {
        Optional<ConnectorException> read(int status, JsonNode body, @Nullable String requestId);
    }

    private static final Logger log = LoggerFactory.getLogger(ConnectorHttp.class);
    private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(60);
    private static final int LOGGED_BODY = 300;
    /** The largest answer read from a network, in bytes. */
    static final int MAX_BODY = 5 * 1024 * 1024;

    private final HttpClient client;
    private final Duration timeout;
    private final JsonMapper json;
    private final ErrorReader errors;

    public ConnectorHttp(HttpClient client, Duration timeout, JsonMapper json, ErrorReader errors) {
        this.client = client;
        this.timeout = timeout;
        this.json = json;
        this.errors = errors;
    }

    public JsonMapper json() {
        return json;
    }

    /** A read: nothing changes on the network, so a lost answer is harmless. */
    public JsonNode get(URI uri, Map<String, String> headers) {
        return exchange(HttpRequest.newBuilder(uri).GET(), headers, false);
    }

    /** A write with a JSON body. */
    public JsonNode postJson(URI uri, Map<String, String> headers, Object body) {
        byte[] bytes = json.writeValueAsBytes(body);
        return post(uri, headers, "application/json", HttpRequest.BodyPublishers.ofByteArray(bytes));
    }

    /** A write with a body of the given type. */
    public JsonNode post(URI uri, Map<String, String> headers, String contentType, BodyPublisher body) {
        return exchange(
                HttpRequest.newBuilder(uri).header("Content-Type", contentType).POST(body), headers, true);
    }

    /** A delete: a write, but repeating it is harmless. */
    public JsonNode delete(URI uri, Map<String, String> headers) {
        return exchange(HttpRequest.newBuilder(uri).DELETE(), headers, true);
    }

    private JsonNode exchange(HttpRequest.Builder builder, Map<String, String> headers, boolean write) {
        builder.timeout(timeout).header("Accept", "application/json");
        headers.forEach(builder::header);
        HttpRequest request = builder.build();
        HttpResponse<java.io.InputStream> response;
        byte[] bytes;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            // A server chosen by a member must not fill the memory: answers are read up to a limit.
            try (java.io.InputStream body = response.body()) {
                bytes = body.readNBytes(MAX_BODY + 1);
            }
            if (bytes.length > MAX_BODY) {
                throw new ConnectorException.Transient(
                        request.uri().getHost() + " answered more than " + MAX_BODY + " bytes",
                        write,
                        response.statusCode(),
                        null,
                        null);
            }
        } catch (HttpConnectTimeoutException | ConnectException notConnected) {
            throw new ConnectorException.Transient(
                    "could not connect to " + request.uri().getHost(), false, null, null, notConnected);
        } catch (HttpTimeoutException timedOut) {
            throw new ConnectorException.Transient(
                    "no answer from " + request.uri().getHost() + " within " + timeout, write, null, null, timedOut);
        } catch (IOException broken) {
            throw new ConnectorException.Transient(
                    "connection to " + request.uri().getHost() + " broke: " + broken.getMessage(),
                    write,
                    null,
                    null,
                    broken);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new ConnectorException.Transient("interrupted", write, null, null, interrupted);
        }
        int status = response.statusCode();
        String requestId = response.headers()
                .firstValue("x-request-id")
                .or(() -> response.headers().firstValue("x-amzn-requestid"))
                .orElse(null);
        if (status / 100 == 2) {
            if (bytes.length == 0) {
                return NullNode.getInstance();
            }
            try {
                return json.readTree(bytes);
            } catch (JacksonException malformed) {
                log.debug("{} {} answered {} with a body that is not JSON", request.method(), request.uri(), status);
                throw new ConnectorException.Transient(
                        "the answer of " + request.uri().getHost() + " could not be read",
                        write,
                        status,
                        requestId,
                        null);
            }
        }
        log.debug(
                "{} {} answered {} (request {}): {}",
                request.method(),
                request.uri().getPath(),
                status,
                requestId,
                abbreviate(bytes));
        JsonNode body = readQuietly(bytes);
        Optional<ConnectorException> specific = errors.read(status, body, requestId);
        if (specific.isPresent()) {
            throw specific.get();
        }
        if (status == 429) {
            throw new ConnectorException.RateLimited(retryAfter(response), status, requestId);
        }
        if (status == 401) {
            throw new ConnectorException.AuthExpired(message(body, "unauthorised"), status, requestId);
        }
        if (status / 100 == 4) {
            throw new ConnectorException.Rejected(
                    code(body, "http-" + status), message(body, "HTTP " + status), status, requestId);
        }
        // 503 means the server refused before doing anything; other 5xx may come after a write.
        throw new ConnectorException.Transient(
                request.uri().getHost() + " answered " + status, write && status != 503, status, requestId, null);
    }

    /** When to try again: Retry-After (seconds or a date), else a reset time the network sends. */
    static Duration retryAfter(HttpResponse<?> response) {
        Optional<String> header = response.headers().firstValue("retry-after");
        if (header.isPresent()) {
            String value = header.get().strip();
            try {
                return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
            } catch (NumberFormatException notSeconds) {
                try {
                    return until(ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME)
                            .toInstant());
                } catch (DateTimeParseException notADate) {
                    return DEFAULT_RETRY_AFTER;
                }
            }
        }
        // Bluesky: RateLimit-Reset in epoch seconds; Mastodon: X-RateLimit-Reset as an ISO time.
        Optional<String> reset = response.headers().firstValue("ratelimit-reset");
        if (reset.isPresent()) {
            try {
                return until(Instant.ofEpochSecond(Long.parseLong(reset.get().strip())));
            } catch (NumberFormatException ignored) {
                return DEFAULT_RETRY_AFTER;
            }
        }
        Optional<String> mastodonReset = response.headers().firstValue("x-ratelimit-reset");
        if (mastodonReset.isPresent()) {
            try {
                return until(Instant.parse(mastodonReset.get().strip()));
            } catch (DateTimeParseException ignored) {
                return DEFAULT_RETRY_AFTER;
            }
        }
        return DEFAULT_RETRY_AFTER;
    }

    private static Duration until(Instant instant) {
        Duration wait = Duration.between(Instant.now(), instant);
        return wait.isNegative() ? Duration.ZERO : wait;
    }

    private JsonNode readQuietly(byte[] bytes) {
        try {
            return bytes.length == 0 ? NullNode.getInstance() : json.readTree(bytes);
        } catch (JacksonException notJson) {
            return NullNode.getInstance();
        }
    }

    /** The network's error code: {@code error} (AT Protocol, OAuth), else the fallback. */
    private static String code(JsonNode body, String fallback) {
        JsonNode error = body.path("error");
        return error.isString() && !error.asString().isBlank() ? error.asString() : fallback;
    }

    /** The network's explanation: {@code message}, {@code error_description}, {@code error}. */
    private static String message(JsonNode body, String fallback) {
        for (String field : new String[] {"message", "error_description", "error"}) {
            JsonNode value = body.path(field);
            if (value.isString() && !value.asString().isBlank()) {
                return value.asString();
            }
        }
        return fallback;
    }

    private static String abbreviate(byte[] bytes) {
        String text = new String(bytes, 0, Math.min(bytes.length, LOGGED_BODY), StandardCharsets.UTF_8);
        return bytes.length > LOGGED_BODY ? text + "…" : text;
    }
}
