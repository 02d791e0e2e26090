package dev.rapport.content.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A link written in a post: {@code https://…}, {@code www.…}, or a bare domain with a path such as
 * {@code t.cn/abc}. Links are ASCII, so Chinese text or punctuation right after one ends it, and
 * sentence punctuation at its end is not part of it.
 *
 * @param start the first char (UTF-16 index)
 * @param end the char after the last
 */
public record Link(int start, int end, String url) {

    private static final String URL_CHARS = "[\\x21-\\x7E&&[^<>\"]]";
    private static final Pattern LINK = Pattern.compile("(?i)(?:https?://|www\\.)" + URL_CHARS + "+"
            // bare links; the lookbehind keeps e-mail addresses and the middle of words out
            + "|(?<![a-z0-9.@-])[a-z0-9-]+(?:\\.[a-z0-9-]+)*\\.[a-z]{2,}/" + URL_CHARS + "*");
    private static final String TRAILING = ".,;:!?')]}";

    /** The links in a text, in order. */
    public static List<Link> in(String text) {
        List<Link> links = new ArrayList<>();
        Matcher matcher = LINK.matcher(text);
        while (matcher.find()) {
            int end = matcher.end();
            while (end > matcher.start() + 1 && TRAILING.indexOf(text.charAt(end - 1)) >= 0) {
                end--;
            }
            links.add(new Link(matcher.start(), end, text.substring(matcher.start(), end)));
        }
        return links;
    }

    boolean contains(int index) {
        return index >= start && index < end;
    }
}
