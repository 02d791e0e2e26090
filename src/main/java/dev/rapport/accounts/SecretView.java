package dev.rapport.accounts;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A stored secret without its value, which is only ever returned by a reveal.
 *
 * @param rotationDue when it should be changed next, or null if it has no rotation interval
 */
public record SecretView(
        long id,
        long accountId,
        SecretKind kind,
        String label,
        long createdBy,
        Instant changedAt,
        @Nullable Integer rotationDays,
        @Nullable Instant rotationDue) {

    public boolean overdueAt(Instant now) {
        return rotationDue != null && rotationDue.isBefore(now);
    }
}
