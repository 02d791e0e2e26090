package dev.rapport.connectors.mastodon;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Text as Mastodon shows it and as Rapport keeps it. Mastodon returns a status's {@code content} as
 * HTML: paragraphs in {@code <p>}, line breaks as {@code <br />}, links, hashtags and mentions as
 * {@code <a>} (a link's text is split into "invisible" and "ellipsis" spans that together are the
 * whole address), and entities for {@code & < > " '}. Plain text keeps the words and the line
 * structure and drops the markup.
 *
 * @see <a href="https://docs.joinmastodon.org/entities/Status/#content">Status content</a>
 * @see <a href="https://docs.joinmastodon.org/spec/microformats/">Microformats in content</a>
 */
final class MastodonText {

    private static final Pattern QUOTE_FALLBACK = Pattern.compile("(?is)<p class=\"quote-inline\">.*?</p>");
    private static final Pattern LINE_BREAK = Pattern.compile("(?i)<br\\s*/?>");
    private static final Pattern PARAGRAPH_BREAK = Pattern.compile("(?i)</p>\\s*<p(\\s[^>]*)?>");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern LEADING_HANDLE = Pattern.compile("^@([\\p{L}\\p{N}_.-]+)(@[\\p{L}\\p{N}_.-]+)?\\s*");
    private static final Map<String, String> NAMED =
            Map.of("amp", "&", "lt", "<", "gt", ">", "quot", "\"", "apos", "'", "nbsp", "\u00a0", "hellip", "…");

    private MastodonText() {}

    /** The words of a status's HTML {@code content}, without markup and entities. */
    static String plain(@Nullable String html) {
        if (html == null || html.isEmpty()) {
            return "";
        }
        // Mastodon 4.5 prepends a "RE: <link>" paragraph to quotes for older clients; it is not the text.
        String text = QUOTE_FALLBACK.matcher(html).replaceAll("");
        text = LINE_BREAK.matcher(text).replaceAll("\n");
        text = PARAGRAPH_BREAK.matcher(text).replaceAll("\n\n");
        text = TAG.matcher(text).replaceAll("");
        return decodeEntities(text).strip();
    }

    /**
     * A reply's words without the mentions Mastodon puts in front of it ({@code @rapport_demo How much
     * is it?}): only leading handles that are among the status's {@code mentions} are removed.
     */
    static String withoutLeadingMentions(String text, JsonNode mentions) {
        String rest = text.strip();
        Matcher handle = LEADING_HANDLE.matcher(rest);
        while (handle.find() && mentioned(handle.group(1), mentions)) {
            rest = rest.substring(handle.end());
            handle = LEADING_HANDLE.matcher(rest);
        }
        return rest;
    }

    /** The text to post: the link appended on its own paragraph unless the text already has it. */
    static String withLink(String text, @Nullable String link) {
        if (link == null || link.isBlank() || text.contains(link.strip())) {
            return text;
        }
        return text.isBlank() ? link.strip() : text.stripTrailing() + "\n\n" + link.strip();
    }

    /**
     * A form of the text that survives Mastodon's rendering, to recognise a status by its words: no
     * leading handles (Mastodon shows a remote {@code @alice@example.social} as {@code @alice}), and
     * all runs of white space as one space.
     */
    static String comparable(String text) {
        String rest = text.strip();
        Matcher handle = LEADING_HANDLE.matcher(rest);
        while (handle.find()) {
            rest = rest.substring(handle.end());
            handle = LEADING_HANDLE.matcher(rest);
        }
        return WHITESPACE.matcher(rest.replace('\u00a0', ' ')).replaceAll(" ").strip();
    }

    private static boolean mentioned(String username, JsonNode mentions) {
        for (JsonNode mention : mentions) {
            if (username.equalsIgnoreCase(mention.path("username").asString(""))
                    || username.equalsIgnoreCase(mention.path("acct").asString(""))) {
                return true;
            }
        }
        return false;
    }

    static String decodeEntities(String text) {
        Matcher entity = ENTITY.matcher(text);
        StringBuilder decoded = new StringBuilder(text.length());
        while (entity.find()) {
            entity.appendReplacement(decoded, Matcher.quoteReplacement(decode(entity.group(1), entity.group())));
        }
        entity.appendTail(decoded);
        return decoded.toString();
    }

    private static String decode(String name, String original) {
        if (name.startsWith("#")) {
            boolean hex = name.length() > 1 && (name.charAt(1) == 'x' || name.charAt(1) == 'X');
            try {
                int codePoint = Integer.parseInt(name.substring(hex ? 2 : 1), hex ? 16 : 10);
                return Character.isValidCodePoint(codePoint) ? Character.toString(codePoint) : original;
            } catch (NumberFormatException tooLong) {
                return original;
            }
        }
        return NAMED.getOrDefault(name.toLowerCase(Locale.ROOT), original);
    }
}
