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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The only place where calls to networks are retried and paced: bounded attempts, exponential
 * backoff with full jitter, the network's Retry-After honoured (and remembered for the account),
 * per-account {@link RateLimits}, no retry of what the network refused, and — when a write may have
 * reached the network but its response was lost — a lookup before any new attempt, so that a post is
 * never published twice. A wait longer than {@code maxDelay} is not slept through: the call ends
 * with "try again at", for the scheduler.
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
    private final RateLimits limits;
    private final Clock clock;

    public ConnectorEngine(
            int maxAttempts, Duration baseDelay, Duration maxDelay, Sleeper sleeper, RateLimits limits, Clock clock) {
        this.maxAttempts = maxAttempts;
        this.baseDelay = baseDelay;
        this.maxDelay = maxDelay;
        this.sleeper = sleeper;
        this.limits = limits;
        this.clock = clock;
    }

    public ConnectorEngine(int maxAttempts, Duration baseDelay, Duration maxDelay, Sleeper sleeper) {
        this(maxAttempts, baseDelay, maxDelay, sleeper, RateLimits.unlimited(), Clock.systemUTC());
    }

    public PublishOutcome publish(NetworkConnector connector, Connection connection, PublishRequest request) {
        boolean unresolved = false;
        int calls = 0;
        @Nullable String lastFailure = null;
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            Optional<Instant> notBefore = pace(connector, connection);
            if (notBefore.isPresent()) {
                return unresolved ? PublishOutcome.unknown(calls) : PublishOutcome.rateLimited(notBefore.get(), calls);
            }
            if (unresolved) {
                // A previous attempt may have been applied: ask before writing again.
                try {
                    Optional<PublishReceipt> found = connector.findPublished(connection, request);
                    if (found.isPresent()) {
                        return PublishOutcome.published(found.get(), calls);
                    }
                    unresolved = false;
                } catch (ConnectorException lookupFailed) {
                    if (lookupFailed instanceof Rejected || lookupFailed instanceof AuthExpired) {
                        return PublishOutcome.unknown(calls);
                    }
                    Optional<Instant> later = backOff(connector, connection, attempt, lookupFailed);
                    if (later.isPresent()) {
                        return PublishOutcome.unknown(calls);
                    }
                    continue;
                }
                Optional<Instant> again = pace(connector, connection);
                if (again.isPresent()) {
                    return PublishOutcome.rateLimited(again.get(), calls);
                }
            }
            try {
                calls++;
                return PublishOutcome.published(connector.publish(connection, request), calls);
            } catch (Rejected rejected) {
                return PublishOutcome.failed("rejected:" + rejected.code(), rejected.userMessage(), calls);
            } catch (AuthExpired expired) {
                return PublishOutcome.failed("auth-expired", expired.getMessage(), calls);
            } catch (RateLimited | Transient failure) {
                lastFailure = failure.getMessage();
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
                if (attempt == maxAttempts) {
                    break;
                }
                Optional<Instant> later = backOff(connector, connection, attempt, failure);
                if (later.isPresent()) {
                    return unresolved
                            ? resolve(connector, connection, request, calls, lastFailure)
                            : PublishOutcome.rateLimited(later.get(), calls);
                }
            }
        }
        return unresolved
                ? resolve(connector, connection, request, calls, lastFailure)
                : PublishOutcome.failed("unavailable", lastFailure, calls);
    }

    /**
     * A read (or a harmless write such as a delete), retried like a publication; what still fails
     * after the attempts is thrown as the network reported it.
     */
    public <T> T call(
            NetworkConnector connector, Connection connection, BiFunction<NetworkConnector, Connection, T> operation) {
        for (int attempt = 1; ; attempt++) {
            Optional<Instant> notBefore = pace(connector, connection);
            if (notBefore.isPresent()) {
                throw new RateLimited(Duration.between(clock.instant(), notBefore.get()), null, null);
            }
            try {
                return operation.apply(connector, connection);
            } catch (RateLimited | Transient failure) {
                if (attempt == maxAttempts
                        || backOff(connector, connection, attempt, failure).isPresent()) {
                    throw failure;
                }
            }
        }
    }

    /** The last word on a write whose answer was lost: one more lookup. */
    private PublishOutcome resolve(
            NetworkConnector connector,
            Connection connection,
            PublishRequest request,
            int calls,
            @Nullable String lastFailure) {
        try {
            return connector
                    .findPublished(connection, request)
                    .map(receipt -> PublishOutcome.published(receipt, calls))
                    .orElseGet(() -> PublishOutcome.failed("unavailable", lastFailure, calls));
        } catch (ConnectorException lookupFailed) {
            return PublishOutcome.unknown(calls);
        }
    }

    /** Waits for the account's next call slot; when that is too far off, says when to come back. */
    private Optional<Instant> pace(NetworkConnector connector, Connection connection) {
        Duration wait = limits.reserve(connector.network(), connection.accountId(), maxDelay);
        if (wait.compareTo(maxDelay) > 0) {
            return Optional.of(clock.instant().plus(wait));
        }
        return sleep(wait) ? Optional.empty() : Optional.of(clock.instant());
    }

    /**
     * Sleeps before the next attempt: the backoff, or the network's Retry-After if longer (which the
     * account's budget also remembers). Says when to come back instead if that is beyond
     * {@code maxDelay}, or if interrupted.
     */
    private Optional<Instant> backOff(
            NetworkConnector connector, Connection connection, int attempt, ConnectorException failure) {
        Duration delay = backoff(attempt);
        if (failure instanceof RateLimited limited) {
            limits.blockUntil(
                    connector.network(), connection.accountId(), clock.instant().plus(limited.retryAfter()));
            if (limited.retryAfter().compareTo(maxDelay) > 0) {
                return Optional.of(clock.instant().plus(limited.retryAfter()));
            }
            if (limited.retryAfter().compareTo(delay) > 0) {
                delay = limited.retryAfter();
            }
        }
        return sleep(delay) ? Optional.empty() : Optional.of(clock.instant());
    }

    private boolean sleep(Duration delay) {
        if (delay.isZero()) {
            return true;
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
