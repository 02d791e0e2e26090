package dev.rapport.accounts;

/** What a grant allows on one account. Owners and admins may do all of it. */
public enum AccountPermission {
    PUBLISH,
    RESPOND,
    VIEW_ANALYTICS,
    MANAGE_CREDENTIALS
}
