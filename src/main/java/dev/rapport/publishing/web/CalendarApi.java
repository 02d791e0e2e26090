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
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

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
            summary = "Variants planned or published in a range (default: this month; at most 45 days), with filters",
            description = "In schedule order, at most `limit` (default 1000, at most 5000) per page; when there is"
                    + " more, the `Link` header holds the next page's address (`rel=\"next\"`, with `after`).")
    ResponseEntity<List<CalendarEntry>> calendar(
            @RequestParam(required = false) @Nullable Instant from,
            @RequestParam(required = false) @Nullable Instant to,
            @RequestParam(name = "account", required = false) @Nullable Set<Long> accounts,
            @RequestParam(required = false) @Nullable String network,
            @RequestParam(required = false) @Nullable Long campaign,
            @RequestParam(required = false) @Nullable VariantState state,
            @RequestParam(required = false) @Nullable ContentType contentType,
            @RequestParam(defaultValue = "" + Calendar.DEFAULT_LIMIT) int limit,
            @RequestParam(required = false) @Nullable String after) {
        Instant[] range = range(from, to);
        Calendar.Page page = calendar.entries(
                range[0],
                range[1],
                filter(accounts, network, campaign, state, contentType),
                limit,
                after == null || after.isBlank() ? null : Calendar.Cursor.parse(after));
        ResponseEntity.BodyBuilder response = ResponseEntity.ok();
        if (page.next() != null) {
            String next = ServletUriComponentsBuilder.fromCurrentRequest()
                    .replaceQueryParam("from", range[0])
                    .replaceQueryParam("to", range[1])
                    .replaceQueryParam("after", page.next().token())
                    .build()
                    .toUriString();
            response.header(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"");
        }
        return response.body(page.entries());
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
