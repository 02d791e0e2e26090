package dev.rapport.inbox;

import dev.rapport.core.AuditRecord;
import dev.rapport.core.Audited;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A department's response-time targets or business hours were changed. */
public record TargetsChanged(
        String actor,
        long departmentId,
        String detail,
        @Nullable String source,
        Instant occurredAt) implements Audited {

    @Override
    public AuditRecord auditRecord() {
        return new AuditRecord(
                actor, "inbox.targets-changed", "department:" + departmentId, detail, source, occurredAt);
    }
}
