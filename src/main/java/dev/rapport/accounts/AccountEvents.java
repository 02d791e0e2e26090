package dev.rapport.accounts;

import dev.rapport.core.AuditRecord;
import dev.rapport.core.Audited;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** What happened in the registry and the vault; all of it is audited. Values never appear here. */
public interface AccountEvents {

    record AccountRequested(
            String actor,
            long accountId,
            String network,
            String handle,
            @Nullable String source,
            Instant occurredAt) implements Audited {
        public AuditRecord auditRecord() {
            return new AuditRecord(
                    actor, "account.requested", "account:" + accountId, network + " " + handle, source, occurredAt);
        }
    }

    record TimeZoneChanged(
            String actor,
            long accountId,
            @Nullable String timeZone,
            @Nullable String source,
            Instant occurredAt) implements Audited {
        public AuditRecord auditRecord() {
            return new AuditRecord(
                    actor,
                    "account.time-zone-changed",
                    "account:" + accountId,
                    timeZone == null ? "workspace" : timeZone,
                    source,
                    occurredAt);
        }
    }

    record AccountDecided(
            String actor,
            long accountId,
            boolean approved,
            @Nullable String reason,
            @Nullable String source,
            Instant occurredAt)
            implements Audited {
        public AuditRecord auditRecord() {
            return new AuditRecord(
                    actor,
                    approved ? "account.approved" : "account.rejected",
                    "account:" + accountId,
                    reason,
                    source,
                    occurredAt);
        }
    }

    record AccessChanged(
            String actor,
            long accountId,
            long memberId,
            String permissions,
            @Nullable String source,
            Instant occurredAt)
            implements Audited {
        public AuditRecord auditRecord() {
            return new AuditRecord(
                    actor,
                    "account.access-changed",
                    "account:" + accountId,
                    "member:" + memberId + " " + permissions,
                    source,
                    occurredAt);
        }
    }

    record SecretStored(
            String actor,
            long accountId,
            long secretId,
            SecretKind kind,
            String label,
            @Nullable String source,
            Instant occurredAt)
            implements Audited {
        public AuditRecord auditRecord() {
            return new AuditRecord(
                    actor,
                    "secret.stored",
                    "secret:" + secretId,
                    "account:" + accountId + " " + kind + " " + label,
                    source,
                    occurredAt);
        }
    }

    /** A member saw a secret's value: from now on it counts as exposed to them. */
    record SecretRevealed(
            String actor,
            long memberId,
            long accountId,
            long secretId,
            @Nullable String source,
            Instant occurredAt) implements Audited {
        public AuditRecord auditRecord() {
            return new AuditRecord(
                    actor, "secret.revealed", "secret:" + secretId, "account:" + accountId, source, occurredAt);
        }
    }

    record MemberOffboarded(
            String actor,
            long memberId,
            String reason,
            int accountsReassigned,
            int grantsRevoked,
            int rotationTasks,
            @Nullable String source,
            Instant occurredAt)
            implements Audited {
        public AuditRecord auditRecord() {
            return new AuditRecord(
                    actor,
                    "member.offboarded",
                    "member:" + memberId,
                    reason + ": " + accountsReassigned + " accounts reassigned, " + grantsRevoked + " grants revoked, "
                            + rotationTasks + " rotation tasks",
                    source,
                    occurredAt);
        }
    }

    record CapacityLimitChanged(
            String actor, int limit, @Nullable String source, Instant occurredAt) implements Audited {
        public AuditRecord auditRecord() {
            return new AuditRecord(
                    actor,
                    "capacity.limit-changed",
                    "workspace",
                    "max " + limit + " accounts per marketer",
                    source,
                    occurredAt);
        }
    }

    /** A lead or admin let a marketer own more accounts than the limit, and said why. */
    record CapacityOverridden(
            String actor,
            long memberId,
            long accountId,
            String reason,
            @Nullable String source,
            Instant occurredAt) implements Audited {
        public AuditRecord auditRecord() {
            return new AuditRecord(
                    actor,
                    "capacity.overridden",
                    "member:" + memberId,
                    "account:" + accountId + " " + reason,
                    source,
                    occurredAt);
        }
    }

    record AccountStatusChanged(
            String actor,
            long accountId,
            AccountStatus from,
            AccountStatus to,
            @Nullable String source,
            Instant occurredAt)
            implements Audited {
        public AuditRecord auditRecord() {
            return new AuditRecord(
                    actor, "account.status-changed", "account:" + accountId, from + " -> " + to, source, occurredAt);
        }
    }
}
