package dev.rapport.connectors.bluesky;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rich-text facets of a post: links, mentions and hashtags, each with its UTF-8 byte range
 * (start inclusive, end exclusive), detected as the reference client ({@code @atproto/api}
 * {@code RichText.detectFacets}) detects them: a link starts with http(s)://, loses trailing
 * punctuation and an unbalanced closing parenthesis; a mention is {@code @handle} (a domain) after
 * the start, a space or "(" and gets a facet only when the handle resolves to a DID; a hashtag is
 * {@code #tag} or {@code ＃tag} after the start or a space, in any script (#咖啡), not only digits,
 * without trailing punctuation, at most 64 characters.
 *
 * @see <a href="https://docs.bsky.app/docs/advanced-guides/post-richtext">Links, mentions, and rich text</a>
 * @see <a href="https://atproto.com/lexicons/app-bsky-richtext">app.bsky.richtext.facet</a>
 */
final class Facets {

    /** A detected facet: its byte range and its one feature, already in the lexicon's shape. */
    record Facet(int byteStart, int byteEnd, Map<String, Object> feature) {

        Map<String, Object> toRecord() {
            return Map.of("index", Map.of("byteStart", byteStart, "byteEnd", byteEnd), "features", List.of(feature));
        }
    }

    private static final Pattern LINK = Pattern.compile("(?:^|(?<=[\\s(]))(https?://\\S+)");
    private static final Pattern MENTION =
            Pattern.compile("(?:^|(?<=[\\s(]))@([a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9-]+)+)");
    private static final String INVISIBLE = "\\u00AD\\u2060\\u200A\\u200B\\u200C\\u200D\\u20E2";
    private static final Pattern TAG = Pattern.compile("(?:^|(?<=\\s))[#＃]((?!\\uFE0F)[^\\s" + INVISIBLE
            + "]*[^\\d\\s\\p{P}" + INVISIBLE + "]+[^\\s" + INVISIBLE + "]*)");
    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("\\p{P}+$");
    private static final int MAX_TAG_LENGTH = 64;

    private Facets() {}

    /**
     * The facets of {@code text}, ordered by position.
     *
     * @param resolveHandle a handle's DID, or empty when it does not resolve (no facet then)
     */
    static List<Facet> detect(String text, Function<String, Optional<String>> resolveHandle) {
        List<Facet> facets = new ArrayList<>();
        Matcher link = LINK.matcher(text);
        while (link.find()) {
            String uri = link.group(1);
            if (uri.matches(".*[.,;:!?]$")) {
                uri = uri.substring(0, uri.length() - 1);
            }
            if (uri.endsWith(")") && !uri.contains("(")) {
                uri = uri.substring(0, uri.length() - 1);
            }
            int start = link.start(1);
            facets.add(facet(text, start, start + uri.length(), "link", "uri", uri));
        }
        Matcher mention = MENTION.matcher(text);
        while (mention.find()) {
            String handle = mention.group(1);
            int start = mention.start();
            if (insideAny(facets, text, start)) {
                continue; // an e-mail address or a path inside a link
            }
            resolveHandle
                    .apply(handle.toLowerCase(java.util.Locale.ROOT))
                    .ifPresent(
                            did -> facets.add(facet(text, start, start + 1 + handle.length(), "mention", "did", did)));
        }
        Matcher tag = TAG.matcher(text);
        while (tag.find()) {
            String value = TRAILING_PUNCTUATION.matcher(tag.group(1).strip()).replaceAll("");
            int start = tag.start();
            if (value.isEmpty() || value.length() > MAX_TAG_LENGTH || insideAny(facets, text, start)) {
                continue;
            }
            facets.add(facet(text, start, start + 1 + value.length(), "tag", "tag", value));
        }
        facets.sort(Comparator.comparingInt(Facet::byteStart));
        return facets;
    }

    private static Facet facet(String text, int start, int end, String type, String field, String value) {
        Map<String, Object> feature = new LinkedHashMap<>();
        feature.put("$type", "app.bsky.richtext.facet#" + type);
        feature.put(field, value);
        return new Facet(utf8Offset(text, start), utf8Offset(text, end), feature);
    }

    private static boolean insideAny(List<Facet> facets, String text, int charIndex) {
        int offset = utf8Offset(text, charIndex);
        return facets.stream().anyMatch(facet -> offset >= facet.byteStart() && offset < facet.byteEnd());
    }

    /** The UTF-8 byte offset of a Java (UTF-16) index: facets count bytes, not characters. */
    static int utf8Offset(String text, int charIndex) {
        return text.substring(0, charIndex).getBytes(StandardCharsets.UTF_8).length;
    }
}
