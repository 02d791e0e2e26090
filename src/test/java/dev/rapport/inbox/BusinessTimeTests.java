package dev.rapport.inbox;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.SUNDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.core.Refusal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Due times counted in business time, across weekends, holidays, time zones and daylight-saving changes. */
class BusinessTimeTests {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    static final BusinessHours SHANGHAI_OFFICE = weekdays(SHANGHAI, "09:00", "18:00");
    static final BusinessHours BERLIN_OFFICE = weekdays(BERLIN, "09:00", "18:00");

    static BusinessHours weekdays(ZoneId zone, String opens, String closes, LocalDate... holidays) {
        return new BusinessHours(
                zone, EnumSet.range(MONDAY, FRIDAY), LocalTime.parse(opens), LocalTime.parse(closes), Set.of(holidays));
    }

    static BusinessHours everyDay(ZoneId zone, String opens, String closes) {
        return new BusinessHours(
                zone, EnumSet.allOf(DayOfWeek.class), LocalTime.parse(opens), LocalTime.parse(closes), Set.of());
    }

    /** An instant given as the local time it is in a zone. */
    static Instant local(String dateTime, ZoneId zone) {
        return LocalDateTime.parse(dateTime).atZone(zone).toInstant();
    }

    static Instant due(String arrived, ZoneId zone, Duration target, BusinessHours hours) {
        return BusinessTime.due(local(arrived, zone), target, hours);
    }

    @Test
    void theTargetIsSimplyAdded() {
        Instant arrived = Instant.parse("2026-03-07T17:00:00Z");
        assertThat(BusinessTime.due(arrived, Duration.ofHours(24), BusinessHours.AROUND_THE_CLOCK))
                .isEqualTo(Instant.parse("2026-03-08T17:00:00Z"));
        assertThat(BusinessTime.between(arrived, Instant.parse("2026-03-09T17:00:00Z"), BusinessHours.AROUND_THE_CLOCK))
                .isEqualTo(Duration.ofHours(48));
        assertThat(BusinessHours.AROUND_THE_CLOCK.aroundTheClock()).isTrue();
    }

    @Test
    void inAZoneTheWholeDayCountsAsLongAsItReallyIsOnTheDaysOfAChange() {
        // Every day, all day, but with a holiday: not "around the clock", counted day by day.
        var hours = new BusinessHours(
                NEW_YORK,
                EnumSet.allOf(DayOfWeek.class),
                LocalTime.MIDNIGHT,
                LocalTime.MIDNIGHT,
                Set.of(LocalDate.parse("2026-12-25")));
        assertThat(hours.aroundTheClock()).isFalse();
        // 8 March 2026 has 23 hours in New York: 24 hours of target end at 01:00 on the 9th.
        assertThat(due("2026-03-08T00:00", NEW_YORK, Duration.ofHours(24), hours))
                .isEqualTo(local("2026-03-09T01:00", NEW_YORK));
        // 1 November 2026 has 25 hours: 24 hours of target end at 23:00 the same day.
        assertThat(due("2026-11-01T00:00", NEW_YORK, Duration.ofHours(24), hours))
                .isEqualTo(local("2026-11-01T23:00", NEW_YORK));
    }

    @Test
    void aMessageInHoursIsDueAfterTheTarget() {
        assertThat(due("2026-06-02T10:15", SHANGHAI, Duration.ofHours(4), SHANGHAI_OFFICE))
                .isEqualTo(local("2026-06-02T14:15", SHANGHAI));
    }

    @Test
    void aTargetEndingAtClosingTimeIsDueAtClosingNotAtTheNextOpening() {
        assertThat(due("2026-06-02T14:00", SHANGHAI, Duration.ofHours(4), SHANGHAI_OFFICE))
                .isEqualTo(local("2026-06-02T18:00", SHANGHAI));
    }

    @Test
    void beforeOpeningTheClockStartsAtOpening() {
        assertThat(due("2026-06-02T06:30", SHANGHAI, Duration.ofHours(1), SHANGHAI_OFFICE))
                .isEqualTo(local("2026-06-02T10:00", SHANGHAI));
    }

    @Test
    void afterClosingTheClockStartsAtTheNextOpening() {
        assertThat(due("2026-06-02T20:00", SHANGHAI, Duration.ofHours(1), SHANGHAI_OFFICE))
                .isEqualTo(local("2026-06-03T10:00", SHANGHAI));
        assertThat(due("2026-06-02T17:30", SHANGHAI, Duration.ofHours(1), SHANGHAI_OFFICE))
                .isEqualTo(local("2026-06-03T09:30", SHANGHAI));
    }

    @Test
    void closingAtMidnightMeansTheEndOfTheDay() {
        var evenings = weekdays(SHANGHAI, "18:00", "00:00");
        assertThat(due("2026-06-02T23:00", SHANGHAI, Duration.ofHours(2), evenings))
                .isEqualTo(local("2026-06-03T19:00", SHANGHAI));
    }

