package dev.rapport.screening;

/** How bad a finding is: from the lexicon's rating and the classifier's confidence. */
public enum Severity {
    LOW,
    MEDIUM,
    HIGH;

    /** The lexicon's 1–3 rating. */
    public static Severity ofRating(int rating) {
        return rating >= 3 ? HIGH : rating == 2 ? MEDIUM : LOW;
    }
}
