package dev.rapport.connectors.http;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * The one check of a server address a member enters (a Mastodon server, a Bluesky PDS): only
 * {@code https://host[:port]}, and never a host inside the company's own networks — loopback,
 * private, link-local, carrier-grade NAT, unique-local or multicast addresses — unless
 * {@code allowPrivate} (tests, and installations that run their own network on a private address),
 * which also allows plain http. Otherwise Rapport could be made to call its own neighbours.
 */
public final class ServerAddress {

    private ServerAddress() {}

    /** The address as {@code scheme://host[:port]}, or empty when it may not be used. */
    public static Optional<String> check(String value, boolean allowPrivate) {
        URI uri;
        try {
            uri = new URI(value.strip());
        } catch (URISyntaxException notAnAddress) {
            return Optional.empty();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        String host = uri.getHost();
        boolean bare = (uri.getRawPath() == null
                        || uri.getRawPath().isEmpty()
                        || uri.getRawPath().equals("/"))
                && uri.getRawQuery() == null
                && uri.getRawFragment() == null
                && uri.getRawUserInfo() == null;
        if (host == null || !bare || !(scheme.equals("https") || (allowPrivate && scheme.equals("http")))) {
            return Optional.empty();
        }
        if (!allowPrivate) {
            try {
                for (InetAddress address : InetAddress.getAllByName(host)) {
                    if (internal(address)) {
                        return Optional.empty();
                    }
                }
            } catch (UnknownHostException unknown) {
                return Optional.empty();
            }
        }
        return Optional.of(scheme + "://" + host + (uri.getPort() < 0 ? "" : ":" + uri.getPort()));
    }

    static boolean internal(InetAddress address) {
        if (address.isLoopbackAddress()
                || address.isSiteLocalAddress()
                || address.isLinkLocalAddress()
                || address.isAnyLocalAddress()
                || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address) {
            return (bytes[0] & 0xfe) == 0xfc; // fc00::/7, unique local
        }
        return (bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64; // 100.64.0.0/10, carrier-grade NAT
    }
}
