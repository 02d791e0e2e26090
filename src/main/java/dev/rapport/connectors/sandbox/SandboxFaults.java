package dev.rapport.connectors.sandbox;

import java.time.Duration;

/**
 * How badly the sandbox network behaves, for fault and load tests: the share of calls answered with
 * 429, with a 5xx, that time out before reaching the network, or whose response is lost after the
 * network applied them; and the latency of every call. Deterministic for a given seed.
 */
public record SandboxFaults(
        long seed,
        double rateLimited,
        double serverError,
        double timeout,
        double responseLost,
        Duration latency,
        Duration retryAfter) {

    public static SandboxFaults none() {
        return new SandboxFaults(1, 0, 0, 0, 0, Duration.ZERO, Duration.ofSeconds(1));
    }
}
