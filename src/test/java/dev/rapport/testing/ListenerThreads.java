package dev.rapport.testing;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.ThrowingRunnable;

/**
 * Waits for what an asynchronous module listener does (an audit entry, a notice), and when it does
 * not come, fails with what the listener threads ({@code task-*}) were doing: a wait that times out
 * on a busy machine and one that waits on something that never ends look different there.
 */
public final class ListenerThreads {

    private ListenerThreads() {}

    public static void awaitOrDump(Duration atMost, ThrowingRunnable assertion) {
        try {
            await().atMost(atMost).untilAsserted(assertion);
        } catch (ConditionTimeoutException timeout) {
            throw new AssertionError(timeout.getMessage() + "\nListener threads:\n" + dump(), timeout);
        }
    }

    static String dump() {
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(thread -> thread.getKey().getName().startsWith("task-"))
                .map(ListenerThreads::describe)
                .collect(Collectors.joining("\n"));
    }

    private static String describe(Map.Entry<Thread, StackTraceElement[]> thread) {
        StringBuilder text = new StringBuilder(
                thread.getKey().getName() + " " + thread.getKey().getState() + "\n");
        for (int i = 0; i < Math.min(25, thread.getValue().length); i++) {
            text.append("    at ").append(thread.getValue()[i]).append('\n');
        }
        return text.toString();
    }
}
