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

/**
 * The cues of one or more TSV files (kind, weight, cue; see {@code cues-en.tsv}) and the matcher
 * that finds them in a folded text in one pass: cues are indexed by their first char, so a text
 * costs one look-up per char whatever the number of cues. A cue with a Chinese character is a
 * substring; one with a Latin letter or digit is matched on whole words, with a trailing {@code *}
 * for any ending; any other (emoji, punctuation) is a substring; {@code /regex/} cues are found
 * with {@link Matcher#find()} in the first {@value #REGEX_WINDOW} chars.
 */
final class CueBook {

    /** Regular expressions look at the start of a text only, so a 100 KB text costs what 2 KB does. */
    static final int REGEX_WINDOW = 2_000;

    record Cue(String kind, double weight, String text, boolean wholeWords, boolean prefix) {}

    /** A cue found at [start, end) of the folded text. */
    record Hit(Cue cue, int start, int end) {}

    private final Map<Character, List<Cue>> byFirstChar = new HashMap<>();
    private final List<Cue> regexCues = new ArrayList<>();
    private final List<Pattern> patterns = new ArrayList<>();

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
                if (columns.length != 3) {
                    throw new IllegalStateException(resource + ":" + number + ": not kind, weight, cue: " + line);
                }
                add(columns[0], Double.parseDouble(columns[1]), columns[2]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void add(String kind, double weight, String cue) {
        if (cue.length() > 2 && cue.startsWith("/") && cue.endsWith("/")) {
            regexCues.add(new Cue(kind, weight, cue, false, false));
            patterns.add(Pattern.compile(cue.substring(1, cue.length() - 1)));
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
        byFirstChar
                .computeIfAbsent(text.charAt(0), c -> new ArrayList<>(2))
                .add(new Cue(kind, weight, text.toLowerCase(Locale.ROOT), wholeWords, prefix));
    }

    /** Every cue found, in order of position; a cue inside a longer one found at the same place is left out. */
    List<Hit> find(String folded) {
        List<Hit> hits = new ArrayList<>();
        int length = folded.length();
        for (int i = 0; i < length; i++) {
            List<Cue> candidates = byFirstChar.get(folded.charAt(i));
            if (candidates == null) {
                continue;
            }
            for (Cue cue : candidates) {
                if (!folded.startsWith(cue.text(), i)) {
                    continue;
                }
                int end = i + cue.text().length();
                if (cue.wholeWords()) {
                    if (i > 0 && isWordChar(folded.charAt(i - 1)) && isWordChar(folded.charAt(i))) {
                        continue;
                    }
                    if (cue.prefix()) {
                        while (end < length && isWordChar(folded.charAt(end))) {
                            end++;
                        }
                    } else if (end < length && isWordChar(folded.charAt(end)) && isWordChar(folded.charAt(end - 1))) {
                        continue;
                    }
                }
                hits.add(new Hit(cue, i, end));
            }
        }
        String window = folded.length() > REGEX_WINDOW ? folded.substring(0, REGEX_WINDOW) : folded;
        for (int k = 0; k < patterns.size(); k++) {
            Matcher matcher = patterns.get(k).matcher(window);
            if (matcher.find() && matcher.end() > matcher.start()) {
                hits.add(new Hit(regexCues.get(k), matcher.start(), matcher.end()));
            }
        }
        return withoutNested(hits);
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
            if (hit.end() > coverEnd && !hit.cue().text().startsWith("/")) {
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
