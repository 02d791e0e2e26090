package dev.rapport.connectors;

import dev.rapport.connectors.spi.PublishReceipt;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * How a publication ended, after the engine's retries.
 *
 * @param receipt the network's item when published
 * @param reason a stable code when not published: {@code rejected:<network code>}, {@code auth-expired},
 *     {@code not-connected}, {@code rate-limited} (see {@code retryAt}), {@code unavailable} (retries
 *     exhausted), or {@code outcome-unknown}
 * @param message the network's own words for the owner, when it gave any
 * @param attempts how many times the engine sent the publication (lookups not counted)
 * @param retryAt when a new attempt may succeed, for a rate limit; null otherwise
 */
public record PublishOutcome(
        Status status,
        @Nullable PublishReceipt receipt,
        @Nullable String reason,
        @Nullable String message,
        int attempts,
        @Nullable Instant retryAt) {

    public enum Status {
        PUBLISHED,
        FAILED,
        /** The network may have it: the engine could not find out. Resolve before trying again. */
        OUTCOME_UNKNOWN
    }

    /**
     * The kind of a reason, for its message {@code connection.reason.<kind>}: {@code rejected} for
     * {@code rejected:<network code>}, else the reason itself.
     */
    public static String kind(String reason) {
        int colon = reason.indexOf(':');
        return colon < 0 ? reason : reason.substring(0, colon);
    }

    static PublishOutcome published(PublishReceipt receipt, int attempts) {
        return new PublishOutcome(Status.PUBLISHED, receipt, null, null, attempts, null);
    }

    static PublishOutcome failed(String reason, @Nullable String message, int attempts) {
        return new PublishOutcome(Status.FAILED, null, reason, message, attempts, null);
    }

    static PublishOutcome rateLimited(Instant retryAt, int attempts) {
        return new PublishOutcome(Status.FAILED, null, "rate-limited", null, attempts, retryAt);
    }

    static PublishOutcome unknown(int attempts) {
        return new PublishOutcome(Status.OUTCOME_UNKNOWN, null, "outcome-unknown", null, attempts, null);
    }
}
