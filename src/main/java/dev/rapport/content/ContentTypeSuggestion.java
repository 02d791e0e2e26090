package dev.rapport.content;

import java.util.List;
import java.util.Map;

/**
 * The content type suggested for a text, with why.
 *
 * @param type the type with the most points; {@link ContentTypes#FALLBACK} when no cue was found
 * @param confidence the suggested type's share of all points, 0–1 (0 when no cue was found)
 * @param points each type's points (the sum of its cues' weights), in {@link ContentType} order
 * @param evidence every cue found, strongest first
 * @param language {@code zh}, {@code en} or {@code mixed}, by script
 */
public record ContentTypeSuggestion(
        ContentType type, double confidence, Map<ContentType, Double> points, List<Cue> evidence, String language) {

    public ContentTypeSuggestion {
        points = Map.copyOf(points);
        evidence = List.copyOf(evidence);
    }

    /** True when at least one cue was found: otherwise the type is only the fallback. */
    public boolean hasEvidence() {
        return !evidence.isEmpty();
    }

    /** The cues found for one type. */
    public List<Cue> evidenceFor(ContentType contentType) {
        return evidence.stream().filter(c -> c.type() == contentType).toList();
    }
}
