package dev.rapport.inbox;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.rapport.core.Refusal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * When a department works: in its time zone, on its working days, from opening to closing, except
 * on its holidays. Closing at 00:00 means midnight at the end of the day, so 00:00–00:00 is the
 * whole day; a shift across midnight is not supported. A department that says nothing works
 * {@link #AROUND_THE_CLOCK}.
 *
 * <p>Invalid hours are refused when made: no working day, or closing before opening.
 */
public record BusinessHours(
        ZoneId timeZone,
        Set<DayOfWeek> days,
        @JsonFormat(pattern = "HH:mm") LocalTime opens,
        @JsonFormat(pattern = "HH:mm") LocalTime closes,
        Set<LocalDate> holidays) {

    /** The most holidays a department keeps (a bit more than a year of dates). */
    public static final int MAX_HOLIDAYS = 400;

    /** Every day, all day, no holidays: the clock never stops. */
    public static final BusinessHours AROUND_THE_CLOCK = new BusinessHours(
            ZoneId.of("UTC"), EnumSet.allOf(DayOfWeek.class), LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, Set.of());

    public BusinessHours {
        if (days.isEmpty()) {
            throw Refusal.invalid("inbox.hours-no-day");
        }
        if (!closes.equals(LocalTime.MIDNIGHT) && !opens.isBefore(closes)) {
            throw Refusal.invalid("inbox.hours-invalid", opens, closes);
        }
        if (holidays.size() > MAX_HOLIDAYS) {
            throw Refusal.invalid("inbox.holidays-too-many", MAX_HOLIDAYS);
        }
        // Sorted copies, so that the API, the page and the audit log show them in order.
        days = Collections.unmodifiableSet(EnumSet.copyOf(days));
        holidays = Collections.unmodifiableSet(new TreeSet<>(holidays));
    }

    /**
     * Hours as a person or a client gives them: around the clock, or a time zone (IANA, such as
     * {@code Asia/Shanghai}), working days, opening and closing time and holidays.
     */
    public static BusinessHours of(
            boolean aroundTheClock,
            @Nullable String timeZone,
            Collection<DayOfWeek> days,
            @Nullable LocalTime opens,
            @Nullable LocalTime closes,
            Collection<LocalDate> holidays) {
        if (aroundTheClock) {
            return AROUND_THE_CLOCK;
        }
        if (days.isEmpty()) {
            throw Refusal.invalid("inbox.hours-no-day");
        }
        if (opens == null || closes == null) {
            throw Refusal.invalid("inbox.hours-missing");
        }
        return new BusinessHours(zone(timeZone), EnumSet.copyOf(days), opens, closes, Set.copyOf(holidays));
    }

    /** A time zone by its IANA name; refused when unknown. */
    public static ZoneId zone(@Nullable String id) {
        String name = id == null ? "" : id.strip();
        if (!ZoneId.getAvailableZoneIds().contains(name)) {
            throw Refusal.invalid("inbox.time-zone-invalid", name);
        }
        return ZoneId.of(name);
    }

    /** Every day, all day, no holidays: business time is simply time. */
    @JsonProperty("aroundTheClock")
    public boolean aroundTheClock() {
        return days.size() == DayOfWeek.values().length
                && opens.equals(LocalTime.MIDNIGHT)
                && closes.equals(LocalTime.MIDNIGHT)
                && holidays.isEmpty();
    }

    /** Whether the department works on this day of its calendar. */
    public boolean works(LocalDate day) {
        return days.contains(day.getDayOfWeek()) && !holidays.contains(day);
    }

    /**
     * When the department opens on a day. An opening time that a daylight-saving change skips is
     * moved forward by the gap; one that happens twice is the earlier.
     */
    Instant opening(LocalDate day) {
        return at(day, opens);
    }

    /** When it closes on a day: at the end of the day for 00:00. */
    Instant closing(LocalDate day) {
        return closes.equals(LocalTime.MIDNIGHT) ? at(day.plusDays(1), closes) : at(day, closes);
    }

    private Instant at(LocalDate day, LocalTime time) {
        return time.equals(LocalTime.MIDNIGHT)
                ? day.atStartOfDay(timeZone).toInstant()
                : ZonedDateTime.of(day, time, timeZone).toInstant();
    }
}
