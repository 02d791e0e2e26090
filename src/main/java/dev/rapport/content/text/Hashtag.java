package dev.rapport.content.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A hashtag written in a post, open ({@code #tag}, {@code #新品}) or closed the Weibo way ({@code
 * #新品发布#}). As on X, a {@code #} right after a letter, a digit or {@code &} ({@code C#}, {@code
 * &#123;}), followed by digits only ({@code #1}) or inside a link ({@code https://x.com/a#b}) starts
 * none; right after a Chinese or Japanese character it does, as Weibo writes "今天#新品发布#".
 *
 * @param start the {@code #} (UTF-16 index)
 * @param end the char after the tag, closing {@code #} included
 * @param name the tag without its marks
 * @param closed whether a {@code #} closes it
 */
public record Hashtag(int start, int end, String name, boolean closed) {

    private static final Pattern HASHTAG = Pattern.compile(
            "(?<![\\p{L}\\p{N}_\\&&&[^\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}]])[#＃]([\\p{L}\\p{M}\\p{N}_]+)([#＃])?");

    /** The hashtags in a text, in order. */
    public static List<Hashtag> in(String text) {
        List<Link> links = Link.in(text);
        List<Hashtag> hashtags = new ArrayList<>();
        Matcher matcher = HASHTAG.matcher(text);
        while (matcher.find()) {
            int start = matcher.start();
            String name = matcher.group(1);
            if (name.chars().allMatch(Character::isDigit) || links.stream().anyMatch(link -> link.contains(start))) {
                continue;
            }
            hashtags.add(new Hashtag(start, matcher.end(), name, matcher.group(2) != null));
        }
        return hashtags;
    }

    /** Written for a network that closes hashtags (Weibo, Bilibili). */
    public String closedForm() {
        return "#" + name + "#";
    }

    /** Written for a network with open hashtags (X, Instagram, Xiaohongshu…). */
    public String openForm() {
        return "#" + name;
    }
}
