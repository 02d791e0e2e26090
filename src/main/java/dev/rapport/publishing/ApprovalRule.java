package dev.rapport.publishing;

/**
 * Which posts need a lead's approval before they are scheduled. A post the policy screen holds
 * always does.
 */
public enum ApprovalRule {
    /** Every post. */
    ALWAYS,
    /** Posts to the accounts the workspace lists (and held ones). */
    ACCOUNTS,
    /** Only posts the policy screen holds. */
    WHEN_HELD
}
