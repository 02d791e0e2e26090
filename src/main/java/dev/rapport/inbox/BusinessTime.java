package dev.rapport.inbox;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Time that counts towards a response-time target: only while the department works. Counted on
 * the department's own calendar and in real time, so a working day shortened or lengthened by a
 * daylight-saving change counts as long as it really is.
 */
public final class BusinessTime {

    private BusinessTime() {}

    /**
     * When a message that arrived at {@code arrived} is due: after {@code target} of business time.
     * Outside business hours the clock starts at the next opening. A target that ends exactly at
     * closing time is due then, not at the next opening.
     */
    public static Instant due(Instant arrived, Duration target, BusinessHours hours) {
        if (hours.aroundTheClock()) {
            return arrived.plus(target);
        }
        Duration left = target;
        for (LocalDate day = day(arrived, hours); ; day = day.plusDays(1)) {
            if (!hours.works(day)) {
                continue;
            }
            Instant start = later(hours.opening(day), arrived);
            Instant end = hours.closing(day);
            if (start.isBefore(end)) {
                Duration open = Duration.between(start, end);
                if (left.compareTo(open) <= 0) {
                    return start.plus(left);
                }
                left = left.minus(open);
            }
        }
    }

    /** The business time between two instants; zero when {@code to} is not after {@code from}. */
    public static Duration between(Instant from, Instant to, BusinessHours hours) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        if (hours.aroundTheClock()) {
            return Duration.between(from, to);
        }
        Duration counted = Duration.ZERO;
        LocalDate last = day(to, hours);
        for (LocalDate day = day(from, hours); !day.isAfter(last); day = day.plusDays(1)) {
            if (hours.works(day)) {
                Instant start = later(hours.opening(day), from);
                Instant end = earlier(hours.closing(day), to);
                if (start.isBefore(end)) {
                    counted = counted.plus(Duration.between(start, end));
                }
            }
        }
        return counted;
    }

    /**
     * Whether a conversation due at {@code due} is near its target: not yet past it, with less
     * than a quarter of the target left in business time.
     */
    public static boolean dueSoon(Instant now, Instant due, Duration target, BusinessHours hours) {
        return !now.isAfter(due) && between(now, due, hours).multipliedBy(4).compareTo(target) < 0;
    }

    private static LocalDate day(Instant at, BusinessHours hours) {
        return at.atZone(hours.timeZone()).toLocalDate();
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
