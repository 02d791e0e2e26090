package dev.rapport.content;

import dev.rapport.connectors.spi.NetworkProfile;
import dev.rapport.content.text.Hashtag;
import dev.rapport.content.text.Link;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A variant as its network will show it: the text cut into plain words, hashtags, mentions and
 * links, each marked as the network renders it — a link is a link only where the network makes it
 * clickable, a hashtag only where the network has them.
 */
public final class NetworkPreview {

    /** What a piece of the text is. */
    public enum Kind {
        TEXT,
        HASHTAG,
        MENTION,
        LINK
    }

    /**
     * @param active whether the network renders it as something to tap (a clickable link, a topic)
     */
    public record Piece(String text, Kind kind, boolean active) {}

    private static final Pattern MENTION = Pattern.compile("(?<![\\w.@])@[\\w.-]+(?:@[\\w.-]+\\.[a-zA-Z]{2,})?");

    private NetworkPreview() {}

    public static List<Piece> of(String text, NetworkProfile profile) {
        record Mark(int start, int end, Kind kind, boolean active) {}
        boolean clickable = !Boolean.FALSE.equals(profile.links().value().clickable());
        boolean hashtags = !"none".equals(profile.hashtags().value().style());
        List<Mark> marks = new ArrayList<>();
        Link.in(text).forEach(link -> marks.add(new Mark(link.start(), link.end(), Kind.LINK, clickable)));
        Hashtag.in(text).forEach(tag -> marks.add(new Mark(tag.start(), tag.end(), Kind.HASHTAG, hashtags)));
        Matcher mention = MENTION.matcher(text);
        while (mention.find()) {
            marks.add(new Mark(mention.start(), mention.end(), Kind.MENTION, true));
        }
        marks.sort(Comparator.comparingInt(Mark::start));
        List<Piece> pieces = new ArrayList<>();
        int at = 0;
        for (Mark mark : marks) {
            if (mark.start() < at) {
                continue; // inside a link, say
            }
            if (mark.start() > at) {
                pieces.add(new Piece(text.substring(at, mark.start()), Kind.TEXT, false));
            }
            pieces.add(new Piece(text.substring(mark.start(), mark.end()), mark.kind(), mark.active()));
            at = mark.end();
        }
        if (at < text.length()) {
            pieces.add(new Piece(text.substring(at), Kind.TEXT, false));
        }
        return pieces;
    }
}
