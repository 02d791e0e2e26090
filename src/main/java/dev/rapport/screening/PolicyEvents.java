package dev.rapport.screening;

import dev.rapport.core.AuditRecord;
import dev.rapport.core.Audited;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** What happens to the policy; each is audited. */
public interface PolicyEvents {

    record PolicyPublished(
            String actor,
            int version,
            @Nullable String note,
            @Nullable String source,
            Instant occurredAt) implements Audited {
        public AuditRecord auditRecord() {
            return new AuditRecord(actor, "policy.published", "policy:" + version, note, source, occurredAt);
        }
    }

    record PolicyAcknowledged(
            String actor,
            long memberId,
            int version,
            @Nullable String source,
            Instant occurredAt) implements Audited {
        public AuditRecord auditRecord() {
            return new AuditRecord(actor, "policy.acknowledged", "policy:" + version, null, source, occurredAt);
        }
    }

    record EnforcementChanged(
            String actor, boolean enforced, @Nullable String source, Instant occurredAt) implements Audited {
        public AuditRecord auditRecord() {
            return new AuditRecord(actor, "policy.enforcement", "policy", enforced ? "on" : "off", source, occurredAt);
        }
    }
}
