package dev.rapport.publishing.web;

import dev.rapport.content.ContentType;
import dev.rapport.core.WorkspaceZone;
import dev.rapport.publishing.Calendar;
import dev.rapport.publishing.CalendarEntry;
import dev.rapport.publishing.VariantState;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/calendar} and {@code /api/v1/content-mix}. */
@RestController
@RequestMapping(path = "/api/v1", produces = "application/json")
@Tag(name = "Calendar")
class CalendarApi {

    private final Calendar calendar;
    private final WorkspaceZone zone;

    CalendarApi(Calendar calendar, WorkspaceZone zone) {
        this.calendar = calendar;
        this.zone = zone;
    }

    @GetMapping("/calendar")
    @Operation(
            summary = "Variants planned or published in a range (default: this month; at most 45 days), with filters")
    List<CalendarEntry> calendar(
            @RequestParam(required = false) @Nullable Instant from,
            @RequestParam(required = false) @Nullable Instant to,
            @RequestParam(name = "account", required = false) @Nullable Set<Long> accounts,
            @RequestParam(required = false) @Nullable String network,
            @RequestParam(required = false) @Nullable Long campaign,
            @RequestParam(required = false) @Nullable VariantState state,
            @RequestParam(required = false) @Nullable ContentType contentType) {
        Instant[] range = range(from, to);
        return calendar.entries(range[0], range[1], filter(accounts, network, campaign, state, contentType));
    }

    @GetMapping("/content-mix")
    @Operation(summary = "The content mix of a range (default: this month) against the workspace's limits")
    Calendar.Mix mix(
            @RequestParam(required = false) @Nullable Instant from,
            @RequestParam(required = false) @Nullable Instant to,
            @RequestParam(name = "account", required = false) @Nullable Set<Long> accounts) {
        Instant[] range = range(from, to);
        return calendar.mix(range[0], range[1], filter(accounts, null, null, null, null));
    }

    private Instant[] range(@Nullable Instant from, @Nullable Instant to) {
        ZoneId workspace = zone.zoneId();
        YearMonth month = YearMonth.now(workspace);
        Instant start =
                from != null ? from : month.atDay(1).atStartOfDay(workspace).toInstant();
        Instant end = to != null
                ? to
                : month.plusMonths(1).atDay(1).atStartOfDay(workspace).toInstant();
        return new Instant[] {start, end};
    }

    static Calendar.Filter filter(
            @Nullable Set<Long> accounts,
            @Nullable String network,
            @Nullable Long campaign,
            @Nullable VariantState state,
            @Nullable ContentType contentType) {
        return new Calendar.Filter(
                accounts == null ? Set.of() : accounts,
                network == null || network.isBlank() ? null : network,
                campaign,
                state,
                contentType);
    }
}
