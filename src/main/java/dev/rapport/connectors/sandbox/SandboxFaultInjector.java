package dev.rapport.connectors.sandbox;

import dev.rapport.connectors.sandbox.SandboxFaults.Operation;
import dev.rapport.connectors.spi.ConnectorException;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Makes calls misbehave as {@link SandboxFaults} says. One seeded stream of rolls for all calls, so
 * that a sequential test sees the same failures on every run.
 */
final class SandboxFaultInjector {

    /** What is left of a call's roll after the failures that happen before the network acts. */
    record Verdict(Operation operation, double residual) {}

    private final SandboxFaults faults;
    private final Random random;
    private final AtomicLong requestIds = new AtomicLong();

    SandboxFaultInjector(SandboxFaults faults) {
        this.faults = faults;
        this.random = new Random(faults.seed());
    }

    /** Waits the latency, then fails the call with 429, 5xx or a timeout at the configured rates. */
    Verdict before(Operation operation) {
        latency();
        if (!faults.operations().contains(operation)) {
            return new Verdict(operation, 1);
        }
        double roll = roll();
        if (roll < faults.rateLimited()) {
            throw new ConnectorException.RateLimited(faults.retryAfter(), 429, requestId());
        }
        roll -= faults.rateLimited();
        if (roll < faults.serverError()) {
            throw new ConnectorException.Transient("sandbox answered 503", false, 503, requestId(), null);
        }
        roll -= faults.serverError();
        if (roll < faults.timeout()) {
            throw new ConnectorException.Transient(
                    "timed out before the sandbox answered", operation.write(), null, null, null);
        }
        return new Verdict(operation, roll - faults.timeout());
    }

    /** Loses the response of a call the network has carried out, at the configured rate. */
    void after(Verdict verdict) {
        if (verdict.residual() < faults.responseLost()) {
            throw new ConnectorException.Transient(
                    verdict.operation().write()
                            ? "connection reset after the sandbox applied the call"
                            : "connection reset before the sandbox's answer arrived",
                    verdict.operation().write(),
                    null,
                    null,
                    null);
        }
    }

    private synchronized double roll() {
        return random.nextDouble();
    }

    private String requestId() {
        return "sandbox-req-" + requestIds.incrementAndGet();
    }

    private void latency() {
        if (!faults.latency().isZero()) {
            try {
                Thread.sleep(faults.latency().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ConnectorException.Transient("interrupted", true, null, null, e);
            }
        }
    }
}
