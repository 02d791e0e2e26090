package dev.rapport.team.domain;

import dev.rapport.core.Refusal;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * At least 12 characters, at most 72 bytes (bcrypt's limit), not a well-known password, not the
 * e-mail address, and not one character repeated.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_BYTES = 72;

    private static final Set<String> COMMON = Set.of(
            "password1234",
            "password12345",
            "passwordpassword",
            "123456789012",
            "1234567890123",
            "qwertyuiopas",
            "qwerty123456",
            "administrator",
            "letmein12345",
            "iloveyou1234",
            "welcome12345",
            "changeme1234",
            "abcdefghijkl",
            "abc123456789",
            "rapportrapport",
            "woaini1314520",
            "1q2w3e4r5t6y");

    private PasswordPolicy() {}

    /** Throws a {@link Refusal} naming the broken rule. */
    public static void check(String password, String email) {
        if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
            throw Refusal.invalid("password.too-short", MIN_LENGTH);
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw Refusal.invalid("password.too-long", MAX_BYTES);
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (COMMON.contains(lower) || password.chars().distinct().count() < 4) {
            throw Refusal.invalid("password.too-common");
        }
        String local = email.toLowerCase(Locale.ROOT).split("@")[0];
        if (lower.equals(email.toLowerCase(Locale.ROOT)) || (local.length() >= 4 && lower.contains(local))) {
            throw Refusal.invalid("password.contains-email");
        }
    }
}
