package dev.rapport.publishing;

import dev.rapport.core.AuditRecord;
import dev.rapport.core.Audited;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** What happens to posts that the audit log keeps: decisions of people, and what went out. */
public interface PublishingEvents {

    record Submitted(
            String actor,
            long postId,
            boolean needsApproval,
            @Nullable String source,
            Instant occurredAt) implements Audited {
        public AuditRecord auditRecord() {
            return new AuditRecord(
                    actor,
                    "post.submitted",
                    "post:" + postId,
                    needsApproval ? "pending approval" : "scheduled",
                    source,
                    occurredAt);
        }
    }

    record Approved(String actor, long postId, @Nullable String source, Instant occurredAt) implements Audited {
        public AuditRecord auditRecord() {
            return new AuditRecord(actor, "post.approved", "post:" + postId, null, source, occurredAt);
        }
    }

    /** An approver let a text the policy holds go out, with the reason they gave. */
    record HoldOverridden(
            String actor,
            long variantId,
            String screeningReason,
            String note,
            @Nullable String source,
            Instant occurredAt)
            implements Audited {
        public AuditRecord auditRecord() {
            return new AuditRecord(
                    actor,
                    "post.hold-overridden",
                    "variant:" + variantId,
                    abbreviate(note + " — " + screeningReason),
                    source,
                    occurredAt);
        }
    }

    record SentBack(String actor, long postId, @Nullable String source, Instant occurredAt) implements Audited {
        public AuditRecord auditRecord() {
            return new AuditRecord(actor, "post.sent-back", "post:" + postId, null, source, occurredAt);
        }
    }

    record Published(long variantId, long accountId, String remoteId, Instant occurredAt) implements Audited {
        public AuditRecord auditRecord() {
            return new AuditRecord(
                    AuditRecord.SYSTEM,
                    "post.published",
                    "variant:" + variantId,
                    "account:" + accountId + " " + remoteId,
                    null,
                    occurredAt);
        }
    }

    /** A variant did not go out (or may not have): its owners are told. */
    record Failed(long variantId, long postId, long accountId, VariantState state, String reason, Instant occurredAt)
            implements Audited {
        public AuditRecord auditRecord() {
            return new AuditRecord(
                    AuditRecord.SYSTEM, "post.failed", "variant:" + variantId, state + " " + reason, null, occurredAt);
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 500 ? text : text.substring(0, 499) + "…";
    }
}
