package dev.rapport.screening.lexicon;

import dev.rapport.screening.text.NormalizedText;
import java.util.List;

/** What the matcher found in one text: hits (sorted by start) and neutral group mentions. */
public record Matches(NormalizedText text, List<Hit> hits, List<GroupMention> groups) {

    public boolean hasHits() {
        return !hits.isEmpty();
    }

    public int maxSeverity() {
        int max = 0;
        for (Hit hit : hits) {
            max = Math.max(max, hit.severity());
        }
        return max;
    }
}
