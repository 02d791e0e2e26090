package dev.rapport.connectors.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.rapport.connectors.spi.Connection;
import dev.rapport.connectors.spi.ConnectorException;
import dev.rapport.connectors.spi.PublishRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Faults at the configured rates, for a seed, on writes and reads. */
class SandboxFaultsTests {

    static final Connection ACCOUNT = new Connection(1, Map.of(), Map.of());
    static final SandboxFaults FAULTY =
            new SandboxFaults(99, 0.10, 0.05, 0.05, 0.10, Duration.ZERO, Duration.ofSeconds(3));

    record Tally(int ok, int rateLimited, int serverError, int timedOut, int lost) {}

    @Test
    void publicationsFailAtTheConfiguredRatesAndALostResponseLeavesThePost() {
        SandboxConnector sandbox = new SandboxConnector(FAULTY);
        int[] i = {0};
        Tally tally = tally(10_000, () -> sandbox.publish(ACCOUNT, PublishRequest.text("k" + i[0]++, "post")));

        assertRates(tally, 10_000);
        assertThat(sandbox.posts()).as("lost responses were applied").hasSize(tally.ok() + tally.lost());
    }

    @Test
    void readsFailTooWhenTheFaultsCoverThem() {
        SandboxConnector sandbox = new SandboxConnector(FAULTY.everywhere());
        Tally tally = tally(10_000, () -> sandbox.metrics(ACCOUNT, List.of("sb-1")));

        assertRates(tally, 10_000);
    }

    @Test
    void theDefaultFaultsSpareLookupsAndTheChosenOperationsAreTheOnlyOnesToFail() {
        SandboxConnector sandbox = new SandboxConnector(new SandboxFaults(1, 1.0, 0, 0, 0, Duration.ZERO, Duration.ZERO)
                .on(Set.of(SandboxFaults.Operation.AUDIENCE)));

        assertThat(sandbox.publish(ACCOUNT, PublishRequest.text("k", "fine"))).isNotNull();
        assertThat(sandbox.findPublished(ACCOUNT, PublishRequest.text("k", "fine")))
                .isPresent();
        assertThatThrownBy(() -> sandbox.audience(ACCOUNT))
                .isInstanceOfSatisfying(
                        ConnectorException.RateLimited.class,
                        limited -> assertThat(limited.status()).isEqualTo(429));
        assertThat(sandbox.calls("audience")).isEqualTo(1);
    }

    @Test
    void theSameSeedFailsTheSameCalls() {
        assertThat(sequence(new SandboxConnector(FAULTY))).isEqualTo(sequence(new SandboxConnector(FAULTY)));
    }

    @Test
    void everyCallWaitsTheLatency() {
        SandboxConnector sandbox = new SandboxConnector(SandboxFaults.none().withLatency(Duration.ofMillis(30)));
        long start = System.nanoTime();
        sandbox.audience(ACCOUNT);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(30));
    }

    private static String sequence(SandboxConnector sandbox) {
        StringBuilder outcomes = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            try {
                sandbox.publish(ACCOUNT, PublishRequest.text("k" + i, "post"));
                outcomes.append('.');
            } catch (ConnectorException e) {
                outcomes.append(e.getClass().getSimpleName().charAt(0));
            }
        }
        return outcomes.toString();
    }

    private static Tally tally(int calls, Supplier<?> call) {
        int ok = 0, rateLimited = 0, serverError = 0, timedOut = 0, lost = 0;
        for (int i = 0; i < calls; i++) {
            try {
                call.get();
                ok++;
            } catch (ConnectorException.RateLimited e) {
                assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(3));
                rateLimited++;
            } catch (ConnectorException.Transient e) {
                if (e.status() != null && e.status() >= 500) {
                    serverError++;
                } else if (e.getMessage().startsWith("timed out")) {
                    timedOut++;
                } else {
                    lost++;
                }
            }
        }
        return new Tally(ok, rateLimited, serverError, timedOut, lost);
    }

    private static void assertRates(Tally tally, int calls) {
        assertThat(tally.rateLimited() / (double) calls).isCloseTo(0.10, within(0.015));
        assertThat(tally.serverError() / (double) calls).isCloseTo(0.05, within(0.01));
        assertThat(tally.timedOut() / (double) calls).isCloseTo(0.05, within(0.01));
        // A lost response is rolled on what is left after the earlier failures: 0.10 of all calls.
        assertThat(tally.lost() / (double) calls).isCloseTo(0.10, within(0.015));
    }
}
