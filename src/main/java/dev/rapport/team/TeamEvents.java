package dev.rapport.team;

import dev.rapport.core.AuditRecord;
import dev.rapport.core.Audited;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What happened in the team, published after the fact. Every one is {@link Audited}; other
 * modules react to them by id (for example offboarding on {@link MemberDeactivated}).
 *
 * <p>{@code actor} is the e-mail of the member who acted; {@code source} the client's address.
 */
public interface TeamEvents {

    record WorkspaceCreated(
            String actor, String name, @Nullable String source, Instant occurredAt) implements Audited {
        public AuditRecord auditRecord() {
            return new AuditRecord(actor, "workspace.created", "workspace", name, source, occurredAt);
        }
    }

    record WorkspaceSettingsChanged(
            String actor, String changes, @Nullable String source, Instant occurredAt) implements Audited {
        public AuditRecord auditRecord() {
            return new AuditRecord(actor, "workspace.settings-changed", "workspace", changes, source, occurredAt);
        }
    }

    record MemberSignedIn(
            long memberId, String email, @Nullable String source, Instant occurredAt) implements Audited {
        public AuditRecord auditRecord() {
            return new AuditRecord(email, "sign-in.succeeded", "member:" + memberId, null, source, occurredAt);
        }
    }

    /** {@code reason}: bad-credentials, locked, disabled. */
    record SignInFailed(
            String email, String reason, @Nullable String source, Instant occurredAt) implements Audited {
        public AuditRecord auditRecord() {
            return new AuditRecord(email, "sign-in.failed", null, reason, source, occurredAt);
        }
    }

    record MemberLockedOut(
            long memberId,
            String email,
            Instant until,
            @Nullable String source,
            Instant occurredAt) implements Audited {
        public AuditRecord auditRecord() {
            return new AuditRecord(
                    email, "sign-in.locked-out", "member:" + memberId, "until " + until, source, occurredAt);
        }
    }

    record MemberInvited(
            String actor,
            long memberId,
            String email,
            Role role,
            @Nullable String source,
            Instant occurredAt) implements Audited {
        public AuditRecord auditRecord() {
            return new AuditRecord(
                    actor, "member.invited", "member:" + memberId, email + " as " + role, source, occurredAt);
        }
    }

    record SignInLinkIssued(
            String actor, long memberId, @Nullable String source, Instant occurredAt) implements Audited {
        public AuditRecord auditRecord() {
            return new AuditRecord(actor, "member.sign-in-link-issued", "member:" + memberId, null, source, occurredAt);
        }
    }

    record MemberChanged(
            String actor,
            long memberId,
            String changes,
            @Nullable String source,
            Instant occurredAt) implements Audited {
        public AuditRecord auditRecord() {
            return new AuditRecord(actor, "member.changed", "member:" + memberId, changes, source, occurredAt);
        }
    }

    record MemberRoleChanged(
            String actor,
            long memberId,
            Role from,
            Role to,
            @Nullable String source,
            Instant occurredAt) implements Audited {
        public AuditRecord auditRecord() {
            return new AuditRecord(
                    actor, "member.role-changed", "member:" + memberId, from + " -> " + to, source, occurredAt);
        }
    }

    record MemberDeactivated(
            String actor, long memberId, @Nullable String source, Instant occurredAt) implements Audited {
        public AuditRecord auditRecord() {
            return new AuditRecord(actor, "member.deactivated", "member:" + memberId, null, source, occurredAt);
        }
    }

    record MemberReactivated(
            String actor, long memberId, @Nullable String source, Instant occurredAt) implements Audited {
        public AuditRecord auditRecord() {
            return new AuditRecord(actor, "member.reactivated", "member:" + memberId, null, source, occurredAt);
        }
    }

    record PasswordChanged(
            String actor, long memberId, @Nullable String source, Instant occurredAt) implements Audited {
        public AuditRecord auditRecord() {
            return new AuditRecord(actor, "member.password-changed", "member:" + memberId, null, source, occurredAt);
        }
    }

    record SessionsRevoked(
            String actor,
            long memberId,
            int sessions,
            @Nullable String source,
            Instant occurredAt) implements Audited {
        public AuditRecord auditRecord() {
            return new AuditRecord(
                    actor, "member.sessions-revoked", "member:" + memberId, sessions + " sessions", source, occurredAt);
        }
    }

    record AccessTokenCreated(
            String actor,
            long memberId,
            long tokenId,
            String name,
            @Nullable String source,
            Instant occurredAt) implements Audited {
        public AuditRecord auditRecord() {
            return new AuditRecord(actor, "token.created", "token:" + tokenId, name, source, occurredAt);
        }
    }

    record AccessTokenRevoked(
            String actor,
            long memberId,
            long tokenId,
            String name,
            @Nullable String source,
            Instant occurredAt) implements Audited {
        public AuditRecord auditRecord() {
            return new AuditRecord(actor, "token.revoked", "token:" + tokenId, name, source, occurredAt);
        }
    }

    record DepartmentAdded(
            String actor,
            long departmentId,
            String name,
            @Nullable String source,
            Instant occurredAt) implements Audited {
        public AuditRecord auditRecord() {
            return new AuditRecord(actor, "department.added", "department:" + departmentId, name, source, occurredAt);
        }
    }
}
