package dev.rapport.screening;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the screen says about a text under a policy.
 *
 * @param action the strictest action of any finding ({@link Action#PASS} when there is none)
 * @param language the language the text was screened as: {@code zh} or {@code en}
 * @param findings per category: score, severity, the spans of the original text and the evidence
 * @param terms the workspace's own terms found in the text
 * @param reason a sentence for the author, in their language; null when the text passes
 */
public record Verdict(
        Action action,
        String language,
        List<Finding> findings,
        List<TermFinding> terms,
        @Nullable String reason) {

    /** Flagged: held or blocked. */
    @com.fasterxml.jackson.annotation.JsonProperty("flagged")
    public boolean flagged() {
        return action.flagged();
    }

    /**
     * A category the text falls under.
     *
     * @param score 0–1, how sure the screen is
     * @param spans [start, end) offsets in the original text (UTF-16), of the words that show it
     * @param evidence the words or phrases that matched, as found in the text
     * @param action what the policy does with this category at this severity
     */
    public record Finding(
            Category category,
            double score,
            Severity severity,
            List<Span> spans,
            List<String> evidence,
            Action action) {}

    /** A workspace term found in the text. */
    public record TermFinding(
            String term, Action action, @Nullable String note, List<Span> spans) {}

    /** A part of the original text: [start, end) in UTF-16 code units. */
    public record Span(int start, int end) {}
}
