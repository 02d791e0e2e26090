package dev.rapport.connectors;

import dev.rapport.connectors.spi.Connection;
import dev.rapport.connectors.spi.ConnectorException;
import dev.rapport.connectors.spi.ConnectorException.AuthExpired;
import dev.rapport.connectors.spi.ConnectorException.RateLimited;
import dev.rapport.connectors.spi.ConnectorException.Rejected;
import dev.rapport.connectors.spi.ConnectorException.Transient;
import dev.rapport.connectors.spi.NetworkConnector;
import dev.rapport.connectors.spi.PublishReceipt;
import dev.rapport.connectors.spi.PublishRequest;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The only place where calls to networks are retried: bounded attempts, exponential backoff with
 * full jitter, the network's Retry-After honoured, no retry of what the network refused, and — when
 * a write may have reached the network but its response was lost — a lookup by idempotency key
 * before any new attempt, so that a post is never published twice.
 */
public class ConnectorEngine {

    /** Waits between attempts; tests replace it so that they do not sleep. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private static final Logger log = LoggerFactory.getLogger(ConnectorEngine.class);

    private final int maxAttempts;
    private final Duration baseDelay;
    private final Duration maxDelay;
    private final Sleeper sleeper;

    public ConnectorEngine(int maxAttempts, Duration baseDelay, Duration maxDelay, Sleeper sleeper) {
        this.maxAttempts = maxAttempts;
        this.baseDelay = baseDelay;
        this.maxDelay = maxDelay;
        this.sleeper = sleeper;
    }

    public PublishOutcome publish(NetworkConnector connector, Connection connection, PublishRequest request) {
        boolean unresolved = false;
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            if (unresolved) {
                // A previous attempt may have been applied: ask before writing again.
                try {
                    Optional<PublishReceipt> found = connector.findPublished(connection, request);
                    if (found.isPresent()) {
                        return PublishOutcome.published(found.get(), attempt - 1);
                    }
                    unresolved = false;
                } catch (ConnectorException lookupFailed) {
                    if (!waitBefore(attempt, lookupFailed)) {
                        return PublishOutcome.unknown(attempt - 1);
                    }
                    continue;
                }
            }
            try {
                return PublishOutcome.published(connector.publish(connection, request), attempt);
            } catch (Rejected rejected) {
                return PublishOutcome.failed("rejected:" + rejected.code(), rejected.userMessage(), attempt);
            } catch (AuthExpired expired) {
                return PublishOutcome.failed("auth-expired", expired.getMessage(), attempt);
            } catch (RateLimited | Transient failure) {
                if (failure instanceof Transient transientFailure && transientFailure.writeMayHaveHappened()) {
                    unresolved = true;
                }
                log.debug(
                        "{} publish attempt {} for account {} failed: {} (status {}, request {})",
                        connector.network(),
                        attempt,
                        connection.accountId(),
                        failure.getMessage(),
                        failure.status(),
                        failure.requestId());
                if (attempt == maxAttempts || !waitBefore(attempt, failure)) {
                    break;
                }
            }
        }
        if (unresolved) {
            try {
                return connector
                        .findPublished(connection, request)
                        .map(receipt -> PublishOutcome.published(receipt, maxAttempts))
                        .orElseGet(() -> PublishOutcome.failed("unavailable", null, maxAttempts));
            } catch (ConnectorException lookupFailed) {
                return PublishOutcome.unknown(maxAttempts);
            }
        }
        return PublishOutcome.failed("unavailable", null, maxAttempts);
    }

    /** Sleeps before the next attempt; false if interrupted. */
    private boolean waitBefore(int attempt, ConnectorException failure) {
        Duration delay = backoff(attempt);
        if (failure instanceof RateLimited limited && limited.retryAfter().compareTo(delay) > 0) {
            delay = limited.retryAfter();
        }
        try {
            sleeper.sleep(delay);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Full jitter: a random wait between zero and base × 2^(attempt−1), capped. */
    Duration backoff(int attempt) {
        long ceiling = Math.min(maxDelay.toMillis(), baseDelay.toMillis() << Math.min(attempt - 1, 20));
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(ceiling + 1));
    }
}
