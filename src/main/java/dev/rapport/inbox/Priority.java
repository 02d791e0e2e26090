package dev.rapport.inbox;

import dev.rapport.inbox.classification.Intent;
import dev.rapport.inbox.classification.Sentiment;
import java.time.Duration;

/**
 * How soon a conversation is answered: complaints and angry billing questions within the hour,
 * questions and purchase intent within four, the rest within a day.
 */
public enum Priority {
    HIGH(Duration.ofHours(1)),
    NORMAL(Duration.ofHours(4)),
    LOW(Duration.ofHours(24));

    private final Duration target;

    Priority(Duration target) {
        this.target = target;
    }

    /** The default response-time target, for a department that has not set its own ({@link ResponseTargets}). */
    public Duration target() {
        return target;
    }

    public static Priority of(Intent intent, Sentiment sentiment) {
        return switch (intent) {
            case COMPLAINT -> HIGH;
            case BILLING -> sentiment == Sentiment.NEGATIVE ? HIGH : NORMAL;
            case QUESTION, PURCHASE_INTENT -> NORMAL;
            case PRODUCT_FEEDBACK, PRAISE, SPAM, ABUSE, OTHER -> LOW;
        };
    }
}
