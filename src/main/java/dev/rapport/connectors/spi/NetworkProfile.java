package dev.rapport.connectors.spi;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a network expects of a post — its customs, in the article's words — each fact with where it
 * comes from. Built in (see {@code docs/network-profiles.md}); admins adjust them for their workspace.
 * A null inside a value means "not known", never zero.
 */
public record NetworkProfile(
        String network,
        Map<String, String> name,
        Fact<TextLimit> textLimit,
        Fact<Hashtags> hashtags,
        Fact<Links> links,
        Fact<Media> media,
        Fact<List<String>> languages,
        Fact<Map<String, String>> tone,
        Fact<List<PostingWindow>> postingWindows,
        Fact<PostingApi> postingApi) {

    /** One fact, and its source: a web address, or null with a note saying why. */
    public record Fact<T>(
            T value, @Nullable String source, @Nullable String note) {}

    /** How long a post may be, counted the network's way. */
    public record TextLimit(@Nullable Integer max, Counting counting) {}

    public enum Counting {
        /** X: twitter-text's weighted length (CJK counts 2, every URL 23). */
        @JsonProperty("twitter-weighted")
        TWITTER_WEIGHTED,
        /** Bluesky: user-perceived characters (extended grapheme clusters). */
        @JsonProperty("graphemes")
        GRAPHEMES,
        /** Mastodon: graphemes, with every URL as the server's reserved length and remote mentions as {@code @user}. */
        @JsonProperty("mastodon")
        MASTODON,
        /** Unicode code points: one 字 is one. */
        @JsonProperty("characters")
        CHARACTERS,
        /** No practical limit. */
        @JsonProperty("none")
        NONE
    }

    /**
     * @param style {@code hash} (#tag), {@code weibo} (#话题#, closed) or {@code none}
     * @param recommendedMax a sensible count per post, if known
     */
    public record Hashtags(String style, @Nullable Integer recommendedMax) {}

    /**
     * @param clickable whether a link in the post text can be followed there
     * @param countedAs the length any link counts as, if not its own
     */
    public record Links(
            @Nullable Boolean clickable, @Nullable Integer countedAs) {}

    public record Media(
            @Nullable Boolean required,
            @Nullable Integer maxImages,
            @Nullable Boolean video,
            @Nullable Map<String, String> note) {}

    /** Good times to post: days MON..SUN, times HH:mm, zone {@code local} (the audience's) or an IANA zone. */
    public record PostingWindow(List<String> days, String from, String to, String zone) {}

    public record PostingApi(boolean available, @Nullable Map<String, String> note) {}
}
