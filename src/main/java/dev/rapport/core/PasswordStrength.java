package dev.rapport.core;

import java.util.Locale;
import java.util.Set;

/**
 * How strong a password is, for members' passwords and for the company's account passwords alike:
 * at least 12 characters, not a well-known password, at least four different characters.
 */
public final class PasswordStrength {

    public static final int MIN_LENGTH = 12;

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

    private PasswordStrength() {}

    /** Throws a {@link Refusal} naming the broken rule. */
    public static void check(String password) {
        if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
            throw Refusal.invalid("password.too-short", MIN_LENGTH);
        }
        if (COMMON.contains(password.toLowerCase(Locale.ROOT))
                || password.chars().distinct().count() < 4) {
            throw Refusal.invalid("password.too-common");
        }
    }
}
