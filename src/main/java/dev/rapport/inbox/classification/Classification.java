package dev.rapport.inbox.classification;

import java.util.List;

/**
 * What an item is about and how it feels, with why.
 *
 * @param confidence 0–1, how sure the intent is
 * @param language {@code zh}, {@code en} or {@code mixed}
 */
public record Classification(
        Sentiment sentiment, Intent intent, double confidence, List<Evidence> evidence, String language) {

    public Classification {
        evidence = List.copyOf(evidence);
    }
}
