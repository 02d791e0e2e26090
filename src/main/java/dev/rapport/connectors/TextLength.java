package dev.rapport.connectors;

import com.twitter.twittertext.TwitterTextParser;
import dev.rapport.connectors.spi.NetworkProfile.Counting;
import java.text.Normalizer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The length of a text as a network counts it.
 *
 * @param count the network's count
 * @param max the network's (or the server's) limit, if it has one
 */
public record TextLength(int count, @Nullable Integer max) {

    private static final Pattern GRAPHEME = Pattern.compile("\\X");
    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"]+");
    /** {@code @user@domain}: Mastodon counts only {@code @user}. */
    private static final Pattern REMOTE_MENTION = Pattern.compile("(@[\\w.]+)@[\\w.-]+\\.[a-zA-Z]{2,}");

    public boolean over() {
        return max != null && count > max;
    }

    /** How many more fit (negative when over), or null without a limit. */
    public @Nullable Integer remaining() {
        return max == null ? null : max - count;
    }

    /**
     * @param urlLength what a URL counts on Mastodon (the server's {@code characters_reserved_per_url})
     */
    public static int count(Counting counting, String text, int urlLength) {
        return switch (counting) {
            case TWITTER_WEIGHTED -> TwitterTextParser.parseTweet(text).weightedLength;
            case GRAPHEMES -> graphemes(text);
            case MASTODON -> {
                String countable = URL.matcher(text).replaceAll(Matcher.quoteReplacement("x".repeat(urlLength)));
                yield graphemes(REMOTE_MENTION.matcher(countable).replaceAll("$1"));
            }
            case CHARACTERS, NONE -> text.codePointCount(0, text.length());
        };
    }

    static int graphemes(String text) {
        Matcher matcher = GRAPHEME.matcher(Normalizer.normalize(text, Normalizer.Form.NFC));
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }
}
