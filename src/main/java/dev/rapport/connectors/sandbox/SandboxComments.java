package dev.rapport.connectors.sandbox;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * What the simulated audience writes, by intent and language, from {@code comments.tsv} beside this
 * class (one template a line: intent, language, text, separated by tabs).
 */
final class SandboxComments {

    private static final String RESOURCE = "comments.tsv";
    private static final SandboxComments TEMPLATES = load();

    private final Map<CommentIntent, Map<String, List<String>>> byIntent;
    private final Map<String, CommentIntent> intentOfText;

    private SandboxComments(
            Map<CommentIntent, Map<String, List<String>>> byIntent, Map<String, CommentIntent> intentOfText) {
        this.byIntent = byIntent;
        this.intentOfText = intentOfText;
    }

    static SandboxComments templates() {
        return TEMPLATES;
    }

    /** A comment with the given intent, in the given language ({@code zh} or {@code en}). */
    String pick(CommentIntent intent, String language, SplittableRandom random) {
        List<String> choices = byIntent.get(intent).get(language);
        return choices.get(random.nextInt(choices.size()));
    }

    /** The intent a simulated comment was written with; empty for text not from the templates. */
    Optional<CommentIntent> intentOf(String text) {
        return Optional.ofNullable(intentOfText.get(text));
    }

    private static SandboxComments load() {
        Map<CommentIntent, Map<String, List<String>>> byIntent = new EnumMap<>(CommentIntent.class);
        Map<String, CommentIntent> intentOfText = new HashMap<>();
        try (InputStream in = SandboxComments.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing sandbox resource " + RESOURCE);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split("\t", 3);
                CommentIntent intent = CommentIntent.valueOf(fields[0]);
                byIntent.computeIfAbsent(intent, key -> new HashMap<>())
                        .computeIfAbsent(fields[1], key -> new ArrayList<>())
                        .add(fields[2]);
                intentOfText.put(fields[2], intent);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (CommentIntent intent : CommentIntent.values()) {
            for (String language : List.of("zh", "en")) {
                if (byIntent.getOrDefault(intent, Map.of())
                        .getOrDefault(language, List.of())
                        .isEmpty()) {
                    throw new IllegalStateException("no sandbox template for " + intent + " in " + language);
                }
            }
        }
        return new SandboxComments(byIntent, intentOfText);
    }
}
