package dev.rapport.inbox;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import dev.rapport.core.Languages;
import dev.rapport.core.Mailer;
import dev.rapport.inbox.chat.ChatSender;
import dev.rapport.inbox.chat.ChatWebhook;
import dev.rapport.inbox.domain.EscalationRecords;
import dev.rapport.inbox.domain.EscalationRecords.Overdue;
import dev.rapport.inbox.domain.EscalationRecords.OwedChat;
import dev.rapport.team.MemberView;
import dev.rapport.team.Role;
import dev.rapport.team.TeamManagement;
import dev.rapport.team.WorkspaceView;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Escalates conversations that wait past their target. Level 1, once past the due time: the
 * assignee is told (without one, the department's leads). Level 2, still unanswered after a further
 * half of the target in the department's business hours: the department's leads (without any, the
 * admins). Each level fires once — claimed with a conditional update, so also with several nodes —
 * and one level per run, so the assignee always hears first. Answering or closing stops it; their
 * next message after an answer, or a reassignment, starts again.
 *
 * <p>Everyone told sees it on their home page while the conversation waits and gets an e-mail in
 * their language; the department's chat group (if it has a webhook) gets one message per level, in
 * the workspace's language. A chat message the service did not take is kept with its failure and
 * sent again on the next run while the conversation waits.
 */
@Service
public class Escalation {

    static final String TASK = "inbox-escalation";
    static final int TOP = 2;

    private static final Logger log = LoggerFactory.getLogger(Escalation.class);

    private final EscalationRecords records;
    private final ResponseTargets targets;
    private final ChatWebhooks webhooks;
    private final ChatSender sender;
    private final TeamManagement team;
    private final Mailer mailer;
    private final MessageSource messages;
    private final TransactionTemplate transactions;

    Escalation(
            EscalationRecords records,
            ResponseTargets targets,
            ChatWebhooks webhooks,
            ChatSender sender,
            TeamManagement team,
            Mailer mailer,
            MessageSource messages,
            TransactionTemplate transactions) {
        this.records = records;
        this.targets = targets;
        this.webhooks = webhooks;
        this.sender = sender;
        this.team = team;
        this.mailer = mailer;
        this.messages = messages;
        this.transactions = transactions;
    }

    /** Fires the levels that are due at {@code now}, then sends the chat messages owed; returns how many levels fired. */
    public int escalate(Instant now) {
        Map<@Nullable Long, DepartmentTargets> set = new HashMap<>();
        WorkspaceView workspace = team.workspace();
        int fired = 0;
        for (Overdue conversation : records.overdue(now, TOP)) {
            int level = conversation.level() + 1;
            if (level == TOP
                    && now.isBefore(set.computeIfAbsent(conversation.departmentId(), targets::of)
                            .leadsTold(conversation.priority(), conversation.dueAt()))) {
                continue;
            }
            List<MemberView> told = transactions.execute(status -> fire(conversation, level, now, workspace));
            if (told != null) {
                fired++;
                mail(conversation, level, told, workspace);
            }
        }
        sendOwed();
        return fired;
    }

    /** Claims the level and records whom it tells; null if another run claimed it first. */
    private @Nullable List<MemberView> fire(Overdue conversation, int level, Instant now, WorkspaceView workspace) {
        if (!records.claim(conversation.id(), level - 1, level)) {
            return null;
        }
        List<MemberView> told = recipients(conversation, level);
        told.forEach(member -> records.notice(conversation.id(), level, member.id(), now));
        Long department = conversation.departmentId();
        if (department != null && records.webhook(department).isPresent()) {
            Locale locale = Languages.parse(workspace.defaultLanguage());
            records.owe(
                    conversation.id(),
                    level,
                    department,
                    messages.getMessage(
                            "inbox.escalation.chat." + level,
                            arguments(
                                    conversation,
                                    told.stream().map(MemberView::name).collect(Collectors.joining(", ")),
                                    workspace,
                                    locale),
                            locale));
        }
        return told;
    }

    private List<MemberView> recipients(Overdue conversation, int level) {
        List<MemberView> active =
                team.members().stream().filter(MemberView::active).toList();
        if (level == 1 && conversation.assigneeId() != null) {
            Optional<MemberView> assignee = active.stream()
                    .filter(member -> conversation.assigneeId().equals(member.id()))
                    .findFirst();
            if (assignee.isPresent()) {
                return List.of(assignee.get());
            }
        }
        List<MemberView> leads = active.stream()
                .filter(member -> member.role() == Role.LEAD
                        && member.departmentId() != null
                        && member.departmentId().equals(conversation.departmentId()))
                .toList();
        return !leads.isEmpty()
                ? leads
                : active.stream().filter(member -> member.role() == Role.ADMIN).toList();
    }

    private void mail(Overdue conversation, int level, List<MemberView> told, WorkspaceView workspace) {
        if (!mailer.configured()) {
            return;
        }
        for (MemberView member : told) {
            Locale locale = Languages.parse(member.language());
            Object[] arguments = arguments(conversation, member.name(), workspace, locale);
            mailer.send(
                    member.email(),
                    messages.getMessage("inbox.escalation.mail.subject." + level, arguments, locale),
                    messages.getMessage("inbox.escalation.mail.body." + level, arguments, locale));
        }
    }

    /** {0} conversation id, {1} network, {2} author, {3} due time in the workspace's zone, {4} whom. */
    private Object[] arguments(Overdue conversation, String whom, WorkspaceView workspace, Locale locale) {
        ZoneId zone = ZoneId.of(workspace.timeZone());
        String due =
                DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone).format(conversation.dueAt()) + " "
                        + zone.getId();
        String network = messages.getMessage("network." + conversation.network(), null, conversation.network(), locale);
        return new Object[] {String.valueOf(conversation.id()), network, conversation.handle(), due, whom};
    }

    private void sendOwed() {
        for (OwedChat owed : records.owed()) {
            Optional<ChatWebhook> webhook = webhooks.webhook(owed.departmentId());
            String failure = webhook.isEmpty() ? "no webhook configured" : sender.send(webhook.get(), owed.text());
            records.attempted(owed.conversationId(), owed.level(), failure);
            if (failure != null) {
                log.warn(
                        "Escalation of conversation {} (level {}) not taken by department {}'s chat: {}",
                        owed.conversationId(),
                        owed.level(),
                        owed.departmentId(),
                        failure);
            }
        }
    }

    /** Off with {@code rapport.inbox.escalation=false} (the tests escalate when they choose). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBooleanProperty(name = "rapport.inbox.escalation", matchIfMissing = true)
    static class Schedule {

        /** Every minute, on one node at a time. */
        @Bean
        RecurringTask<Void> inboxEscalationTask(Escalation escalation) {
            return Tasks.recurring(TASK, FixedDelay.ofMinutes(1))
                    .execute((instance, context) -> escalation.escalate(Instant.now()));
        }
    }
}
