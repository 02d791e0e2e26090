package dev.rapport.inbox.web;

import dev.rapport.core.Refusal;
import dev.rapport.inbox.BusinessHours;
import dev.rapport.inbox.ChatWebhooks;
import dev.rapport.inbox.DepartmentTargets;
import dev.rapport.inbox.Priority;
import dev.rapport.inbox.ResponseTargets;
import dev.rapport.inbox.chat.ChatKind;
import dev.rapport.team.DepartmentView;
import dev.rapport.team.TeamManagement;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Response-time targets and business hours per department: admins and leads read them, and change those they may. */
@Controller
@PreAuthorize("hasAnyRole('ADMIN','LEAD')")
class ResponseTargetsController {

    /** A department on the page: its targets and hours, and whether the member may change them. */
    record Row(
            DepartmentView department,
            DepartmentTargets targets,
            boolean editable,
            ChatWebhooks.@Nullable View webhook) {}

    private final ResponseTargets targets;
    private final TeamManagement team;
    private final ChatWebhooks webhooks;
    private final MessageSource messages;

    ResponseTargetsController(
            ResponseTargets targets, TeamManagement team, ChatWebhooks webhooks, MessageSource messages) {
        this.targets = targets;
        this.webhooks = webhooks;
        this.team = team;
        this.messages = messages;
    }

    @GetMapping("/inbox/targets")
    String page(Model model) {
        Map<Long, DepartmentTargets> all =
                targets.all().stream().collect(Collectors.toMap(DepartmentTargets::departmentId, Function.identity()));
        model.addAttribute(
                "rows",
                team.departments().stream()
                        .map(department -> {
                            boolean editable = targets.mayChange(department.id());
                            return new Row(
                                    department,
                                    all.get(department.id()),
                                    editable,
                                    editable ? webhooks.view(department.id()) : null);
                        })
                        .toList());
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("chatKinds", ChatKind.values());
        model.addAttribute("days", DayOfWeek.values());
        model.addAttribute(
                "zones", ZoneId.getAvailableZoneIds().stream().sorted().toList());
        return "inbox/targets";
    }

    @PostMapping("/inbox/targets/{departmentId}")
    String change(
            @PathVariable long departmentId,
            @RequestParam Map<String, String> form,
            @RequestParam(defaultValue = "false") boolean aroundTheClock,
            @RequestParam(defaultValue = "") String timeZone,
            @RequestParam(name = "day", required = false) @Nullable List<DayOfWeek> days,
            @RequestParam(required = false) @DateTimeFormat(pattern = "HH:mm") @Nullable LocalTime opens,
            @RequestParam(required = false) @DateTimeFormat(pattern = "HH:mm") @Nullable LocalTime closes,
            @RequestParam(defaultValue = "") String holidays,
            RedirectAttributes redirect,
            Locale locale) {
        try {
            targets.change(
                    departmentId,
                    targetsOf(form),
                    BusinessHours.of(
                            aroundTheClock, timeZone, days == null ? List.of() : days, opens, closes, dates(holidays)));
            redirect.addFlashAttribute("saved", departmentId);
        } catch (Refusal refusal) {
            if (refusal.kind() == Refusal.Kind.NOT_FOUND || refusal.kind() == Refusal.Kind.FORBIDDEN) {
                throw refusal;
            }
            redirect.addFlashAttribute(
                    "refusal", messages.getMessage(refusal.messageKey(), refusal.arguments(), locale));
            redirect.addFlashAttribute("refusedFor", departmentId);
        }
        return "redirect:/inbox/targets";
    }

    /** The form's {@code target-HIGH} … fields, in minutes; an empty one keeps the default. */
    private static Map<Priority, Duration> targetsOf(Map<String, String> form) {
        Map<Priority, Duration> set = new EnumMap<>(Priority.class);
        for (Priority priority : Priority.values()) {
            String value = form.getOrDefault("target-" + priority, "").strip();
            if (!value.isEmpty()) {
                try {
                    set.put(priority, Duration.ofMinutes(Integer.parseInt(value)));
                } catch (NumberFormatException notANumber) {
                    throw Refusal.invalid(
                            "inbox.target-invalid", priority.name(), DepartmentTargets.MAX_TARGET.toDays());
                }
            }
        }
        return set;
    }

    /** Holidays as people type them: ISO dates separated by lines, commas or spaces. */
    static List<LocalDate> dates(String text) {
        return Arrays.stream(text.split("[\\s,;]+"))
                .filter(date -> !date.isEmpty())
                .map(date -> {
                    try {
                        return LocalDate.parse(date);
                    } catch (DateTimeException notADate) {
                        throw Refusal.invalid("inbox.holiday-invalid", date);
                    }
                })
                .toList();
    }
}
