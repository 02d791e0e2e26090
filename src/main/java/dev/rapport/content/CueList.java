package dev.rapport.content;

import dev.rapport.content.text.Canonical;
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
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A list of weighted cues read from a TSV resource (type, weight, cue; see {@code cues.tsv}) and
 * the matcher that finds them in a folded text: English phrases by whole words, Chinese cues as
 * substrings, {@code /regex/} cues with {@link Matcher#find()}. Each cue is reported once.
 */
final class CueList {

    record Entry(String type, double weight, String cue) {}

    private final Map<String, List<Entry>> phrases = new HashMap<>();
    private final List<Entry> prefixes = new ArrayList<>();
    private final List<Entry> chinese = new ArrayList<>();
    private final List<Entry> regexes = new ArrayList<>();
    private final List<Pattern> patterns = new ArrayList<>();
    private int longestPhrase = 1;

    static CueList load(String resource) {
        CueList list = new CueList();
        try (InputStream in = CueList.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " missing from the class path");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t");
                if (columns.length != 3) {
                    throw new IllegalStateException(resource + ": not type, weight, cue: " + line);
                }
                list.add(new Entry(columns[0], Double.parseDouble(columns[1]), columns[2]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return list;
    }

    private void add(Entry entry) {
        String cue = entry.cue();
        if (cue.length() > 2 && cue.startsWith("/") && cue.endsWith("/")) {
            regexes.add(entry);
            patterns.add(Pattern.compile(cue.substring(1, cue.length() - 1)));
        } else if (cue.codePoints().anyMatch(Canonical::isHan)) {
            chinese.add(entry);
        } else if (cue.endsWith("*")) {
            prefixes.add(new Entry(entry.type(), entry.weight(), cue.substring(0, cue.length() - 1)));
        } else {
            String phrase = cue.toLowerCase(Locale.ROOT);
            phrases.computeIfAbsent(phrase, p -> new ArrayList<>(1)).add(entry);
            longestPhrase = Math.max(longestPhrase, phrase.split(" ").length);
        }
    }

    /**
     * Reports each cue found once, with what was found.
     *
     * @param folded the folded text
     * @param words its Latin words
     */
    void find(String folded, List<String> words, Consumer<Found> sink) {
        java.util.Set<Object> seen = new java.util.HashSet<>();
        StringBuilder phrase = new StringBuilder();
        for (int start = 0; start < words.size(); start++) {
            phrase.setLength(0);
            for (int n = 0; n < longestPhrase && start + n < words.size(); n++) {
                if (n > 0) {
                    phrase.append(' ');
                }
                phrase.append(words.get(start + n));
                List<Entry> hits = phrases.get(phrase.toString());
                if (hits != null) {
                    for (Entry hit : hits) {
                        if (seen.add(hit)) {
                            sink.accept(new Found(hit, hit.cue()));
                        }
                    }
                }
            }
            String word = words.get(start);
            for (Entry prefix : prefixes) {
                if (word.startsWith(prefix.cue()) && seen.add(prefix)) {
                    sink.accept(new Found(prefix, word));
                }
            }
        }
        for (Entry cue : chinese) {
            if (folded.contains(cue.cue())) {
                sink.accept(new Found(cue, cue.cue()));
            }
        }
        for (int i = 0; i < regexes.size(); i++) {
            Matcher matcher = patterns.get(i).matcher(folded);
            if (matcher.find()) {
                String found = matcher.group().strip();
                sink.accept(new Found(regexes.get(i), found.length() > 40 ? found.substring(0, 40) + "…" : found));
            }
        }
    }

    record Found(Entry entry, String text) {}
}
