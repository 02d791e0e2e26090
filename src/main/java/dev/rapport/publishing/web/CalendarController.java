package dev.rapport.publishing.web;

import dev.rapport.accounts.AccountManagement;
import dev.rapport.accounts.AccountView;
import dev.rapport.content.ContentType;
import dev.rapport.core.Refusal;
import dev.rapport.core.web.Problems;
import dev.rapport.publishing.Calendar;
import dev.rapport.publishing.Posts;
import dev.rapport.publishing.VariantState;
import dev.rapport.publishing.VariantView;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The content calendar: a month (or a week) across accounts, filtered, with the content mix of
 * the period and its warnings; variants are moved to another day by drag-and-drop, keeping their
 * time of day.
 */
@Controller
class CalendarController {

    private final Calendar calendar;
    private final Posts posts;
    private final AccountManagement accounts;
    private final MessageSource messages;

    CalendarController(Calendar calendar, Posts posts, AccountManagement accounts, MessageSource messages) {
        this.calendar = calendar;
        this.posts = posts;
        this.accounts = accounts;
        this.messages = messages;
    }

    /** One day of the grid, as the template prints it: its chips are HTML ({@link CalendarChips}). */
    record Day(LocalDate date, String css, String chips, int more, boolean moreAtLeast) {}

    /** Chips shown per day before "n more": a month cell is small, a week column tall. */
    static final int MONTH_CHIPS = 6;

    static final int WEEK_CHIPS = 60;

    @GetMapping("/calendar")
    String calendar(
            @RequestParam(required = false) @Nullable String month,
            @RequestParam(required = false) @Nullable String week,
            @RequestParam(name = "account", required = false) @Nullable Set<Long> accountIds,
            @RequestParam(required = false) @Nullable String network,
            @RequestParam(required = false) @Nullable Long campaign,
            @RequestParam(required = false) @Nullable VariantState state,
            @RequestParam(required = false) @Nullable ContentType contentType,
            @ModelAttribute("zone") ZoneId zone,
            Locale locale,
            HttpServletRequest request,
            Model model) {
        LocalDate first;
        LocalDate last;
        boolean weekView = week != null && !week.isBlank();
        LocalDate periodStart;
        LocalDate periodEnd;
        try {
            if (weekView) {
                first = LocalDate.parse(week).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                last = first.plusDays(6);
                periodStart = first;
                periodEnd = last;
            } else {
                YearMonth shown = month == null || month.isBlank() ? YearMonth.now(zone) : YearMonth.parse(month);
                periodStart = shown.atDay(1);
                periodEnd = shown.atEndOfMonth();
                first = periodStart.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                last = periodEnd.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
            }
        } catch (DateTimeParseException e) {
            throw Refusal.invalid("calendar.date-invalid", weekView ? week : month);
        }
        Calendar.Filter filter = CalendarApi.filter(accountIds, network, campaign, state, contentType);
        Map<LocalDate, Calendar.Day> days =
                calendar.days(first, last, zone, filter, weekView ? WEEK_CHIPS : MONTH_CHIPS);
        CalendarChips chips = new CalendarChips(zone, request.getContextPath(), messages, locale);
        LocalDate today = LocalDate.now(zone);
        List<List<Day>> weeks = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            if (day.getDayOfWeek() == DayOfWeek.MONDAY) {
                weeks.add(new ArrayList<>());
            }
            Calendar.Day variants = days.get(day);
            String css =
                    day.isBefore(periodStart) || day.isAfter(periodEnd) ? "outside" : day.equals(today) ? "today" : "";
            weeks.get(weeks.size() - 1)
                    .add(new Day(day, css, chips.html(variants.first()), variants.more(), variants.countLimited()));
        }
        model.addAttribute("weeks", weeks);
        model.addAttribute("weekView", weekView);
        model.addAttribute("title", weekView ? first : YearMonth.from(periodStart));
        model.addAttribute(
                "previous",
                weekView
                        ? first.minusWeeks(1).toString()
                        : YearMonth.from(periodStart).minusMonths(1).toString());
        model.addAttribute(
                "next",
                weekView
                        ? first.plusWeeks(1).toString()
                        : YearMonth.from(periodStart).plusMonths(1).toString());
        model.addAttribute("mixFrom", periodStart);
        model.addAttribute("mixTo", periodEnd);
        List<AccountView> visible = accounts.accounts();
        model.addAttribute("accounts", visible);
        model.addAttribute(
                "networks",
                visible.stream().map(AccountView::network).distinct().sorted().toList());
        model.addAttribute("campaigns", calendar.campaigns());
        model.addAttribute("filterCampaign", campaign);
        model.addAttribute("states", VariantState.values());
        model.addAttribute("contentTypes", ContentType.values());
        model.addAttribute("filterAccounts", accountIds == null ? Set.of() : accountIds);
        model.addAttribute("filterNetwork", network);
        model.addAttribute("filterState", state);
        model.addAttribute("filterType", contentType);
        model.addAttribute("today", today);
        return "publishing/calendar";
    }

    /**
     * The content mix of a calendar period (first to last day, in the workspace's zone), as the
     * calendar page's section: the page loads it after the grid, as aggregating every variant of a
     * busy month is the longest part of a page view.
     */
    @GetMapping("/calendar/mix")
    String mix(
            @RequestParam String from,
            @RequestParam String to,
            @RequestParam(name = "account", required = false) @Nullable Set<Long> accountIds,
            @RequestParam(required = false) @Nullable String network,
            @RequestParam(required = false) @Nullable Long campaign,
            @RequestParam(required = false) @Nullable VariantState state,
            @RequestParam(required = false) @Nullable ContentType contentType,
            @ModelAttribute("zone") ZoneId zone,
            Model model) {
        LocalDate first;
        LocalDate last;
        try {
            first = LocalDate.parse(from);
            last = LocalDate.parse(to);
        } catch (DateTimeParseException e) {
            throw Refusal.invalid("calendar.date-invalid", from + " – " + to);
        }
        model.addAttribute(
                "mix",
                calendar.mix(
                        first.atStartOfDay(zone).toInstant(),
                        last.plusDays(1).atStartOfDay(zone).toInstant(),
                        CalendarApi.filter(accountIds, network, campaign, state, contentType)));
        return "publishing/calendar :: mix";
    }

    /**
     * Drag-and-drop: the variant moves to another day at the same time of day (workspace zone). A
     * refusal is answered as plain text in the member's language, which the calendar shows.
     */
    @PostMapping("/calendar/variants/{id}/move")
    ResponseEntity<String> move(
            @PathVariable long id, @RequestParam String day, @ModelAttribute("zone") ZoneId zone, Locale locale) {
        try {
            LocalDate target;
            try {
                target = LocalDate.parse(day);
            } catch (DateTimeParseException e) {
                throw Refusal.invalid("calendar.date-invalid", day);
            }
            VariantView variant = posts.variant(id);
            LocalTime time = variant.scheduledAt() == null
                    ? LocalTime.of(9, 0)
                    : variant.scheduledAt().atZone(zone).toLocalTime();
            posts.reschedule(id, target.atTime(time).atZone(zone).toInstant());
            return ResponseEntity.noContent().build();
        } catch (Refusal refusal) {
            return ResponseEntity.status(Problems.status(refusal))
                    .contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
                    .body(messages.getMessage(refusal.messageKey(), refusal.arguments(), refusal.messageKey(), locale));
        }
    }
}
