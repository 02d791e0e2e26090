package dev.rapport.core;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Who did what, when, from where and on what.
 *
 * @param actor the acting member's e-mail, or the e-mail tried in a failed sign-in; "system" for
 *     the application itself
 * @param action a stable action code such as {@code member.invited}
 * @param target what the action touched, e.g. {@code member:42}
 * @param detail a short, non-sensitive description (never a password or a token)
 * @param source the client's address, if the action came from a request
 */
public record AuditRecord(
        String actor,
        String action,
        @Nullable String target,
        @Nullable String detail,
        @Nullable String source,
        Instant occurredAt) {

    public static final String SYSTEM = "system";
}
