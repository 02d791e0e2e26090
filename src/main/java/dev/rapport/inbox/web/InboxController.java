package dev.rapport.inbox.web;

import dev.rapport.accounts.AccountManagement;
import dev.rapport.accounts.AccountView;
import dev.rapport.connectors.Connections;
import dev.rapport.core.Refusal;
import dev.rapport.inbox.ConversationState;
import dev.rapport.inbox.ConversationView;
import dev.rapport.inbox.Conversations;
import dev.rapport.inbox.InboxMetrics;
import dev.rapport.inbox.ResponseTargets;
import dev.rapport.inbox.classification.Intent;
import dev.rapport.inbox.classification.Sentiment;
import dev.rapport.team.MemberView;
import dev.rapport.team.Role;
import dev.rapport.team.TeamManagement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The inbox page (filters, live updates every few seconds, keyboard shortcuts) and a conversation
 * with the contact's history, the reply box, reassignment, done and corrections.
 */
@Controller
class InboxController {

    private final Conversations conversations;
    private final InboxMetrics metrics;
    private final ResponseTargets targets;
    private final TeamManagement team;
    private final AccountManagement accounts;
    private final Connections connections;
    private final MessageSource messages;

    InboxController(
            Conversations conversations,
            InboxMetrics metrics,
            ResponseTargets targets,
            TeamManagement team,
            AccountManagement accounts,
            Connections connections,
            MessageSource messages) {
        this.conversations = conversations;
        this.metrics = metrics;
        this.targets = targets;
        this.team = team;
        this.accounts = accounts;
        this.connections = connections;
        this.messages = messages;
    }

    @GetMapping("/inbox")
    String inbox(
            @RequestParam(defaultValue = "OPEN") String state,
            @RequestParam(required = false) @Nullable Long department,
            @RequestParam(defaultValue = "false") boolean mine,
            Model model) {
        list(state, department, mine, model);
        model.addAttribute("departments", team.departments());
        return "inbox/inbox";
    }

    /** The list alone, for the page's live update. */
    @GetMapping("/inbox/list")
    String list(
            @RequestParam(defaultValue = "OPEN") String state,
            @RequestParam(required = false) @Nullable Long department,
            @RequestParam(defaultValue = "false") boolean mine,
            Model model) {
        ConversationState filter = state.equals("ALL") ? null : ConversationState.valueOf(state);
        List<ConversationView> page = conversations.inbox(filter, department, mine, 0, 100);
        Instant now = Instant.now();
        model.addAttribute("conversations", page);
        model.addAttribute("dueSoon", targets.dueSoon(page, now));
        model.addAttribute("state", state);
        model.addAttribute("department", department);
        model.addAttribute("mine", mine);
        model.addAttribute("now", now);
        model.addAttribute("departmentNames", departmentNames());
        model.addAttribute("memberNames", memberNames());
        return "inbox/list :: list";
    }

    @GetMapping("/conversations/{id}")
    String conversation(@PathVariable long id, Model model) {
        Conversations.Details details = conversations.details(id);
        model.addAttribute("details", details);
        model.addAttribute(
                "moderation", connections.capabilities(details.conversation().accountId()));
        model.addAttribute("now", Instant.now());
        model.addAttribute("departments", team.departments());
        model.addAttribute("departmentNames", departmentNames());
        model.addAttribute("memberNames", memberNames());
        model.addAttribute(
                "responders",
                team.members().stream()
                        .filter(member -> member.active() && member.role() != Role.VIEWER)
                        .toList());
        model.addAttribute("sentiments", Sentiment.values());
        model.addAttribute("intents", Intent.values());
        model.addAttribute(
                "doneReasons", Conversations.DONE_REASONS.stream().sorted().toList());
        return "inbox/conversation";
    }

    @PostMapping("/conversations/{id}/reply")
    String reply(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String text,
            @RequestParam(defaultValue = "") String overrideNote,
            RedirectAttributes redirect,
            Locale locale) {
        return act(id, redirect, locale, () -> {
            Conversations.Reply reply = conversations.reply(id, text, overrideNote);
            redirect.addFlashAttribute("sent", true);
            if (reply.sameTextSentTo() >= 2) {
                redirect.addFlashAttribute("sameText", reply.sameTextSentTo());
            }
        });
    }

    @PostMapping("/conversations/{id}/assign")
    String assign(
            @PathVariable long id,
            @RequestParam long departmentId,
            @RequestParam(required = false) @Nullable Long assigneeId,
            @RequestParam(defaultValue = "") String note,
            RedirectAttributes redirect,
            Locale locale) {
        return act(id, redirect, locale, () -> conversations.reassign(id, departmentId, assigneeId, note));
    }

    @PostMapping("/conversations/{id}/done")
    String done(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String reason,
            @RequestParam(defaultValue = "") String note,
            @RequestParam(defaultValue = "false") boolean report,
            @RequestParam(defaultValue = "false") boolean hide,
            RedirectAttributes redirect,
            Locale locale) {
        return act(id, redirect, locale, () -> conversations.done(id, reason, note, report, hide));
    }

    @PostMapping("/conversations/{id}/items/{itemId}/classification")
    String correct(
            @PathVariable long id,
            @PathVariable long itemId,
            @RequestParam Sentiment sentiment,
            @RequestParam Intent intent,
            RedirectAttributes redirect,
            Locale locale) {
        return act(id, redirect, locale, () -> conversations.correct(id, itemId, sentiment, intent));
    }

    private String act(long id, RedirectAttributes redirect, Locale locale, Runnable action) {
        try {
            action.run();
        } catch (Refusal refusal) {
            if (refusal.kind() == Refusal.Kind.NOT_FOUND) {
                throw refusal;
            }
            redirect.addFlashAttribute(
                    "refusal", messages.getMessage(refusal.messageKey(), refusal.arguments(), locale));
        }
        return "redirect:/conversations/" + id;
    }

    /** Whether the team is in the conversation, in numbers and over time. */
    @GetMapping("/inbox/metrics")
    String metrics(@RequestParam(defaultValue = "30") int days, Model model) {
        int span = METRICS_SPANS.contains(days) ? days : 30;
        Instant to = Instant.now();
        InboxMetrics.Report report = metrics.report(to.minus(Duration.ofDays(span)), to);
        model.addAttribute("report", report);
        model.addAttribute("days", span);
        model.addAttribute("spans", METRICS_SPANS);
        model.addAttribute("chart", MetricsChart.of(report.over()));
        Map<String, Map<String, String>> names = new java.util.HashMap<>();
        names.put("department", keyed(departmentNames()));
        names.put("person", keyed(memberNames()));
        names.put(
                "account",
                keyed(accounts.accounts().stream().collect(Collectors.toMap(AccountView::id, AccountView::handle))));
        model.addAttribute("names", names);
        return "inbox/metrics";
    }

    static final List<Integer> METRICS_SPANS = List.of(7, 30, 90, 365);

    private static Map<String, String> keyed(Map<Long, String> names) {
        return names.entrySet().stream()
                .collect(Collectors.toMap(entry -> String.valueOf(entry.getKey()), Map.Entry::getValue));
    }

    private Map<Long, String> departmentNames() {
        Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        return team.departments().stream()
                .collect(Collectors.toMap(
                        department -> department.id(),
                        department -> department.messageKey() == null
                                ? String.valueOf(department.name())
                                : messages.getMessage(department.messageKey(), null, locale)));
    }

    private Map<Long, String> memberNames() {
        return team.members().stream().collect(Collectors.toMap(MemberView::id, MemberView::name, (a, b) -> a));
    }
}
