package dev.rapport.accounts;

/** A secret whose rotation date is near or past, with the account it belongs to. */
public record RotationDue(AccountView account, SecretView secret, boolean overdue) {}
