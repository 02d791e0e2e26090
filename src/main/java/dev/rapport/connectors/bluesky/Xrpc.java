package dev.rapport.connectors.bluesky;

import dev.rapport.connectors.ConnectorsProperties;
import dev.rapport.connectors.http.ConnectorHttp;
import dev.rapport.connectors.spi.ConnectorException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * XRPC over {@link ConnectorHttp}: queries are GET {@code /xrpc/<nsid>?params} (arrays repeat the
 * parameter), procedures POST {@code /xrpc/<nsid>} with a JSON body, both with the session's access
 * token as a bearer token. Errors arrive as {@code {"error": "<Name>", "message": "…"}}: an expired or
 * invalid token (400 {@code ExpiredToken}/{@code InvalidToken}) means {@link
 * ConnectorException.AuthExpired}, so the engine refreshes the session and tries once more; the rest
 * is read by {@link ConnectorHttp} (429 with RateLimit-Reset, other 4xx rejected with the network's
 * own message, 5xx transient).
 *
 * <p>App-view reads ({@code app.bsky.*}) go to the account's PDS as well: without an {@code
 * atproto-proxy} header the PDS forwards them to its default Bluesky app view, on bsky.social as in
 * {@code @atproto/dev-env}.
 *
 * @see <a href="https://docs.bsky.app/docs/advanced-guides/api-directory">API hosts and auth</a>
 * @see <a href="https://atproto.com/specs/xrpc">XRPC</a>
 * @see <a href="https://docs.bsky.app/docs/advanced-guides/rate-limits">Rate limits</a>
 */
final class Xrpc {

    private final ConnectorHttp secure;
    private final ConnectorHttp plain;

    Xrpc(HttpClient client, ConnectorsProperties properties, JsonMapper json) {
        this.secure = new ConnectorHttp(client, properties.requestTimeout(), json, Xrpc::readError);
        // A plain-http PDS (a local network) drops the h2c upgrade Java's client tries by default.
        HttpClient http11 = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.plain = new ConnectorHttp(http11, properties.requestTimeout(), json, Xrpc::readError);
    }

    /** A read. */
    JsonNode query(String service, String nsid, @Nullable String token, Map<String, ?> params) {
        StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
        params.forEach((name, value) -> {
            Collection<?> values = value instanceof Collection<?> many ? many : java.util.List.of(value);
            values.forEach(one -> query.add(encode(name) + "=" + encode(String.valueOf(one))));
        });
        URI uri = URI.create(base(service) + "/xrpc/" + nsid + query);
        return http(uri).get(uri, auth(token));
    }

    /** A write with a JSON body. */
    JsonNode procedure(String service, String nsid, @Nullable String token, Object body) {
        URI uri = URI.create(base(service) + "/xrpc/" + nsid);
        return http(uri).postJson(uri, auth(token), body);
    }

    /** A write without input (the PDS refuses a body, even {@code {}}, where the lexicon has none). */
    JsonNode procedure(String service, String nsid, String token) {
        URI uri = URI.create(base(service) + "/xrpc/" + nsid);
        return http(uri).post(uri, auth(token), "application/json", HttpRequest.BodyPublishers.noBody());
    }

    /** A write with raw bytes (a blob). */
    JsonNode upload(String service, String nsid, String token, String contentType, byte[] bytes) {
        URI uri = URI.create(base(service) + "/xrpc/" + nsid);
        return http(uri).post(uri, auth(token), contentType, HttpRequest.BodyPublishers.ofByteArray(bytes));
    }

    static Optional<ConnectorException> readError(int status, JsonNode body, @Nullable String requestId) {
        String error = text(body.path("error"));
        if ((status == 400 || status == 401) && ("ExpiredToken".equals(error) || "InvalidToken".equals(error))) {
            String message = text(body.path("message"));
            return Optional.of(new ConnectorException.AuthExpired(
                    error + (message == null ? "" : ": " + message), status, requestId));
        }
        return Optional.empty();
    }

    static @Nullable String text(JsonNode node) {
        return node.isString() ? node.stringValue() : null;
    }

    static String base(String service) {
        String trimmed = service.strip();
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }

    private ConnectorHttp http(URI uri) {
        return "http".equalsIgnoreCase(uri.getScheme()) ? plain : secure;
    }

    private static Map<String, String> auth(@Nullable String token) {
        Map<String, String> headers = new HashMap<>();
        if (token != null) {
            headers.put("Authorization", "Bearer " + token);
        }
        return headers;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
