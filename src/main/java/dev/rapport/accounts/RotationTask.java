package dev.rapport.accounts;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A secret to change because a member who could reveal it left or changed role; done when a new
 * value is stored for it.
 *
 * @param reason {@code left} or {@code role-changed}
 */
public record RotationTask(
        long id,
        long secretId,
        long accountId,
        String network,
        String handle,
        SecretKind kind,
        String label,
        long memberId,
        String reason,
        Instant createdAt,
        @Nullable Instant doneAt) {

    public boolean done() {
        return doneAt != null;
    }
}
