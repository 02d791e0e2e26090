package dev.rapport.inbox;

import dev.rapport.core.AuditRecord;
import dev.rapport.core.Audited;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** What members do in the inbox that the audit log keeps. */
public interface InboxEvents {

    record Replied(
            String actor,
            long conversationId,
            String remoteId,
            @Nullable String source,
            Instant occurredAt) implements Audited {
        public AuditRecord auditRecord() {
            return new AuditRecord(
                    actor, "inbox.replied", "conversation:" + conversationId, remoteId, source, occurredAt);
        }
    }

    /** A lead let a reply the policy holds go out, with the reason they gave. */
    record HoldOverridden(
            String actor,
            long conversationId,
            String note,
            @Nullable String source,
            Instant occurredAt) implements Audited {
        public AuditRecord auditRecord() {
            return new AuditRecord(
                    actor, "inbox.hold-overridden", "conversation:" + conversationId, note, source, occurredAt);
        }
    }

    record Reassigned(
            String actor,
            long conversationId,
            long departmentId,
            @Nullable Long assigneeId,
            String note,
            @Nullable String source,
            Instant occurredAt)
            implements Audited {
        public AuditRecord auditRecord() {
            return new AuditRecord(
                    actor,
                    "inbox.reassigned",
                    "conversation:" + conversationId,
                    "department:" + departmentId + (assigneeId == null ? "" : " member:" + assigneeId) + " " + note,
                    source,
                    occurredAt);
        }
    }

    /** Closed without a reply; for spam and abuse, maybe reported to the network and hidden there. */
    record MarkedDone(
            String actor,
            long conversationId,
            String reason,
            boolean reported,
            boolean hidden,
            @Nullable String source,
            Instant occurredAt)
            implements Audited {
        public AuditRecord auditRecord() {
            return new AuditRecord(
                    actor,
                    "inbox.done",
                    "conversation:" + conversationId,
                    reason + (reported ? " reported" : "") + (hidden ? " hidden" : ""),
                    source,
                    occurredAt);
        }
    }

    /** A department's chat webhook was set or removed; the detail names the service and host, never the URL. */
    record ChatWebhookChanged(
            String actor,
            long departmentId,
            String detail,
            @Nullable String source,
            Instant occurredAt) implements Audited {
        public AuditRecord auditRecord() {
            return new AuditRecord(
                    actor, "inbox.chat-webhook-changed", "department:" + departmentId, detail, source, occurredAt);
        }
    }
}
