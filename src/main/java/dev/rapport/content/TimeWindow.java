package dev.rapport.content;

import java.time.Duration;
import java.time.Instant;

/** A closed interval of time, [from, to], that a duplicate search looks in. */
public record TimeWindow(Instant from, Instant to) {

    public static final TimeWindow ALWAYS = new TimeWindow(Instant.MIN, Instant.MAX);

    public TimeWindow {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("window ends before it starts: " + from + " … " + to);
        }
    }

    /** The {@code length} of time up to and including {@code at}: the earlier posts a new one may repeat. */
    public static TimeWindow before(Instant at, Duration length) {
        return new TimeWindow(at.minus(length), at);
    }

    public boolean contains(Instant instant) {
        return !instant.isBefore(from) && !instant.isAfter(to);
    }
}
