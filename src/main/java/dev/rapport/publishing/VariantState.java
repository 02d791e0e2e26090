package dev.rapport.publishing;

/**
 * Where a variant is on its way out: draft → pending approval → scheduled → publishing → published,
 * or failed (with a reason and a retry), or outcome unknown until the network has been asked.
 */
public enum VariantState {
    DRAFT,
    PENDING_APPROVAL,
    SCHEDULED,
    PUBLISHING,
    PUBLISHED,
    FAILED,
    OUTCOME_UNKNOWN;

    /** Whether the text may still be edited (it has not been approved or sent). */
    public boolean editable() {
        return this == DRAFT || this == FAILED;
    }

    /** Whether its time may still change (it is not on its way yet): the calendar lets it be dragged. */
    public boolean movable() {
        return this == DRAFT || this == PENDING_APPROVAL || this == SCHEDULED || this == FAILED;
    }

    /** Whether it is on its way or out: it counts in the calendar and the content mix. */
    public boolean committed() {
        return this == SCHEDULED || this == PUBLISHING || this == PUBLISHED || this == OUTCOME_UNKNOWN;
    }
}
