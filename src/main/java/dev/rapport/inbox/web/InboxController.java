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
import dev.rapport.inbox.SavedReplies;
import dev.rapport.inbox.classification.Intent;
import dev.rapport.inbox.classification.Sentiment;
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
    private final SavedReplies savedReplies;
    private final TeamNames names;
    private final MessageSource messages;

    InboxController(
            Conversations conversations,
            InboxMetrics metrics,
            ResponseTargets targets,
            TeamManagement team,
            AccountManagement accounts,
            Connections connections,
            SavedReplies savedReplies,
            TeamNames names,
            MessageSource messages) {
        this.conversations = conversations;
        this.metrics = metrics;
        this.targets = targets;
        this.team = team;
        this.accounts = accounts;
        this.connections = connections;
        this.savedReplies = savedReplies;
        this.names = names;
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
        model.addAttribute("departmentNames", names.departments());
        model.addAttribute("memberNames", names.members());
        return "inbox/list :: list";
    }

    @GetMapping("/conversations/{id}")
    String conversation(@PathVariable long id, Model model) {
        Conversations.Details details = conversations.details(id);
        model.addAttribute("details", details);
        model.addAttribute(
                "moderation", connections.capabilities(details.conversation().accountId()));
        model.addAttribute(
                "savedReplies",
                savedReplies.all().stream()
                        .filter(reply -> reply.departmentId() == null
                                || reply.departmentId()
                                        .equals(details.conversation().departmentId()))
                        .toList());
        model.addAttribute("now", Instant.now());
        model.addAttribute("departments", team.departments());
        model.addAttribute("departmentNames", names.departments());
        model.addAttribute("memberNames", names.members());
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
        redirect.addFlashAttribute("draft", text); // shown again only if the reply is refused
        return act(id, redirect, locale, () -> {
            Conversations.Reply reply = conversations.reply(id, text, overrideNote);
            redirect.addFlashAttribute("sent", true);
            if (reply.sameTextFlagged()) {
                redirect.addFlashAttribute("sameText", reply.sameTextSentTo());
            }
        });
    }

    /** The authenticity rule's findings while the reply is written (unedited saved reply, same words to many). */
    @PostMapping("/conversations/{id}/reply/check")
    String checkReply(@PathVariable long id, @RequestParam(defaultValue = "") String text, Model model) {
        model.addAttribute("finding", conversations.checkReply(id, text));
        return "inbox/authenticity :: findings";
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
        Map<String, Map<String, String>> groups = new java.util.HashMap<>();
        groups.put("department", keyed(names.departments()));
        groups.put("person", keyed(names.members()));
        groups.put(
                "account",
                keyed(accounts.accounts().stream().collect(Collectors.toMap(AccountView::id, AccountView::handle))));
        model.addAttribute("names", groups);
        return "inbox/metrics";
    }

    static final List<Integer> METRICS_SPANS = List.of(7, 30, 90, 365);

    private static Map<String, String> keyed(Map<Long, String> names) {
        return names.entrySet().stream()
                .collect(Collectors.toMap(entry -> String.valueOf(entry.getKey()), Map.Entry::getValue));
    }
}
