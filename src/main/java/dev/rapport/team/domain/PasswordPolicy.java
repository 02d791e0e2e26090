package dev.rapport.team.domain;

import dev.rapport.core.PasswordStrength;
import dev.rapport.core.Refusal;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A member's password: strong ({@link PasswordStrength}), at most 72 bytes (bcrypt's limit), and
 * not containing the e-mail address.
 */
public final class PasswordPolicy {

    public static final int MAX_BYTES = 72;

    private PasswordPolicy() {}

    /** Throws a {@link Refusal} naming the broken rule. */
    public static void check(String password, String email) {
        PasswordStrength.check(password);
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw Refusal.invalid("password.too-long", MAX_BYTES);
        }
        String lower = password.toLowerCase(Locale.ROOT);
        String local = email.toLowerCase(Locale.ROOT).split("@")[0];
        if (lower.equals(email.toLowerCase(Locale.ROOT)) || (local.length() >= 4 && lower.contains(local))) {
            throw Refusal.invalid("password.contains-email");
        }
    }
}
