package dev.rapport.screening;

/** What the policy does with a finding, from the mildest to the strictest. */
public enum Action {
    /** Nothing to say. */
    PASS,
    /** The author sees why, and may go on. */
    WARN,
    /** A lead or admin must approve it first (with a reason if they override). */
    HOLD,
    /** It cannot be sent. */
    BLOCK;

    /** Whether it stops the text: hold or block. */
    public boolean flagged() {
        return this == HOLD || this == BLOCK;
    }

    public Action max(Action other) {
        return other.ordinal() > ordinal() ? other : this;
    }

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
