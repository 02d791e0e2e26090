package dev.rapport.inbox.classification;

import org.jspecify.annotations.Nullable;

/**
 * Repetition that spam is made of, found in one pass each: the same non-space char ten times or
 * more, and the same phrase of 4–30 chars three times in a row. What a regular expression with a
 * back-reference would find, for a fraction of its cost.
 */
final class Repetition {

    static final int CHAR_RUN = 10;
    static final int PHRASE_MIN = 4;
    static final int PHRASE_MAX = 30;
    static final int PHRASE_TIMES = 3;

    private Repetition() {}

    /** [start, end) of the first run of one char, or null. */
    static int @Nullable [] ofChar(String text) {
        int run = 1;
        for (int i = 1; i < text.length(); i++) {
            char c = text.charAt(i);
            run = c == text.charAt(i - 1) && c != ' ' ? run + 1 : 1;
            if (run == CHAR_RUN) {
                int end = i + 1;
                while (end < text.length() && text.charAt(end) == c) {
                    end++;
                }
                return new int[] {i + 1 - CHAR_RUN, end};
            }
        }
        return null;
    }

    /** [start, end) of the first phrase said three times in a row, or null. */
    static int @Nullable [] ofPhrase(String text) {
        for (int period = PHRASE_MIN; period <= PHRASE_MAX; period++) {
            int needed = period * (PHRASE_TIMES - 1);
            int same = 0;
            for (int i = period; i < text.length(); i++) {
                same = text.charAt(i) == text.charAt(i - period) ? same + 1 : 0;
                if (same == needed) {
                    int start = i + 1 - needed - period;
                    String unit = text.substring(start, start + period);
                    if (!unit.isBlank() && unit.chars().distinct().count() > 1) {
                        return new int[] {start, i + 1};
                    }
                    same--; // a run of one char is not a phrase: keep looking
                }
            }
        }
        return null;
    }
}
