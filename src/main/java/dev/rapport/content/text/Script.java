package dev.rapport.content.text;

import java.util.List;

/**
 * Chinese, English or mixed by script, with the screen's rule: a Latin word weighs as much as 1.5
 * Chinese characters; a Han share of at least 0.7 is {@code zh}, at most 0.3 {@code en}, anything
 * between (or a text with neither) {@code mixed}.
 */
public final class Script {

    private Script() {}

    public static String language(String folded, List<String> words) {
        int han = 0;
        for (int i = 0; i < folded.length(); ) {
            int cp = folded.codePointAt(i);
            i += Character.charCount(cp);
            if (Canonical.isHan(cp)) {
                han++;
            }
        }
        double latin = 0;
        for (String word : words) {
            if (Character.isLetter(word.charAt(0))) {
                latin += 1.5;
            }
        }
        if (han + latin == 0) {
            return "mixed";
        }
        double share = han / (han + latin);
        return share >= 0.7 ? "zh" : share <= 0.3 ? "en" : "mixed";
    }
}
