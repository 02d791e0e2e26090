package dev.rapport.connectors.bluesky;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An {@code at://<did>/<collection>/<rkey>} record address, the id of every post.
 *
 * @see <a href="https://atproto.com/specs/at-uri-scheme">AT URI scheme</a>
 */
record AtUri(String did, String collection, String rkey) {

    private static final Pattern SHAPE =
            Pattern.compile("at://(did:[a-z]+:[a-zA-Z0-9._:%-]+)/([a-zA-Z0-9.-]+)/([a-zA-Z0-9._~:-]+)");

    static AtUri of(String did, String collection, String rkey) {
        return new AtUri(did, collection, rkey);
    }

    static Optional<AtUri> parse(String uri) {
        Matcher matcher = SHAPE.matcher(uri.strip());
        return matcher.matches()
                ? Optional.of(new AtUri(matcher.group(1), matcher.group(2), matcher.group(3)))
                : Optional.empty();
    }

    @Override
    public String toString() {
        return "at://" + did + "/" + collection + "/" + rkey;
    }
}
