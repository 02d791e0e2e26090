package dev.rapport.connectors;

import dev.rapport.core.AuditRecord;
import dev.rapport.core.Audited;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** What happens to connections; each is audited. */
public interface ConnectionEvents {

    record Connected(
            String actor,
            long accountId,
            String connector,
            String handle,
            @Nullable String source,
            Instant occurredAt) implements Audited {
        public AuditRecord auditRecord() {
            return new AuditRecord(
                    actor,
                    "connection.connected",
                    "account:" + accountId,
                    connector + " " + handle,
                    source,
                    occurredAt);
        }
    }

    record Disconnected(
            String actor,
            long accountId,
            String connector,
            @Nullable String source,
            Instant occurredAt) implements Audited {
        public AuditRecord auditRecord() {
            return new AuditRecord(
                    actor, "connection.disconnected", "account:" + accountId, connector, source, occurredAt);
        }
    }

    /** The network stopped accepting the account's credentials, and a refresh did not help. */
    record Expired(
            long accountId, String connector, @Nullable String message, Instant occurredAt) implements Audited {
        public AuditRecord auditRecord() {
            return new AuditRecord(
                    AuditRecord.SYSTEM, "connection.expired", "account:" + accountId, connector, null, occurredAt);
        }
    }

    /** A member published a test post to check a connection. */
    record TestPostPublished(
            String actor,
            long accountId,
            String remoteId,
            @Nullable String source,
            Instant occurredAt) implements Audited {
        public AuditRecord auditRecord() {
            return new AuditRecord(actor, "connection.test-post", "account:" + accountId, remoteId, source, occurredAt);
        }
    }

    /** The network pushes the account's interactions to Rapport from now on. */
    record PushSubscribed(String actor, long accountId, String connector, Instant occurredAt) implements Audited {
        public AuditRecord auditRecord() {
            return new AuditRecord(
                    actor, "connection.push-subscribed", "account:" + accountId, connector, null, occurredAt);
        }
    }

    /** The network no longer pushes to Rapport for the account (disconnected); polling goes on. */
    record PushUnsubscribed(String actor, long accountId, String connector, Instant occurredAt) implements Audited {
        public AuditRecord auditRecord() {
            return new AuditRecord(
                    actor, "connection.push-unsubscribed", "account:" + accountId, connector, null, occurredAt);
        }
    }

    /**
     * A verified push announced an interaction: {@code reference} is what the connector reads it by
     * ({@link Connections#pushed}). Recorded with the event publication registry, so it is taken even
     * after a crash; a push that still fails is found by the next poll.
     */
    record InteractionPushed(long accountId, String connector, String reference, Instant receivedAt) {}
}
