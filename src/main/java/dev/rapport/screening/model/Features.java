package dev.rapport.screening.model;

import dev.rapport.screening.text.Language;

/**
 * Hashed n-gram features of a normalised text. Chinese: character 1–4 grams. English: character
 * 2–5 grams of each word with boundary marks ({@code <word>}) plus word uni- and bi-grams. In both,
 * a link and an {@code @mention} are one feature each, digits count as {@code 0}, and every feature
 * is reported with the span of the normalised text it came from. No allocation.
 */
public final class Features {

    /** Receives each feature occurrence: its bucket and the span {@code [start, end)} of the text. */
    @FunctionalInterface
    public interface Sink {
        void accept(int bucket, int start, int end);
    }

    static final int FNV = 0x01000193;
    private static final int SEED_CHAR = 0x811C9DC5;
    private static final int SEED_WORD = 0x2545F491;
    private static final int SEED_BIGRAM = 0x6A09E667;
    private static final int URL_TOKEN = 0x5BE0CD19;
    private static final int MENTION_TOKEN = 0x1F83D9AB;
    static final int MAX_ZH_GRAM = 4;
    static final int MIN_EN_GRAM = 2;
    static final int MAX_EN_GRAM = 5;
    private static final int MAX_WORD = 24;

    private Features() {}

    static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        h *= 0xC2B2AE35;
        h ^= h >>> 16;
        return h;
    }

    static char fold(char c) {
        return c >= '0' && c <= '9' ? '0' : c;
    }

    /** Calls {@code sink} for every feature of {@code text} (already normalised); returns their count. */
    public static int extract(String text, Language language, int mask, Sink sink) {
        return language == Language.ZH ? chinese(text, mask, sink) : english(text, mask, sink);
    }

    private static int chinese(String s, int mask, Sink sink) {
        int len = s.length();
        int count = 0;
        int i = 0;
        while (i < len) {
            char c = s.charAt(i);
            int special = specialEnd(s, i);
            if (special > i) {
                sink.accept(mix(isMention(s, i) ? MENTION_TOKEN : URL_TOKEN) & mask, i, special);
                count++;
                i = special;
                continue;
            }
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            int h = SEED_CHAR;
            for (int n = 1, j = i; n <= MAX_ZH_GRAM && j < len; n++, j++) {
                char d = s.charAt(j);
                if (Character.isWhitespace(d)) {
                    break;
                }
                h = (h ^ fold(d)) * FNV;
                sink.accept(mix(h) & mask, i, j + 1);
                count++;
            }
            i++;
        }
        return count;
    }

    private static int english(String s, int mask, Sink sink) {
        int len = s.length();
        int count = 0;
        int previous = 0;
        int previousStart = 0;
        int i = 0;
        while (i < len) {
            char c = s.charAt(i);
            int special = specialEnd(s, i);
            if (special > i) {
                int token = isMention(s, i) ? MENTION_TOKEN : URL_TOKEN;
                sink.accept(mix(token) & mask, i, special);
                count++;
                if (previous != 0) {
                    sink.accept(mix(previous * 31 + token + SEED_BIGRAM) & mask, previousStart, special);
                    count++;
                }
                previous = token;
                previousStart = i;
                i = special;
                continue;
            }
            if (!isWordChar(c)) {
                i++;
                continue;
            }
            int end = i + 1;
            while (end < len && (isWordChar(s.charAt(end)) || isInnerApostrophe(s, end))) {
                end++;
            }
            int wordHash = SEED_WORD;
            for (int k = i; k < end; k++) {
                wordHash = (wordHash ^ fold(s.charAt(k))) * FNV;
            }
            sink.accept(mix(wordHash) & mask, i, end);
            count++;
            if (previous != 0) {
                sink.accept(mix(previous * 31 + wordHash + SEED_BIGRAM) & mask, previousStart, end);
                count++;
            }
            previous = wordHash;
            previousStart = i;
            // character n-grams of "<word>"
            int wordLength = Math.min(end - i, MAX_WORD);
            int marked = wordLength + 2;
            for (int p = 0; p < marked; p++) {
                int h = SEED_CHAR;
                for (int n = 1, q = p; n <= MAX_EN_GRAM && q < marked; n++, q++) {
                    char d = q == 0 ? '<' : q == marked - 1 ? '>' : fold(s.charAt(i + q - 1));
                    h = (h ^ d) * FNV;
                    if (n >= MIN_EN_GRAM) {
                        int from = i + Math.max(p - 1, 0);
                        int to = i + Math.min(q, wordLength);
                        sink.accept(mix(h) & mask, from, to);
                        count++;
                    }
                }
            }
            i = end;
        }
        return count;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    private static boolean isInnerApostrophe(String s, int i) {
        char c = s.charAt(i);
        return (c == '\'' || c == '’') && i + 1 < s.length() && Character.isLetter(s.charAt(i + 1));
    }

    /** The end of a link or {@code @mention} starting at {@code i}, or {@code i} when none does. */
    static int specialEnd(String s, int i) {
        char c = s.charAt(i);
        if (c == '@') {
            int end = i + 1;
            while (end < s.length() && (isAsciiWordChar(s.charAt(end)))) {
                end++;
            }
            return end - i >= 2 ? end : i;
        }
        if ((c == 'h' && (s.startsWith("http://", i) || s.startsWith("https://", i)))
                || (c == 'w' && s.startsWith("www.", i))
                || (c == '[' && (s.startsWith("[url]", i)))) {
            int end = i + 4;
            while (end < s.length() && !Character.isWhitespace(s.charAt(end)) && s.charAt(end) < 0x2E80) {
                end++;
            }
            return end;
        }
        if (c == '[' && s.startsWith("[user]", i)) {
            return i + 6;
        }
        return i;
    }

    private static boolean isMention(String s, int i) {
        return s.charAt(i) == '@' || s.startsWith("[user]", i);
    }

    private static boolean isAsciiWordChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.';
    }
}
