package dev.rapport.screening.model;

import java.text.Normalizer.Form;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * BERT's uncased WordPiece tokeniser (as in bert-base-uncased and all-MiniLM-L6-v2): control
 * characters dropped, CJK ideographs and punctuation split off, lower case, accents stripped, then
 * each word cut greedily into the longest pieces of the vocabulary ({@code ##} marks a piece that
 * continues a word); a word that cannot be cut is {@code [UNK]}. Thread-safe.
 */
final class WordPiece {

    static final String UNKNOWN = "[UNK]";
    private static final int MAX_WORD = 100;

    private final String[] vocabulary;
    private final Map<String, Integer> ids;
    private final int unknown;

    WordPiece(String[] vocabulary) {
        this.vocabulary = vocabulary.clone();
        this.ids = new HashMap<>(vocabulary.length * 2);
        for (int i = 0; i < vocabulary.length; i++) {
            ids.putIfAbsent(vocabulary[i], i);
        }
        Integer unk = ids.get(UNKNOWN);
        if (unk == null) {
            throw new IllegalArgumentException("the vocabulary has no " + UNKNOWN);
        }
        this.unknown = unk;
    }

    int size() {
        return vocabulary.length;
    }

    String token(int id) {
        return vocabulary[id];
    }

    int unknown() {
        return unknown;
    }

    /** Passes the id of each piece of {@code text}, in order, to {@code sink}; returns their number. */
    int tokenize(String text, IntConsumer sink) {
        int count = 0;
        int n = text.length();
        int i = 0;
        while (i < n) {
            int c = text.codePointAt(i);
            int width = Character.charCount(c);
            if (isSpace(c) || isControl(c)) {
                i += width;
                continue;
            }
            if (isPunctuation(c) || isCjk(c)) {
                count += word(text.substring(i, i + width), sink);
                i += width;
                continue;
            }
            int start = i;
            while (i < n) {
                int d = text.codePointAt(i);
                if (isSpace(d) || isControl(d) || isPunctuation(d) || isCjk(d)) {
                    break;
                }
                i += Character.charCount(d);
            }
            count += word(text.substring(start, i), sink);
        }
        return count;
    }

    private int word(String raw, IntConsumer sink) {
        String word = clean(raw);
        if (word.isEmpty()) {
            return 0;
        }
        if (word.codePointCount(0, word.length()) > MAX_WORD) {
            sink.accept(unknown);
            return 1;
        }
        // greedy longest match; the pieces are passed only once the whole word is known to split
        int[] pieces = new int[word.length()];
        int count = 0;
        int start = 0;
        int length = word.length();
        while (start < length) {
            int end = length;
            Integer found = null;
            while (start < end) {
                String piece = start == 0 ? word.substring(0, end) : "##" + word.substring(start, end);
                found = ids.get(piece);
                if (found != null) {
                    break;
                }
                end--;
                if (end > start && Character.isLowSurrogate(word.charAt(end))) {
                    end--;
                }
            }
            if (found == null) {
                sink.accept(unknown);
                return 1;
            }
            pieces[count++] = found;
            start = end;
        }
        for (int k = 0; k < count; k++) {
            sink.accept(pieces[k]);
        }
        return count;
    }

    /** Lower case, accents stripped (NFD without combining marks), only where needed. */
    private static String clean(String word) {
        boolean ascii = true;
        boolean upper = false;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c >= 0x80) {
                ascii = false;
                break;
            }
            if (c >= 'A' && c <= 'Z') {
                upper = true;
            }
        }
        if (ascii) {
            return upper ? word.toLowerCase(java.util.Locale.ROOT) : word;
        }
        String decomposed = java.text.Normalizer.normalize(word.toLowerCase(java.util.Locale.ROOT), Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) != Character.NON_SPACING_MARK) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isSpace(int c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || Character.getType(c) == Character.SPACE_SEPARATOR;
    }

    private static boolean isControl(int c) {
        if (c == 0 || c == 0xFFFD) {
            return true;
        }
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.FORMAT;
    }

    static boolean isPunctuation(int c) {
        if ((c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126)) {
            return true;
        }
        if (c < 128) {
            return false;
        }
        int type = Character.getType(c);
        return type == Character.CONNECTOR_PUNCTUATION
                || type == Character.DASH_PUNCTUATION
                || type == Character.START_PUNCTUATION
                || type == Character.END_PUNCTUATION
                || type == Character.INITIAL_QUOTE_PUNCTUATION
                || type == Character.FINAL_QUOTE_PUNCTUATION
                || type == Character.OTHER_PUNCTUATION;
    }

    private static boolean isCjk(int c) {
        return (c >= 0x4E00 && c <= 0x9FFF)
                || (c >= 0x3400 && c <= 0x4DBF)
                || (c >= 0x20000 && c <= 0x2A6DF)
                || (c >= 0x2A700 && c <= 0x2B73F)
                || (c >= 0x2B740 && c <= 0x2B81F)
                || (c >= 0x2B820 && c <= 0x2CEAF)
                || (c >= 0xF900 && c <= 0xFAFF)
                || (c >= 0x2F800 && c <= 0x2FA1F);
    }
}