    @Test
    void aWeekendMessageWaitsForMondayMorning() {
        assertThat(due("2026-06-06T11:00", BERLIN, Duration.ofHours(1), BERLIN_OFFICE))
                .isEqualTo(local("2026-06-08T10:00", BERLIN));
        assertThat(due("2026-06-07T23:59", BERLIN, Duration.ofHours(1), BERLIN_OFFICE))
                .isEqualTo(local("2026-06-08T10:00", BERLIN));
    }

    @Test
    void fridayAfternoonCarriesOverTheWeekend() {
        assertThat(due("2026-06-05T17:00", BERLIN, Duration.ofHours(4), BERLIN_OFFICE))
                .isEqualTo(local("2026-06-08T12:00", BERLIN));
    }

    @Test
    void aMultiDayTargetCountsOnlyWorkingHours() {
        // 24 business hours from Thursday 10:00: 8 h Thursday, 9 h Friday, 7 h Monday.
        assertThat(due("2026-06-04T10:00", BERLIN, Duration.ofHours(24), BERLIN_OFFICE))
                .isEqualTo(local("2026-06-08T16:00", BERLIN));
        // Three working weeks of 45 hours each.
        assertThat(due("2026-06-01T09:00", BERLIN, Duration.ofHours(135), BERLIN_OFFICE))
                .isEqualTo(local("2026-06-19T18:00", BERLIN));
    }

    @Test
    void holidaysAreSkipped() {
        var withHoliday =
                weekdays(SHANGHAI, "09:00", "18:00", LocalDate.parse("2026-10-01"), LocalDate.parse("2026-10-02"));
        // Wednesday 30 September, 17:00: 1 h left that day, then Thursday and Friday off.
        assertThat(due("2026-09-30T17:00", SHANGHAI, Duration.ofHours(2), withHoliday))
                .isEqualTo(local("2026-10-05T10:00", SHANGHAI));
    }

    @Test
    void eachDepartmentCountsInItsOwnZone() {
        Instant arrived = Instant.parse("2026-06-02T08:00:00Z"); // 16:00 in Shanghai, 10:00 in Berlin
        assertThat(BusinessTime.due(arrived, Duration.ofHours(4), weekdays(SHANGHAI, "09:00", "18:00")))
                .isEqualTo(local("2026-06-03T11:00", SHANGHAI));
        assertThat(BusinessTime.due(arrived, Duration.ofHours(4), BERLIN_OFFICE))
                .isEqualTo(local("2026-06-02T14:00", BERLIN));
    }

    /**
     * Friday afternoon to Monday morning over a change of the clocks: Monday's opening is at another
     * offset from UTC than Friday's closing, and the due time must be Monday's local time.
     */
    @ParameterizedTest(name = "{0} from {1}, {3} h")
    @CsvSource({
        // zone, Friday arrival, opens-closes, target hours, due (UTC)
        "America/New_York, 2026-03-06T16:00, 09:00-17:00, 2, 2026-03-09T14:00:00Z", // spring forward: EST, then EDT
        "America/New_York, 2026-10-30T16:00, 09:00-17:00, 2, 2026-11-02T15:00:00Z", // fall back: EDT, then EST
        "Europe/Berlin,    2026-03-27T17:00, 09:00-18:00, 3, 2026-03-30T09:00:00Z", // spring forward: CET, then CEST
        "Europe/Berlin,    2026-10-23T17:00, 09:00-18:00, 3, 2026-10-26T10:00:00Z" // fall back: CEST, then CET
    })
    void overAWeekendWithAChangeOfTheClocks(String zone, String arrived, String hours, int target, String expected) {
        String[] openClose = hours.split("-");
        assertThat(due(
                        arrived,
                        ZoneId.of(zone),
                        Duration.ofHours(target),
                        weekdays(ZoneId.of(zone), openClose[0], openClose[1])))
                .isEqualTo(Instant.parse(expected));
    }

    @Test
    void newYorkHoursThatSpanTheChangeAreAnHourShorterOrLonger() {
        var mornings = everyDay(NEW_YORK, "00:00", "12:00");
        // 8 March: 00:00–12:00 is 11 real hours, so 12 hours of target end at 01:00 the next day.
        assertThat(due("2026-03-08T00:00", NEW_YORK, Duration.ofHours(12), mornings))
                .isEqualTo(local("2026-03-09T01:00", NEW_YORK));
        // 1 November: 00:00–12:00 is 13 real hours, so 12 hours end at 11:00 the same morning.
        assertThat(due("2026-11-01T00:00", NEW_YORK, Duration.ofHours(12), mornings))
                .isEqualTo(local("2026-11-01T11:00", NEW_YORK));
    }

