package dev.rapport.accounts;

/** Where an account is in its life. Retired accounts keep their history. */
public enum AccountStatus {
    /** Asked for; a lead or admin approves or rejects it. */
    REQUESTED,
    /** Found outside the registry; an admin adopts it. */
    DISCOVERED,
    ACTIVE,
    PAUSED,
    RETIRED,
    REJECTED
}
