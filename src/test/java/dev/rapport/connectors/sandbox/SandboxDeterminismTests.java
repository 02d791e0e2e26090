package dev.rapport.connectors.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.connectors.sandbox.SandboxScenario.Result;
import dev.rapport.connectors.spi.Connection;
import dev.rapport.connectors.spi.PublishRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Same seed, same posts, same clock: same audience, same interactions, same metrics. */
class SandboxDeterminismTests {

    @Test
    void theSameSeedGivesTheSameInteractionsMetricsAndAudience() {
        Result first = run(2026);
        Result second = run(2026);

        assertThat(first.interactions()).isNotEmpty().isEqualTo(second.interactions());
        assertThat(first.metrics()).isEqualTo(second.metrics());
        assertThat(first.followersAfter()).isEqualTo(second.followersAfter());
    }

    @Test
    void anotherSeedGivesAnotherAudienceAndOtherInteractions() {
        Result first = run(2026);
        Result other = run(2027);

        assertThat(other.interactions()).isNotEqualTo(first.interactions());
        assertThat(other.metrics()).isNotEqualTo(first.metrics());
        assertThat(new SandboxConnector(faults(2027)).people(1).people())
                .isNotEqualTo(new SandboxConnector(faults(2026)).people(1).people());
    }

    @Test
    void whenTheNetworkIsAskedDoesNotChangeWhatHappened() {
        List<Object> readOften = new ArrayList<>();
        List<Object> readOnce = new ArrayList<>();
        for (boolean often : List.of(true, false)) {
            TestClock clock = TestClock.at2026();
            SandboxConnector sandbox = new SandboxConnector(faults(7), SandboxCoefficients.defaults(), clock);
            Connection account = new Connection(1, Map.of(), Map.of());
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                ids.add(sandbox.publish(account, PublishRequest.text("k" + i, "你们觉得这杯咖啡怎么样？" + i))
                        .remoteId());
                clock.advance(Duration.ofHours(5));
                if (often) {
                    sandbox.metrics(account, ids);
                    sandbox.audience(account);
                }
            }
            clock.advance(Duration.ofDays(8));
            List<Object> into = often ? readOften : readOnce;
            into.addAll(sandbox.metrics(account, ids));
            into.add(sandbox.audience(account));
        }
        assertThat(readOften).isEqualTo(readOnce);
    }

    @Test
    void reactionsArriveOverTimeAndNothingBeforeTheFirstMinute() {
        TestClock clock = TestClock.at2026();
        SandboxConnector sandbox = new SandboxConnector(faults(3), SandboxCoefficients.defaults(), clock);
        Connection account = new Connection(1, Map.of(), Map.of());
        String id = sandbox.publish(account, PublishRequest.text("k", "早上好，你们今天喝咖啡了吗？"))
                .remoteId();

        long atOnce = impressions(sandbox, account, id);
        clock.advance(Duration.ofHours(1));
        long afterAnHour = impressions(sandbox, account, id);
        clock.advance(Duration.ofDays(2));
        long afterTwoDays = impressions(sandbox, account, id);

        assertThat(atOnce).isZero();
        assertThat(afterAnHour).isPositive().isLessThan(afterTwoDays);
    }

    private static long impressions(SandboxConnector sandbox, Connection account, String id) {
        return sandbox.metrics(account, List.of(id)).get(0).impressions();
    }

    private static Result run(long seed) {
        TestClock clock = TestClock.at2026();
        SandboxConnector sandbox = new SandboxConnector(faults(seed), SandboxCoefficients.defaults(), clock);
        return SandboxScenario.run(sandbox, clock, 1, 30, true, i -> "你们周末喜欢做什么？第" + i + "期");
    }

    private static SandboxFaults faults(long seed) {
        return new SandboxFaults(seed, 0, 0, 0, 0, Duration.ZERO, Duration.ZERO);
    }
}
