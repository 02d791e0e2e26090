package dev.rapport.connectors.sandbox;

/** Why someone in the simulated audience writes: what the inbox's classifier should recognise. */
public enum CommentIntent {
    QUESTION,
    COMPLAINT,
    PRAISE,
    PURCHASE_INTENT,
    BILLING,
    FEEDBACK,
    SPAM,
    ABUSE;

    /** Whether leaving it unanswered counts against the account; nobody is expected to answer spam. */
    boolean expectsAnswer() {
        return this != SPAM;
    }
}
