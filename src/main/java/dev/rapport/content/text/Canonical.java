package dev.rapport.content.text;

import java.util.regex.Pattern;

/**
 * The canonical form of a post for duplicate detection: {@linkplain Folding folded}, then links,
 * @mentions and hashtags removed (they are what a marketer changes between copies and networks),
 * and every char that is neither a letter nor a digit — punctuation, emoji, symbols — turned into
 * a single space. Spaces next to a Chinese character are dropped, so "今天，我们 发布" and
 * "今天我们发布" are the same text; Latin words stay separated by one space.
 */
public final class Canonical {

    private static final Pattern DECORATION = Pattern.compile(
            "(?:https?://|www\\.)\\S+" // links
                    + "|\\b[a-z0-9-]+(?:\\.[a-z0-9-]+)*\\.[a-z]{2,}/\\S*" // bare links: bit.ly/x, t.cn/abc
                    + "|#[^#\\s]{1,40}#" // Weibo hashtags: #新品发布#
                    + "|#[\\p{L}\\p{N}_]+" // hashtags
                    + "|@[\\p{L}\\p{N}_.\\-]+"); // mentions

    private Canonical() {}

    public static String of(String text) {
        String folded = DECORATION.matcher(Folding.fold(text)).replaceAll(" ");
        StringBuilder out = new StringBuilder(folded.length());
        boolean pendingSpace = false;
        for (int i = 0; i < folded.length(); ) {
            int cp = folded.codePointAt(i);
            i += Character.charCount(cp);
            if (!Character.isLetterOrDigit(cp)) {
                pendingSpace = out.length() > 0;
                continue;
            }
            if (pendingSpace && !isHan(cp) && !isHan(out.codePointBefore(out.length()))) {
                out.append(' ');
            }
            pendingSpace = false;
            out.appendCodePoint(cp);
        }
        return out.toString();
    }

    /** Chinese characters and the other scripts written without spaces (kana). */
    public static boolean isHan(int cp) {
        return Character.isIdeographic(cp) || (cp >= 0x3040 && cp <= 0x30FF);
    }
}
