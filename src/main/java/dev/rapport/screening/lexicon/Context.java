package dev.rapport.screening.lexicon;

import dev.rapport.screening.text.NormalizedText;
import dev.rapport.screening.text.TextNormalizer;

/** Context flags of a hit, read from the normalised text around it. Runs only for hits. */
final class Context {

    private static final int WINDOW = 32;

    private static final String[] EN_NEGATIONS = {
        "not",
        "no",
        "never",
        "nor",
        "neither",
        "without",
        "hardly",
        "isnt",
        "arent",
        "wasnt",
        "werent",
        "dont",
        "doesnt",
        "didnt",
        "aint",
        "cant",
        "cannot",
        "wont",
        "shouldnt",
        "stop",
        "none"
    };
    private static final String ZH_NEGATIONS = "不没别非无莫未勿";
    private static final String[] EN_REPORTING = {
        "called me",
        "called him",
        "called her",
        "called us",
        "called them",
        "called you",
        "call me",
        "calls me",
        "calling me",
        "calling her",
        "calling him",
        "call her",
        "call him",
        "called a",
        "said",
        "says",
        "told me",
        "yelled",
        "shouted",
        "wrote",
        "the word",
        "the term",
        "named me",
        "labelled",
        "labeled",
        "accused",
        "slur"
    };
    private static final String[] ZH_REPORTING = {
        "说我", "骂我", "叫我", "称我", "说他", "说她", "骂他", "骂她", "被骂", "被叫", "被说", "被称", "称为", "所谓", "叫做", "这个词", "这种词", "骂人",
        "骂成", "说成", "骂道", "说道"
    };
    private static final String OPEN_QUOTES = "\"“「『«‹《〈";
    private static final String CLOSE_QUOTES = "\"”」』»›》〉";
    private static final String SENTENCE_END = ".!?;。！？；\n";

    private Context() {}

    static int flags(NormalizedText nt, int start, int end, Term term) {
        String t = nt.text();
        int flags = 0;
        int clauseStart = clauseStart(t, start);
        if (negated(t, clauseStart, start)) {
            flags |= Hit.NEGATED;
        }
        if (quoted(t, clauseStart, start, end)) {
            flags |= Hit.QUOTED;
        }
        if (reported(t, clauseStart, start)) {
            flags |= Hit.REPORTED;
        }
        return flags;
    }

    private static int clauseStart(String t, int start) {
        int from = Math.max(0, start - WINDOW);
        for (int i = start - 1; i >= from; i--) {
            if (SENTENCE_END.indexOf(t.charAt(i)) >= 0) {
                return i + 1;
            }
        }
        return from;
    }

    private static boolean negated(String t, int from, int start) {
        // Chinese: a negation among the four chars before (not counting spaces)
        int seen = 0;
        for (int i = start - 1; i >= from && seen < 4; i--) {
            char c = t.charAt(i);
            if (c == ' ') {
                continue;
            }
            if (c == ',' || c == '，') {
                break;
            }
            if (ZH_NEGATIONS.indexOf(c) >= 0) {
                return true;
            }
            seen++;
        }
        // English: one of the three words before
        int words = 0;
        int i = start;
        while (words < 3) {
            while (i > from && !TextNormalizer.isLatinLetter(t.charAt(i - 1))) {
                char c = t.charAt(i - 1);
                if (c == ',' || TextNormalizer.isHan(c)) {
                    return false;
                }
                i--;
            }
            int wordEnd = i;
            while (i > from && (TextNormalizer.isLatinLetter(t.charAt(i - 1)) || t.charAt(i - 1) == '\'')) {
                i--;
            }
            if (wordEnd == i) {
                return false;
            }
            String word = t.substring(i, wordEnd).replace("'", "");
            if (word.endsWith("nt")
                    && word.length() > 3
                    && (word.startsWith("isn")
                            || word.startsWith("wasn")
                            || word.startsWith("don")
                            || word.startsWith("doesn")
                            || word.startsWith("didn")
                            || word.startsWith("aren")
                            || word.startsWith("weren")
                            || word.startsWith("ain")
                            || word.startsWith("can")
                            || word.startsWith("won")
                            || word.startsWith("shouldn"))) {
                return true;
            }
            for (String negation : EN_NEGATIONS) {
                if (negation.equals(word)) {
                    return true;
                }
            }
            words++;
        }
        return false;
    }

    private static boolean quoted(String t, int from, int start, int end) {
        if (start > 0 && end < t.length() && t.charAt(start - 1) == '\'' && t.charAt(end) == '\'') {
            return true;
        }
        boolean open = false;
        for (int i = start - 1; i >= from; i--) {
            char c = t.charAt(i);
            if (OPEN_QUOTES.indexOf(c) >= 0) {
                open = true;
                break;
            }
            if (CLOSE_QUOTES.indexOf(c) >= 0 && c != '"') {
                return false;
            }
        }
        if (!open) {
            return false;
        }
        int to = Math.min(t.length(), end + WINDOW);
        for (int i = end; i < to; i++) {
            char c = t.charAt(i);
            if (CLOSE_QUOTES.indexOf(c) >= 0) {
                return true;
            }
            if (SENTENCE_END.indexOf(c) >= 0 && c != '.' && c != '!' && c != '?') {
                return false;
            }
        }
        return false;
    }

    private static boolean reported(String t, int from, int start) {
        String before = t.substring(from, start);
        for (String cue : ZH_REPORTING) {
            if (before.contains(cue)) {
                return true;
            }
        }
        for (String cue : EN_REPORTING) {
            int at = before.indexOf(cue);
            while (at >= 0) {
                boolean left = at == 0 || !TextNormalizer.isLatinLetter(before.charAt(at - 1));
                int after = at + cue.length();
                boolean right = after >= before.length() || !TextNormalizer.isLatinLetter(before.charAt(after));
                if (left && right) {
                    return true;
                }
                at = before.indexOf(cue, at + 1);
            }
        }
        return false;
    }

    /**
     * True when the original differs from the matching form by more than case, traditional
     * characters and elongation: look-alikes, full-width, leetspeak, separators, invisible chars, masks.
     */
    static boolean obfuscated(NormalizedText nt, int start, int end, NormalizedText.Span span) {
        String original = nt.original();
        String normal = nt.text();
        if (normal.indexOf('*', start) >= 0 && normal.indexOf('*', start) < end) {
            return true;
        }
        int i = span.start();
        int j = start;
        char previous = 0;
        while (i < span.end() && j < end) {
            char o = original.charAt(i);
            char lower = Character.toLowerCase(o);
            char m = normal.charAt(j);
            if (lower == m || (TextNormalizer.isHan(o) && TextNormalizer.isHan(m))) {
                previous = m;
                i++;
                j++;
                continue;
            }
            if (lower == previous) { // elongation collapsed by the normaliser
                i++;
                continue;
            }
            return true;
        }
        while (i < span.end()) {
            if (Character.toLowerCase(original.charAt(i)) != previous) {
                return true;
            }
            i++;
        }
        return j < end;
    }
}
