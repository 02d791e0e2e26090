package dev.rapport.connectors.sandbox;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

/**
 * How badly the sandbox network behaves, for fault and load tests: the share of calls answered with
 * 429, with a 5xx, that time out before reaching the network, or whose response is lost after the
 * network applied them; the latency of every call; and which operations misbehave. Deterministic
 * for a given seed: the same calls in the same order fail the same way.
 *
 * <p>A lost response matters for writes (the post exists but the caller does not know); on a read it
 * is a failure like a 5xx.
 *
 * @param operations the operations that fail at these rates; every call waits the latency
 */
public record SandboxFaults(
        long seed,
        double rateLimited,
        double serverError,
        double timeout,
        double responseLost,
        Duration latency,
        Duration retryAfter,
        Set<Operation> operations) {

    /** The calls a connector makes to the sandbox network. */
    public enum Operation {
        CONNECT,
        REFRESH,
        PUBLISH,
        FIND,
        DELETE,
        INTERACTIONS,
        METRICS,
        AUDIENCE,
        MODERATE;

        /** Whether the network changes something, so that a lost response leaves the outcome unknown. */
        public boolean write() {
            return this == PUBLISH || this == DELETE || this == MODERATE;
        }
    }

    public SandboxFaults {
        operations = operations.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(operations));
        if (rateLimited + serverError + timeout + responseLost > 1) {
            throw new IllegalArgumentException("fault rates add up to more than 1");
        }
    }

    /** Faults on publication only, as the engine's tests expect: lookups by idempotency key answer. */
    public SandboxFaults(
            long seed,
            double rateLimited,
            double serverError,
            double timeout,
            double responseLost,
            Duration latency,
            Duration retryAfter) {
        this(seed, rateLimited, serverError, timeout, responseLost, latency, retryAfter, Set.of(Operation.PUBLISH));
    }

    public static SandboxFaults none() {
        return new SandboxFaults(1, 0, 0, 0, 0, Duration.ZERO, Duration.ofSeconds(1));
    }

    /** The same rates, on every operation (reads included). */
    public SandboxFaults everywhere() {
        return on(EnumSet.allOf(Operation.class));
    }

    /** The same rates, on the given operations. */
    public SandboxFaults on(Set<Operation> affected) {
        return new SandboxFaults(seed, rateLimited, serverError, timeout, responseLost, latency, retryAfter, affected);
    }

    /** The same faults with the given latency on every call. */
    public SandboxFaults withLatency(Duration perCall) {
        return new SandboxFaults(
                seed, rateLimited, serverError, timeout, responseLost, perCall, retryAfter, operations);
    }
}
