package dev.rapport.inbox.web;

import dev.rapport.inbox.BusinessHours;
import dev.rapport.inbox.DepartmentTargets;
import dev.rapport.inbox.Priority;
import dev.rapport.inbox.ResponseTargets;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/inbox/targets}: response-time targets and business hours per department. */
@RestController
@RequestMapping(path = "/api/v1/inbox/targets", produces = "application/json")
@Tag(name = "Inbox")
class ResponseTargetsApi {

    private final ResponseTargets targets;

    ResponseTargetsApi(ResponseTargets targets) {
        this.targets = targets;
    }

    /**
     * A department's targets and hours.
     *
     * @param targets per priority, ISO-8601 durations in whole minutes; a priority left out keeps
     *     its default
     */
    record TargetsRequest(
            @Schema(example = "{\"HIGH\":\"PT1H\",\"NORMAL\":\"PT4H\",\"LOW\":\"PT24H\"}") @Nullable
            Map<Priority, Duration> targets,

            @NotNull @Valid HoursRequest hours) {}

    /**
     * Business hours: around the clock, or a time zone, working days, opening and closing time
     * (closing at 00:00 is midnight at the end of the day) and holidays.
     */
    record HoursRequest(
            @Nullable Boolean aroundTheClock,
            @Schema(example = "Asia/Shanghai") @Nullable String timeZone,

            @Schema(example = "[\"MONDAY\",\"TUESDAY\",\"WEDNESDAY\",\"THURSDAY\",\"FRIDAY\"]") @Nullable
            List<DayOfWeek> days,

            @Schema(type = "string", example = "09:00") @Nullable
            LocalTime opens,

            @Schema(type = "string", example = "18:00") @Nullable
            LocalTime closes,

            @Schema(example = "[\"2026-10-01\"]") @Nullable @Size(max = BusinessHours.MAX_HOLIDAYS)
            List<LocalDate> holidays) {

        BusinessHours businessHours() {
            return BusinessHours.of(
                    Boolean.TRUE.equals(aroundTheClock),
                    timeZone,
                    days == null ? List.of() : days,
                    opens,
                    closes,
                    holidays == null ? List.of() : holidays);
        }
    }

    @GetMapping
    @Operation(
            summary = "Every department's response-time targets per priority and its business hours "
                    + "(defaults: HIGH 1 h, NORMAL 4 h, LOW 24 h, around the clock)")
    List<DepartmentTargets> all() {
        return targets.all();
    }

    @PutMapping("/{departmentId}")
    @PreAuthorize("hasAnyRole('ADMIN','LEAD')")
    @Operation(
            summary = "Set a department's targets and business hours (admins, and leads of that department); "
                    + "its waiting conversations are due anew")
    DepartmentTargets change(@PathVariable long departmentId, @Valid @RequestBody TargetsRequest change) {
        return targets.change(
                departmentId,
                change.targets() == null ? Map.of() : change.targets(),
                change.hours().businessHours());
    }
}
