package dev.rapport.inbox;

/** Whose turn it is. */
public enum ConversationState {
    /** Waiting for us: the newest message is theirs. */
    OPEN,
    /** We answered; waiting for them. */
    ANSWERED,
    /** Closed without (further) reply: spam, abuse, nothing to say — with a reason. */
    DONE
}
