package dev.rapport.team;

/** A new token and its secret, which is shown this once and never stored. */
public record CreatedToken(AccessTokenView token, String secret) {}
