package dev.rapport.inbox.classification;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The cues of one or more TSV files (kind, weight, cue; see {@code cues-en.tsv}) and the matcher
 * that finds them in a folded text in one pass: cues are held in a trie of their chars, so a text
 * costs a few look-ups per char whatever the number of cues. A cue with a Chinese character is a
 * substring; one with a Latin letter or digit is matched on whole words, with a trailing {@code *}
 * for any ending; any other (emoji, punctuation) is a substring; {@code /regex/} cues are found
 * with {@link Matcher#find()} in the first {@value #REGEX_WINDOW} chars, and only when the text
 * contains one of the literals of the optional fourth column (regular expressions are the costly
 * part: a link pattern costs more than all the other cues of a short comment together). Two
 * detectors written in code: {@code @repeated-char} (one char ten times or more: "aaaaaaaaaa") and
 * {@code @repeated-phrase} (4–30 chars three times in a row: "check my bio check my bio check my bio").
 */
final class CueBook {

    /** Regular expressions look at the start of a text only, so a 100 KB text costs what 2 KB does. */
    static final int REGEX_WINDOW = 2_000;

    record Cue(String kind, double weight, String text, boolean wholeWords, boolean prefix) {}

    /** A cue found at [start, end) of the folded text. */
    record Hit(Cue cue, int start, int end) {}

    private final Trie trie = new Trie();
    private final List<List<Cue>> regexCues = new ArrayList<>();
    private final Map<String, Integer> regexIndex = new HashMap<>();
    private final List<Pattern> patterns = new ArrayList<>();
    private final List<String[]> gates = new ArrayList<>();
    private final List<Cue> repeatedChar = new ArrayList<>();
    private final List<Cue> repeatedPhrase = new ArrayList<>();

    static CueBook load(String... resources) {
        CueBook book = new CueBook();
        for (String resource : resources) {
            book.read(resource);
        }
        return book;
    }

    private void read(String resource) {
        try (InputStream in = CueBook.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " missing from the class path");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t");
                if (columns.length != 3 && columns.length != 4) {
                    throw new IllegalStateException(resource + ":" + number + ": not kind, weight, cue: " + line);
                }
                add(columns[0], Double.parseDouble(columns[1]), columns[2], columns.length == 4 ? columns[3] : "");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void add(String kind, double weight, String cue, String needs) {
        if (cue.equals("@repeated-char") || cue.equals("@repeated-phrase")) {
            (cue.equals("@repeated-char") ? repeatedChar : repeatedPhrase)
                    .add(new Cue(kind, weight, cue, false, false));
            return;
        }
        if (cue.length() > 2 && cue.startsWith("/") && cue.endsWith("/")) {
            Integer known = regexIndex.get(cue);
            if (known != null) { // one pattern for several kinds is matched once
                regexCues.get(known).add(new Cue(kind, weight, cue, false, false));
                return;
            }
            regexIndex.put(cue, patterns.size());
            regexCues.add(new ArrayList<>(List.of(new Cue(kind, weight, cue, false, false))));
            patterns.add(Pattern.compile(cue.substring(1, cue.length() - 1)));
            gates.add(needs.isBlank() ? new String[0] : needs.split(","));
            return;
        }
        String text = FoldedText.of(cue).text();
        boolean han = text.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
        boolean wholeWords = !han && text.codePoints().anyMatch(Character::isLetterOrDigit);
        boolean prefix = wholeWords && text.endsWith("*");
        if (prefix) {
            text = text.substring(0, text.length() - 1);
        }
        if (text.isEmpty()) {
            throw new IllegalStateException("empty cue for " + kind);
        }
        trie.add(new Cue(kind, weight, text.toLowerCase(Locale.ROOT), wholeWords, prefix));
    }

    /** Every cue found, in order of position; a cue inside a longer one found at the same place is left out. */
    List<Hit> find(String folded) {
        List<Hit> hits = new ArrayList<>();
        int length = folded.length();
        for (int i = 0; i < length; i++) {
            Trie node = trie;
            for (int j = i; j < length && (node = node.child(folded.charAt(j))) != null; j++) {
                for (Cue cue : node.cues) {
                    Hit hit = matchAt(cue, folded, i, j + 1);
                    if (hit != null) {
                        hits.add(hit);
                    }
                }
            }
        }
        String window = folded.length() > REGEX_WINDOW ? folded.substring(0, REGEX_WINDOW) : folded;
        for (int k = 0; k < patterns.size(); k++) {
            if (!opens(gates.get(k), window)) {
                continue;
            }
            Matcher matcher = patterns.get(k).matcher(window);
            if (matcher.find() && matcher.end() > matcher.start()) {
                for (Cue cue : regexCues.get(k)) {
                    hits.add(new Hit(cue, matcher.start(), matcher.end()));
                }
            }
        }
        detect(repeatedChar, Repetition.ofChar(window), hits);
        detect(repeatedPhrase, Repetition.ofPhrase(window), hits);
        return withoutNested(hits);
    }

    private static @Nullable Hit matchAt(Cue cue, String folded, int start, int end) {
        if (!cue.wholeWords()) {
            return new Hit(cue, start, end);
        }
        int length = folded.length();
        if (start > 0 && isWordChar(folded.charAt(start - 1)) && isWordChar(folded.charAt(start))) {
            return null;
        }
        if (cue.prefix()) {
            while (end < length && isWordChar(folded.charAt(end))) {
                end++;
            }
        } else if (end < length && isWordChar(folded.charAt(end)) && isWordChar(folded.charAt(end - 1))) {
            return null;
        }
        return new Hit(cue, start, end);
    }

    /** A node of the cue trie: children by char (sorted, binary search), the cues that end here. */
    private static final class Trie {
        private char[] keys = new char[0];
        private Trie[] children = new Trie[0];
        final List<Cue> cues = new ArrayList<>(1);

        void add(Cue cue) {
            Trie node = this;
            for (int i = 0; i < cue.text().length(); i++) {
                node = node.childOrNew(cue.text().charAt(i));
            }
            node.cues.add(cue);
        }

        @Nullable
        Trie child(char c) {
            int at = java.util.Arrays.binarySearch(keys, c);
            return at >= 0 ? children[at] : null;
        }

        private Trie childOrNew(char c) {
            int at = java.util.Arrays.binarySearch(keys, c);
            if (at >= 0) {
                return children[at];
            }
            int insert = -at - 1;
            char[] newKeys = new char[keys.length + 1];
            Trie[] newChildren = new Trie[keys.length + 1];
            System.arraycopy(keys, 0, newKeys, 0, insert);
            System.arraycopy(children, 0, newChildren, 0, insert);
            newKeys[insert] = c;
            newChildren[insert] = new Trie();
            System.arraycopy(keys, insert, newKeys, insert + 1, keys.length - insert);
            System.arraycopy(children, insert, newChildren, insert + 1, keys.length - insert);
            keys = newKeys;
            children = newChildren;
            return newChildren[insert];
        }
    }

    private static boolean opens(String[] gate, String text) {
        if (gate.length == 0) {
            return true;
        }
        for (String literal : gate) {
            if (text.contains(literal)) {
                return true;
            }
        }
        return false;
    }

    private static void detect(List<Cue> cues, int[] span, List<Hit> hits) {
        if (span != null) {
            for (Cue cue : cues) {
                hits.add(new Hit(cue, span[0], span[1]));
            }
        }
    }

    /**
     * "不错" is not "错", "not bad" not "bad": a hit inside a longer one says nothing of its own. One
     * sweep in order of start (longest first), so a long text with many hits stays linear.
     */
    private static List<Hit> withoutNested(List<Hit> hits) {
        hits.sort((a, b) ->
                a.start() != b.start() ? Integer.compare(a.start(), b.start()) : Integer.compare(b.end(), a.end()));
        List<Hit> kept = new ArrayList<>(hits.size());
        int coverStart = -1;
        int coverEnd = -1;
        for (Hit hit : hits) {
            boolean nested = coverEnd >= hit.end() && !(coverStart == hit.start() && coverEnd == hit.end());
            if (!nested) {
                kept.add(hit);
            }
            if (hit.end() > coverEnd
                    && !hit.cue().text().startsWith("/")
                    && !hit.cue().text().startsWith("@")) {
                coverStart = hit.start();
                coverEnd = hit.end();
            }
        }
        return kept;
    }

    static boolean isWordChar(char c) {
        return c < 0x3000 && Character.isLetterOrDigit(c) || c == '\'';
    }
}
