package dev.rapport.accounts;

/**
 * What a stored secret is. Passwords must be strong and used on one account only. A
 * {@link #CONNECTION} holds what a network connector signs in with (tokens, an app password): only
 * the connector opens it, no member can reveal it.
 */
public enum SecretKind {
    LOGIN,
    PASSWORD,
    RECOVERY,
    API_KEY,
    NOTE,
    CONNECTION;

    /** The kinds a member stores by hand. */
    public static final java.util.List<SecretKind> MANUAL = java.util.List.of(LOGIN, PASSWORD, RECOVERY, API_KEY, NOTE);
}
