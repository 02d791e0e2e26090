package dev.rapport.screening.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Makes the matching form of a text, keeping a map to the original's offsets. In order:
 *
 * <ol>
 *   <li>Per code point, from tables built once: NFKC (full-width forms, ligatures, circled and
 *       mathematical letters), combining marks dropped and attached to their base (accents,
 *       strike-through: "fück" → "fuck"), homoglyphs (Cyrillic, Greek, Armenian, small capitals and
 *       other Latin look-alikes → ASCII: "fսck", "ѕех"), full case folding ("ß" → "ss"),
 *       traditional → simplified Chinese (OpenCC's character table: "賤人" → "贱人"). Invisible
 *       characters (zero-width space/joiners, word joiner, BOM, soft hyphen, bidi controls, other
 *       format and control characters) are removed; tab and CR become a space.
 *   <li>Leetspeak, only in a token that also has a Latin letter: 4→a 3→e 1→i 0→o 5→s 7→t @→a $→s,
 *       and ! → i between letters ("sh!t", "a$$", "b1tch"); "2025", "$5", "1,000" are untouched.
 *       "1" becomes "i"; the lexicon adds the l→i spelling of its terms so that "s1ut" matches too.
 *   <li>Separators between letters: a run of up to three separators ({@code space . - _ * / \ | + ~
 *       ^ = # · • ・ ‧ – —}) is removed between two Han characters ("傻 逼", "傻*逼"), between a Han
 *       character and a single Latin letter ("傻 B"), and inside a chain of at least three single
 *       Latin letters ("f.u.c.k", "f u c k"). Sentence punctuation (, ， 。 ! ? : ;) is never removed.
 *       A "*" inside a word ("f*ck") is kept: the lexicon has masked spellings.
 *   <li>Repeated characters: a run of three or more of the same char (not digits) becomes two
 *       ("fuuuuck" → "fuuck", "傻逼逼逼" → "傻逼逼"). The matcher compares runs, not chars: a single
 *       letter of a term matches a run of one or two, a double letter of a term needs two ("ass"
 *       matches "assss" but not "as"), so both "fuck" and "fuuck" hit "fuck".
 * </ol>
 *
 * Thread-safe; one instance is enough ({@link #standard()}).
 */
public final class TextNormalizer {

    /** In {@link #SINGLE}: the char needs {@link #KIND}. */
    private static final char SPECIAL = '\uFFFF';

    private static final byte KIND_REMOVE = 1;
    private static final byte KIND_ATTACH = 2;
    private static final byte KIND_MULTI = 3;

    static final byte C_LATIN = 1;
    static final byte C_DIGIT = 2;
    static final byte C_HAN = 4;
    static final byte C_SEP = 8;

    private static final char[] SINGLE = new char[0x10000];
    private static final byte[] KIND = new byte[0x10000];
    private static final Map<Character, String> MULTI = new HashMap<>();
    private static final Map<Integer, String> SUPPLEMENTARY = new HashMap<>();
    private static final byte[] CLASS = new byte[0x10000];
    private static final Map<Integer, Integer> T2S = new HashMap<>();
    private static final Map<Integer, Integer> HOMOGLYPHS = new HashMap<>();

    private static final TextNormalizer STANDARD;

    static {
        loadT2s();
        homoglyphs();
        buildTables();
        STANDARD = new TextNormalizer();
    }

    private TextNormalizer() {}

    public static TextNormalizer standard() {
        return STANDARD;
    }

    /** The class bits of a char of normalised text ({@link #C_LATIN}, {@link #C_HAN} …). */
    static byte classOf(char c) {
        return CLASS[c];
    }

    /** True for a-z (normalised Latin letters are ASCII, bar a few with no look-alike). */
    public static boolean isLatinLetter(char c) {
        return (CLASS[c] & C_LATIN) != 0;
    }

    public static boolean isHan(char c) {
        return (CLASS[c] & C_HAN) != 0;
    }

    /** A char that continues a Latin word: a letter or a digit (not Han). */
    public static boolean isWordChar(char c) {
        return (CLASS[c] & (C_LATIN | C_DIGIT)) != 0;
    }

    public NormalizedText normalize(String original) {
        int n = original.length();
        Buffer b = new Buffer(n + 8);
        fold(original, b);
        leet(b);
        separatorsAndRuns(b);
        int len = b.len;
        int[] starts = b.starts.length == len ? b.starts : java.util.Arrays.copyOf(b.starts, len);
        int[] ends = b.ends.length == len ? b.ends : java.util.Arrays.copyOf(b.ends, len);
        return new NormalizedText(original, new String(b.chars, 0, len), starts, ends);
    }

    // ------------------------------------------------------------------ passes

    private static final class Buffer {
        char[] chars;
        int[] starts;
        int[] ends;
        int len;

        Buffer(int capacity) {
            chars = new char[capacity];
            starts = new int[capacity];
            ends = new int[capacity];
        }

        void add(char c, int start, int end) {
            if (len == chars.length) {
                int capacity = chars.length * 2 + 8;
                chars = java.util.Arrays.copyOf(chars, capacity);
                starts = java.util.Arrays.copyOf(starts, capacity);
                ends = java.util.Arrays.copyOf(ends, capacity);
            }
            chars[len] = c;
            starts[len] = start;
            ends[len] = end;
            len++;
        }

        void attach(int end) {
            if (len > 0 && ends[len - 1] < end) {
                ends[len - 1] = end;
            }
        }
    }

    private static void fold(String s, Buffer b) {
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (!Character.isSurrogate(c)) {
                char m = SINGLE[c];
                if (m != SPECIAL) {
                    b.add(m, i, i + 1);
                } else {
                    switch (KIND[c]) {
                        case KIND_ATTACH -> b.attach(i + 1);
                        case KIND_MULTI -> {
                            String r = MULTI.get(c);
                            for (int k = 0; k < r.length(); k++) {
                                b.add(r.charAt(k), i, i + 1);
                            }
                        }
                        default -> {} // removed
                    }
                }
                i++;
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(i + 1));
                String r = SUPPLEMENTARY.get(cp);
                if (r == null) {
                    if (Graphemes.isExtender(cp)) {
                        b.attach(i + 2);
                    } else {
                        b.add(c, i, i + 2);
                        b.add(s.charAt(i + 1), i, i + 2);
                    }
                } else {
                    for (int k = 0; k < r.length(); k++) {
                        b.add(r.charAt(k), i, i + 2);
                    }
                }
                i += 2;
            } else {
                b.add('\uFFFD', i, i + 1); // a lone surrogate
                i++;
            }
        }
    }

    private static boolean isAsciiAlnum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }

    private static boolean isLeetSymbol(char c) {
        return c == '@' || c == '$' || c == '!';
    }

    private static char leetLetter(char c) {
        return switch (c) {
            case '4', '@' -> 'a';
            case '3' -> 'e';
            case '1', '!' -> 'i';
            case '0' -> 'o';
            case '5', '$' -> 's';
            case '7' -> 't';
            default -> c;
        };
    }

    private static void leet(Buffer b) {
        char[] t = b.chars;
        int len = b.len;
        int i = 0;
        while (i < len) {
            if (!isAsciiAlnum(t[i])
                    && !(isLeetSymbol(t[i])
                            && t[i] != '!'
                            && i + 1 < len
                            && (isAsciiAlnum(t[i + 1]) || isLeetSymbol(t[i + 1])))) {
                i++;
                continue;
            }
            int j = i;
            boolean letter = false;
            boolean leet = false;
            while (j < len) {
                char c = t[j];
                if (c >= 'a' && c <= 'z') {
                    letter = true;
                } else if (c >= '0' && c <= '9') {
                    leet |= leetLetter(c) != c;
                } else if (c == '@' || c == '$') {
                    leet = true; // inside or at the end of a token
                } else if (c == '!' && j + 1 < len && isAsciiAlnum(t[j + 1]) && j > i) {
                    leet = true;
                } else {
                    break;
                }
                j++;
            }
            if (letter && leet) {
                for (int k = i; k < j; k++) {
                    t[k] = leetLetter(t[k]);
                }
            }
            i = Math.max(j, i + 1);
        }
    }

    private static boolean isSingleLatin(char[] t, int len, int k) {
        return (CLASS[t[k]] & C_LATIN) != 0
                && (k == 0 || (CLASS[t[k - 1]] & (C_LATIN | C_DIGIT)) == 0)
                && (k + 1 >= len || (CLASS[t[k + 1]] & (C_LATIN | C_DIGIT)) == 0);
    }

    /** Index after a run of 1..3 separators starting at k, or -1. */
    private static int afterSeparators(char[] t, int len, int k) {
        int j = k;
        while (j < len && j - k < 3 && (CLASS[t[j]] & C_SEP) != 0) {
            j++;
        }
        if (j == k || j >= len || (CLASS[t[j]] & C_SEP) != 0) {
            return -1;
        }
        return j;
    }

    private static void separatorsAndRuns(Buffer b) {
        char[] t = b.chars;
        int len = b.len;
        boolean[] drop = null;
        // separators between single letters and Han characters
        for (int k = 0; k < len; k++) {
            byte cls = CLASS[t[k]];
            if ((cls & C_HAN) != 0) {
                int j = afterSeparators(t, len, k + 1);
                if (j > 0 && ((CLASS[t[j]] & C_HAN) != 0 || isSingleLatin(t, len, j))) {
                    drop = mark(drop, len, k + 1, j);
                }
            } else if ((cls & C_LATIN) != 0 && isSingleLatin(t, len, k)) {
                int j = afterSeparators(t, len, k + 1);
                if (j < 0) {
                    continue;
                }
                if ((CLASS[t[j]] & C_HAN) != 0) {
                    drop = mark(drop, len, k + 1, j);
                    continue;
                }
                // a chain of single Latin letters, with the same kind of separator throughout: in
                // "a f.u.c.k" the word "a" is not part of the chain
                boolean spaced = blank(t, k + 1, j);
                int units = 1;
                int end = k;
                int next = j;
                while (next > 0 && isSingleLatin(t, len, next) && blank(t, end + 1, next) == spaced) {
                    units++;
                    end = next;
                    next = afterSeparators(t, len, next + 1);
                }
                // "a f u c k": the English words "a" and "I" stay apart from a spaced-out word
                int from = spaced && (t[k] == 'a' || t[k] == 'i') && units >= 4 ? j : k;
                if (from != k) {
                    units--;
                }
                if (units >= 3) {
                    for (int x = from; x < end; x++) {
                        if ((CLASS[t[x]] & C_SEP) != 0) {
                            drop = mark(drop, len, x, x + 1);
                        }
                    }
                    k = end;
                }
            }
        }
        // compaction: dropped separators, runs of 3+ the same char become 2
        int w = 0;
        for (int r = 0; r < len; r++) {
            if (drop != null && drop[r]) {
                continue;
            }
            char c = t[r];
            if (w >= 2 && t[w - 1] == c && t[w - 2] == c && (CLASS[c] & C_DIGIT) == 0) {
                b.ends[w - 1] = Math.max(b.ends[w - 1], b.ends[r]);
                continue;
            }
            t[w] = c;
            b.starts[w] = b.starts[r];
            b.ends[w] = b.ends[r];
            w++;
        }
        b.len = w;
    }

    /** Whether the separators in [from, to) are all white space. */
    private static boolean blank(char[] t, int from, int to) {
        for (int x = from; x < to; x++) {
            if (!Character.isWhitespace(t[x])) {
                return false;
            }
        }
        return true;
    }

    private static boolean[] mark(boolean[] drop, int len, int from, int to) {
        boolean[] d = drop == null ? new boolean[len] : drop;
        for (int x = from; x < to; x++) {
            d[x] = true;
        }
        return d;
    }

    // ------------------------------------------------------------------ tables

    private static void loadT2s() {
        try (InputStream in = TextNormalizer.class.getResourceAsStream("/dev/rapport/screening/lexicon/t2s.txt")) {
            if (in == null) {
                throw new IllegalStateException("t2s.txt missing from the class path");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                int traditional = line.codePointAt(0);
                int next = Character.charCount(traditional);
                if (next < line.length()) {
                    T2S.put(traditional, line.codePointAt(next));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void homoglyphs() {
        String[] pairs = {
            // Cyrillic
            "АA",
            "ВB",
            "ЕE",
            "КK",
            "МM",
            "НH",
            "ОO",
            "РP",
            "СC",
            "ТT",
            "ХX",
            "УY",
            "ЅS",
            "ІI",
            "ЈJ",
            "ԀD",
            "ԌG",
            "ҮY",
            "аa",
            "вb",
            "гr",
            "еe",
            "кk",
            "мm",
            "нh",
            "оo",
            "пn",
            "рp",
            "сc",
            "тt",
            "уy",
            "хx",
            "ѕs",
            "іi",
            "јj",
            "ԁd",
            "һh",
            "ӏl",
            "ьb",
            "иu",
            "ԛq",
            "ԝw",
            "ү" + "y",
            "ѵv",
            "ʏy",
            // Greek
            "ΑA",
            "ΒB",
            "ΕE",
            "ΖZ",
            "ΗH",
            "ΙI",
            "ΚK",
            "ΜM",
            "ΝN",
            "ΟO",
            "ΡP",
            "ΤT",
            "ΥY",
            "ΧX",
            "αa",
            "βb",
            "γy",
            "εe",
            "ηn",
            "ιi",
            "κk",
            "μu",
            "νv",
            "οo",
            "ρp",
            "τt",
            "υu",
            "χx",
            "ωw",
            "ϲc",
            "ϳj",
            // Armenian
            "սu",
            "օo",
            "հh",
            "ոn",
            "ցg",
            "զq",
            "քp",
            "աw",
            "ֆf",
            "Տs",
            "Օo",
            // Latin look-alikes NFKD does not decompose, small capitals, IPA
            "ıi",
            "ȷj",
            "łl",
            "ƚl",
            "øo",
            "đd",
            "ħh",
            "ŧt",
            "ƀb",
            "ɑa",
            "ɡg",
            "ɩi",
            "ɪi",
            "ʀr",
            "ʜh",
            "ʟl",
            "ɴn",
            "ᴀa",
            "ʙb",
            "ᴄc",
            "ᴅd",
            "ᴇe",
            "ɢg",
            "ᴊj",
            "ᴋk",
            "ᴍm",
            "ᴏo",
            "ᴘp",
            "ꜱs",
            "ᴛt",
            "ᴜu",
            "ᴠv",
            "ᴡw",
            "ᴢz",
            "ǀl",
            "ⅼl",
            "ℓl",
            // punctuation look-alikes used by quote and negation cues
            "’'",
            "‘'",
            "ʼ'",
            "ʻ'",
            "`'",
            "´'",
            "＂\""
        };
        for (String pair : pairs) {
            int from = pair.codePointAt(0);
            int to = pair.codePointAt(Character.charCount(from));
            HOMOGLYPHS.put(from, to);
        }
    }

    private static boolean isMark(int type) {
        return type == Character.NON_SPACING_MARK
                || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK;
    }

    /** The matching form of one code point that is not a mark and not removed. */
    static String foldCodePoint(int cp) {
        String s = Character.toString(cp);
        String d = Normalizer.normalize(s, Normalizer.Form.NFKD);
        StringBuilder noMarks = new StringBuilder(d.length());
        boolean stripped = false;
        for (int k = 0; k < d.length(); ) {
            int x = d.codePointAt(k);
            k += Character.charCount(x);
            if (isMark(Character.getType(x))) {
                stripped = true;
            } else {
                noMarks.appendCodePoint(x);
            }
        }
        String r = stripped ? noMarks.toString() : Normalizer.normalize(s, Normalizer.Form.NFKC);
        r = mapEach(r, true);
        r = r.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
        // case mapping may add marks ("İ" → "i̇")
        StringBuilder out = new StringBuilder(r.length());
        for (int k = 0; k < r.length(); ) {
            int x = r.codePointAt(k);
            k += Character.charCount(x);
            if (!isMark(Character.getType(x))) {
                out.appendCodePoint(x);
            }
        }
        return mapEach(out.toString(), false);
    }

    private static String mapEach(String s, boolean homoglyphsOnly) {
        StringBuilder out = new StringBuilder(s.length());
        for (int k = 0; k < s.length(); ) {
            int x = s.codePointAt(k);
            k += Character.charCount(x);
            int y = HOMOGLYPHS.getOrDefault(x, x);
            if (!homoglyphsOnly) {
                y = T2S.getOrDefault(y, y);
                if (y == '\t' || y == '\r' || y == 0x0B || y == 0x0C) {
                    y = ' ';
                }
            }
            out.appendCodePoint(y);
        }
        return out.toString();
    }

    private static boolean removed(int cp) {
        int type = Character.getType(cp);
        if (type == Character.FORMAT) {
            return true; // ZWSP, ZWNJ, ZWJ, LRM/RLM, bidi embeddings and isolates, word joiner, BOM, soft hyphen, tags
        }
        if (type == Character.CONTROL) {
            return !(cp == '\n' || cp == '\t' || cp == '\r' || cp == 0x0B || cp == 0x0C);
        }
        return cp == 0xFFFF
                || cp == 0x115F
                || cp == 0x1160
                || cp == 0x3164
                || cp == 0xFFA0
                || cp == 0x180E; // Hangul fillers
    }

    private static void buildTables() {
        for (int c = 0; c < 0x10000; c++) {
            if (Character.isSurrogate((char) c)) {
                SINGLE[c] = SPECIAL;
                continue;
            }
            if (removed(c)) {
                SINGLE[c] = SPECIAL;
                KIND[c] = KIND_REMOVE;
                continue;
            }
            if (isMark(Character.getType(c))) {
                SINGLE[c] = SPECIAL;
                KIND[c] = KIND_ATTACH;
                continue;
            }
            String r = c < 0x80 ? asciiFold(c) : foldCodePoint(c);
            if (r.length() == 1 && r.charAt(0) != SPECIAL) {
                SINGLE[c] = r.charAt(0);
            } else {
                SINGLE[c] = SPECIAL;
                KIND[c] = r.isEmpty() ? KIND_REMOVE : KIND_MULTI;
                if (!r.isEmpty()) {
                    MULTI.put((char) c, r);
                }
            }
        }
        int[][] ranges = {{0x1D400, 0x1D7FF}, {0x1F100, 0x1F1FF}, {0x2F800, 0x2FA1F}, {0x1F130, 0x1F189}};
        for (int[] range : ranges) {
            for (int cp = range[0]; cp <= range[1]; cp++) {
                supplementary(cp);
            }
        }
        for (int cp : T2S.keySet()) {
            if (cp > 0xFFFF) {
                supplementary(cp);
            }
        }
        for (int cp = 0xE0000; cp <= 0xE007F; cp++) {
            if (!Graphemes.isExtender(cp)) {
                SUPPLEMENTARY.put(cp, "");
            }
        }
        for (int c = 0; c < 0x10000; c++) {
            CLASS[c] = classify(c);
        }
    }

    private static void supplementary(int cp) {
        if (!Character.isDefined(cp) || isMark(Character.getType(cp))) {
            return;
        }
        String r = removed(cp) ? "" : foldCodePoint(cp);
        if (!r.equals(Character.toString(cp))) {
            SUPPLEMENTARY.put(cp, r);
        }
    }

    private static String asciiFold(int c) {
        if (removed(c)) {
            return "";
        }
        if (c == '\t' || c == '\r' || c == 0x0B || c == 0x0C) {
            return " ";
        }
        if (c == '`') {
            return "'";
        }
        return String.valueOf((char) Character.toLowerCase(c));
    }

    private static byte classify(int c) {
        if (c >= 'a' && c <= 'z') {
            return C_LATIN;
        }
        if (c >= '0' && c <= '9') {
            return C_DIGIT;
        }
        if (c < 0x80) {
            return switch (c) {
                case ' ', '.', '-', '_', '*', '/', '\\', '|', '+', '~', '^', '=', '#' -> C_SEP;
                default -> 0;
            };
        }
        if (c == 0xB7
                || c == 0x2022
                || c == 0x30FB
                || c == 0x2027
                || c == 0x2013
                || c == 0x2014
                || c == 0x2219
                || c == 0x22C5) {
            return C_SEP;
        }
        if (Character.isSurrogate((char) c)) {
            return 0;
        }
        if (ScriptDetector.isHan(c) && Character.isLetter(c)) {
            return C_HAN;
        }
        if (Character.isLetter(c) && Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN) {
            return C_LATIN;
        }
        if (Character.isDigit(c)) {
            return C_DIGIT;
        }
        return 0;
    }
}
