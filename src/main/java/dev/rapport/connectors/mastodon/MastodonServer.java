package dev.rapport.connectors.mastodon;

import dev.rapport.connectors.spi.ConnectorException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The address of a Mastodon server, checked: HTTPS only (plain HTTP only for a server on this
 * machine, which is how the tests run one), no user name or password in it, no path, query or
 * fragment. Anything else is refused before a token is sent anywhere.
 */
record MastodonServer(URI base) {

    private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]");

    static MastodonServer of(@Nullable String entered) {
        String text = entered == null ? "" : entered.strip();
        if (text.isEmpty()) {
            throw invalid("Enter the address of your Mastodon server, e.g. https://mastodon.social.");
        }
        if (!text.contains("://")) {
            text = "https://" + text;
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw invalid("This is not a web address: " + text);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (host.isEmpty()) {
            throw invalid("The server address has no host name: " + text);
        }
        if (!scheme.equals("https") && !(scheme.equals("http") && LOCAL_HOSTS.contains(host))) {
            throw invalid("The server address must start with https://.");
        }
        if (uri.getRawUserInfo() != null) {
            throw invalid("The server address must not contain a user name or password.");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        if (!(path.isEmpty() || path.equals("/")) || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw invalid("Enter only the server's address, without a path: " + scheme + "://" + host);
        }
        String port = uri.getPort() == -1 ? "" : ":" + uri.getPort();
        return new MastodonServer(URI.create(scheme + "://" + host + port));
    }

    /** An API address on this server; {@code path} starts with a slash and is already encoded. */
    URI api(String path) {
        return URI.create(base + path);
    }

    String host() {
        return base.getHost();
    }

    /** One path segment (an id), encoded: ids are strings, "not guaranteed to be a number". */
    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public String toString() {
        return base.toString();
    }

    private static ConnectorException.Rejected invalid(String message) {
        return new ConnectorException.Rejected("invalid-server", message, null, null);
    }
}
