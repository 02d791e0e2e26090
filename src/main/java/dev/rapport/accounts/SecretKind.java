package dev.rapport.accounts;

/** What a stored secret is. Passwords must be strong and used on one account only. */
public enum SecretKind {
    LOGIN,
    PASSWORD,
    RECOVERY,
    API_KEY,
    NOTE
}
