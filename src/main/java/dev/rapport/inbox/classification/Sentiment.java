package dev.rapport.inbox.classification;

/** How an item feels. */
public enum Sentiment {
    POSITIVE,
    NEUTRAL,
    NEGATIVE
}
