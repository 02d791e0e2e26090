package dev.rapport.connectors;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToIntFunction;

/**
 * Per-account call budgets, so that Rapport stays under what each network allows instead of
 * learning it from 429s: a generic cell rate (GCRA) per account — {@code perMinute} calls spread
 * evenly, with a burst of ten seconds' worth — and, after a 429, nothing until the network's
 * Retry-After has passed. Kept per node, in memory; on several nodes the networks' own 429s,
 * honoured by the engine, keep the sum in check.
 */
public final class RateLimits {

    private final ToIntFunction<String> perMinute;
    private final Clock clock;
    private final Map<String, Instant> theoreticalArrival = new ConcurrentHashMap<>();
    private final boolean remembers;

    /** @param perMinute calls per minute per account, by network code */
    public RateLimits(ToIntFunction<String> perMinute, Clock clock) {
        this(perMinute, clock, true);
    }

    private RateLimits(ToIntFunction<String> perMinute, Clock clock, boolean remembers) {
        this.perMinute = perMinute;
        this.clock = clock;
        this.remembers = remembers;
    }

    /** No budgets and no memory of 429s (each call still honours its own Retry-After): for tests of one connector. */
    public static RateLimits unlimited() {
        return new RateLimits(network -> Integer.MAX_VALUE, Clock.systemUTC(), false);
    }

    /**
     * Takes the account's next call slot if it comes within {@code maxWait}, and says how long to wait
     * for it; a longer wait is returned without taking the slot.
     */
    public Duration reserve(String network, long accountId, Duration maxWait) {
        int rate = perMinute.applyAsInt(network);
        if (rate == Integer.MAX_VALUE) {
            // No budget of our own, but the network's last 429 still holds.
            Instant blocked = theoreticalArrival.get(key(network, accountId));
            Duration until = blocked == null ? Duration.ZERO : Duration.between(clock.instant(), blocked);
            return until.isNegative() ? Duration.ZERO : until;
        }
        Duration interval = Duration.ofMinutes(1).dividedBy(Math.max(1, rate));
        Duration tolerance = interval.multipliedBy(Math.max(0, rate / 6 - 1));
        Duration[] wait = new Duration[1];
        theoreticalArrival.compute(key(network, accountId), (key, tat) -> {
            Instant now = clock.instant();
            Instant start = tat == null || tat.isBefore(now) ? now : tat;
            Duration until = Duration.between(now, start.minus(tolerance));
            wait[0] = until.isNegative() ? Duration.ZERO : until;
            return wait[0].compareTo(maxWait) > 0 ? tat : start.plus(interval);
        });
        return wait[0];
    }

    /** The network said 429: no call on this account before {@code until}. */
    public void blockUntil(String network, long accountId, Instant until) {
        if (!remembers) {
            return;
        }
        int rate = perMinute.applyAsInt(network);
        Duration interval = rate == Integer.MAX_VALUE
                ? Duration.ZERO
                : Duration.ofMinutes(1).dividedBy(Math.max(1, rate));
        Duration tolerance = interval.multipliedBy(Math.max(0, rate == Integer.MAX_VALUE ? 0 : rate / 6 - 1));
        Instant blocked = until.plus(tolerance);
        theoreticalArrival.merge(key(network, accountId), blocked, (old, fresh) -> old.isAfter(fresh) ? old : fresh);
    }

    private static String key(String network, long accountId) {
        return network + "/" + accountId;
    }
}
