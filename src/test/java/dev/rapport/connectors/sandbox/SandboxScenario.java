package dev.rapport.connectors.sandbox;

import dev.rapport.connectors.spi.Connection;
import dev.rapport.connectors.spi.InboundItem;
import dev.rapport.connectors.spi.InteractionPage;
import dev.rapport.connectors.spi.MetricsSnapshot;
import dev.rapport.connectors.spi.PublishRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * An account that posts every twelve hours on a test clock, reads its interactions before each post
 * and, if it answers, replies to every comment and direct message it read.
 */
final class SandboxScenario {

    /** What the account saw at the end. */
    record Result(
            long followersBefore, long followersAfter, List<InboundItem> interactions, List<MetricsSnapshot> metrics) {

        long likes() {
            return metrics.stream().mapToLong(MetricsSnapshot::likes).sum();
        }

        long comments() {
            return metrics.stream().mapToLong(MetricsSnapshot::replies).sum();
        }

        long impressions() {
            return metrics.stream().mapToLong(MetricsSnapshot::impressions).sum();
        }

        long clicks() {
            return metrics.stream().mapToLong(MetricsSnapshot::clicks).sum();
        }
    }

    static final Duration EVERY = Duration.ofHours(12);

    private SandboxScenario() {}

    static Result run(
            SandboxConnector sandbox,
            TestClock clock,
            long accountId,
            int posts,
            boolean answers,
            IntFunction<String> text) {
        Connection connection = new Connection(accountId, Map.of(), Map.of());
        long before = sandbox.audience(connection).followers();
        List<String> ids = new ArrayList<>();
        List<InboundItem> seen = new ArrayList<>();
        String cursor = sandbox.interactions(connection, null).cursor();
        for (int i = 0; i < posts; i++) {
            ids.add(sandbox.publish(connection, PublishRequest.text(accountId + "-" + i, text.apply(i)))
                    .remoteId());
            clock.advance(EVERY);
            cursor = readAll(sandbox, connection, cursor, seen, answers);
        }
        clock.advance(Duration.ofDays(7));
        readAll(sandbox, connection, cursor, seen, answers);
        return new Result(before, sandbox.audience(connection).followers(), seen, sandbox.metrics(connection, ids));
    }

    private static String readAll(
            SandboxConnector sandbox, Connection connection, String cursor, List<InboundItem> seen, boolean answers) {
        while (true) {
            InteractionPage page = sandbox.interactions(connection, cursor);
            for (InboundItem item : page.items()) {
                seen.add(item);
                if (answers && item.kind().conversational()) {
                    sandbox.publish(
                            connection,
                            PublishRequest.reply(
                                    "re-" + item.remoteId(),
                                    "Thank you, @" + item.author().handle(),
                                    item.remoteId()));
                }
            }
            if (page.items().isEmpty() || page.cursor() == null || page.cursor().equals(cursor)) {
                return page.cursor() == null ? cursor : page.cursor();
            }
            cursor = page.cursor();
        }
    }
}
