package dev.rapport.connectors;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An account's connection, without its credentials.
 *
 * @param connector the network code of the connector used ({@code sandbox} for the simulated network)
 * @param settings what the connector keeps in the open (server URL, the server's character limit)
 */
public record ConnectionView(
        long accountId,
        ConnectionStatus status,
        @Nullable String connector,
        @Nullable String remoteId,
        @Nullable String handle,
        Map<String, String> settings,
        @Nullable Instant expiresAt,
        @Nullable Long connectedBy,
        @Nullable Instant connectedAt,
        @Nullable Instant lastSuccessAt,
        @Nullable Instant lastFailureAt,
        @Nullable String failureReason,
        @Nullable String failureMessage) {

    public static ConnectionView notConnected(long accountId) {
        return new ConnectionView(
                accountId,
                ConnectionStatus.NOT_CONNECTED,
                null,
                null,
                null,
                Map.of(),
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    /** Whether this is the simulated network rather than the real one. */
    @JsonProperty("simulated")
    public boolean simulated() {
        return "sandbox".equals(connector);
    }

    /** The kind of the last failure, for its message {@code connection.reason.<kind>}. */
    public @Nullable String failureKind() {
        return failureReason == null ? null : PublishOutcome.kind(failureReason);
    }

    /** Whether Rapport can use it now (expiring and failing ones are still tried). */
    @JsonProperty("usable")
    public boolean usable() {
        return status == ConnectionStatus.CONNECTED
                || status == ConnectionStatus.EXPIRING
                || status == ConnectionStatus.FAILING;
    }
}