    @Test
    void berlinNightShiftThatSpansTheChange() {
        var nights = everyDay(BERLIN, "00:00", "06:00");
        // 29 March: 00:00–06:00 is 5 real hours; the sixth is 00:00–01:00 on the 30th.
        assertThat(due("2026-03-29T00:00", BERLIN, Duration.ofHours(6), nights))
                .isEqualTo(local("2026-03-30T01:00", BERLIN));
        // 25 October: 00:00–06:00 is 7 real hours; 6 of them end at 05:00 CET.
        assertThat(due("2026-10-25T00:00", BERLIN, Duration.ofHours(6), nights))
                .isEqualTo(Instant.parse("2026-10-25T04:00:00Z"));
    }

    @Test
    void anOpeningTimeThatTheChangeSkipsMovesForward() {
        // 02:30 does not exist in New York on 8 March: the department opens at 03:30 EDT.
        var hours = everyDay(NEW_YORK, "02:30", "04:00");
        assertThat(due("2026-03-08T00:00", NEW_YORK, Duration.ofMinutes(10), hours))
                .isEqualTo(local("2026-03-08T03:40", NEW_YORK));
    }

    @Test
    void countsOnlyWorkingHours() {
        assertThat(BusinessTime.between(
                        local("2026-06-05T17:00", BERLIN), local("2026-06-08T10:30", BERLIN), BERLIN_OFFICE))
                .isEqualTo(Duration.ofMinutes(150));
        assertThat(BusinessTime.between(
                        local("2026-06-06T10:00", BERLIN), local("2026-06-07T10:00", BERLIN), BERLIN_OFFICE))
                .isZero();
        assertThat(BusinessTime.between(
                        local("2026-06-08T10:00", BERLIN), local("2026-06-05T10:00", BERLIN), BERLIN_OFFICE))
                .isZero();
    }

    @Test
    void isTheInverseOfTheDueTimeAcrossWeekendsAndDaylightSavingChanges() {
        for (BusinessHours hours : List.of(
                BERLIN_OFFICE,
                weekdays(NEW_YORK, "08:30", "17:15"),
                everyDay(BERLIN, "00:00", "06:00"),
                new BusinessHours(
                        NEW_YORK, EnumSet.of(SATURDAY, SUNDAY), LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, Set.of()))) {
            for (Instant arrived = Instant.parse("2026-03-05T00:00:00Z");
                    arrived.isBefore(Instant.parse("2026-03-31T00:00:00Z"));
                    arrived = arrived.plus(Duration.ofMinutes(97))) {
                for (Duration target : List.of(Duration.ofMinutes(30), Duration.ofHours(4), Duration.ofHours(24))) {
                    Instant due = BusinessTime.due(arrived, target, hours);
                    assertThat(BusinessTime.between(arrived, due, hours))
                            .as("%s + %s in %s", arrived, target, hours)
                            .isEqualTo(target);
                }
            }
        }
    }

    @Test
    void dueSoonIsTheLastQuarterOfTheTargetInBusinessTime() {
        Instant due = local("2026-06-08T09:30", BERLIN); // Monday, 30 business minutes after opening
        Duration target = Duration.ofHours(4);
        // Friday 17:35: 25 minutes left on Friday plus 30 on Monday, more than a quarter of 4 h? No: 55 < 60.
        assertThat(BusinessTime.dueSoon(local("2026-06-05T17:35", BERLIN), due, target, BERLIN_OFFICE))
                .isTrue();
        // Friday 16:00: 2 h 30 min left, not soon — though in wall-clock time it is still 2.7 days away.
        assertThat(BusinessTime.dueSoon(local("2026-06-05T16:00", BERLIN), due, target, BERLIN_OFFICE))
                .isFalse();
        // Past the target it is overdue, not due soon.
        assertThat(BusinessTime.dueSoon(local("2026-06-08T09:31", BERLIN), due, target, BERLIN_OFFICE))
                .isFalse();
    }

    @Test
    void areRefusedWithAReason() {
        assertThatThrownBy(() -> BusinessHours.of(false, "Asia/Shanghai", Set.of(), null, null, Set.of()))
                .isInstanceOf(Refusal.class)
                .hasMessage("inbox.hours-no-day");
        assertThatThrownBy(() -> weekdays(SHANGHAI, "18:00", "09:00"))
                .isInstanceOf(Refusal.class)
                .hasMessage("inbox.hours-invalid");
        assertThatThrownBy(() -> BusinessHours.of(
                        false, "Mars/Olympus", Set.of(MONDAY), LocalTime.NOON, LocalTime.MIDNIGHT, Set.of()))
                .isInstanceOf(Refusal.class)
                .hasMessage("inbox.time-zone-invalid");
        assertThat(BusinessHours.of(true, null, Set.of(), null, null, Set.of()))
                .isEqualTo(BusinessHours.AROUND_THE_CLOCK);
    }
}
