package dev.rapport.inbox;

import dev.rapport.accounts.AccountAccess;
import dev.rapport.accounts.AccountManagement;
import dev.rapport.accounts.AccountPermission;
import dev.rapport.accounts.AccountView;
import dev.rapport.connectors.Connections;
import dev.rapport.connectors.PublishOutcome;
import dev.rapport.connectors.spi.Capability;
import dev.rapport.connectors.spi.ConnectorException;
import dev.rapport.connectors.spi.Moderation;
import dev.rapport.connectors.spi.PublishRequest;
import dev.rapport.core.Refusal;
import dev.rapport.inbox.classification.Intent;
import dev.rapport.inbox.classification.Sentiment;
import dev.rapport.inbox.domain.InboxRecords;
import dev.rapport.screening.Action;
import dev.rapport.screening.Policies;
import dev.rapport.screening.Screening;
import dev.rapport.screening.Verdict;
import dev.rapport.team.Actor;
import dev.rapport.team.MemberView;
import dev.rapport.team.Role;
import dev.rapport.team.TeamManagement;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The inbox as members use it: their queue, a conversation with the contact's history, replies
 * through the connector after the policy screen, reassignment with a note, done with a reason,
 * and corrections of the classification (kept as training data).
 *
 * <p>Who sees what: admins and leads every conversation; marketers those of the accounts they can
 * see; responders those of their department and those assigned to them. Viewers use the figures.
 */
@Service
public class Conversations {

    public static final int MAX_REPLY = 5_000;
    /** Reasons to close a conversation without a reply. */
    public static final Set<String> DONE_REASONS = Set.of("spam", "abuse", "no-reply-needed", "answered-elsewhere");

    /** A conversation as its page shows it. */
    public record Details(
            ConversationView conversation, AccountView account, List<ItemView> items, List<ConversationView> history) {}

    /**
     * What a reply did.
     *
     * @param sameTextSentTo how many other people this account sent the same or nearly the same text
     *     to in the last week
     * @param sameTextFlagged whether that makes {@value ReplyAuthenticity#MANY_PEOPLE} people or more
     *     (the authenticity rule's warning)
     */
    public record Reply(ItemView item, int sameTextSentTo, boolean sameTextFlagged) {}

    private final InboxRecords records;
    private final AccountManagement accounts;
    private final AccountAccess access;
    private final Connections connections;
    private final Screening screening;
    private final Policies policies;
    private final TeamManagement team;
    private final ResponseTargets targets;
    private final ReplyAuthenticity authenticity;
    private final ApplicationEventPublisher events;

    Conversations(
            InboxRecords records,
            AccountManagement accounts,
            AccountAccess access,
            Connections connections,
            Screening screening,
            Policies policies,
            TeamManagement team,
            ResponseTargets targets,
            ReplyAuthenticity authenticity,
            ApplicationEventPublisher events) {
        this.records = records;
        this.accounts = accounts;
        this.access = access;
        this.connections = connections;
        this.screening = screening;
        this.policies = policies;
        this.team = team;
        this.targets = targets;
        this.authenticity = authenticity;
        this.events = events;
    }

    /** A page of the member's queue. */
    @Transactional(readOnly = true)
    public List<ConversationView> inbox(
            @Nullable ConversationState state, @Nullable Long departmentId, boolean mine, int page, int size) {
        Actor actor = requireInboxMember();
        int limit = Math.max(1, Math.min(size, 200));
        int offset = Math.max(0, page) * limit;
        Long assignee = mine ? actor.requireMemberId() : null;
        if (actor.is(Role.ADMIN) || actor.is(Role.LEAD)) {
            return records.list(state, departmentId, assignee, null, offset, limit);
        }
        if (actor.is(Role.RESPONDER)) {
            MemberView me = team.member(actor.requireMemberId());
            if (!mine
                    && me.departmentId() != null
                    && (departmentId == null || departmentId.equals(me.departmentId()))) {
                return records.list(state, me.departmentId(), null, null, offset, limit);
            }
            return records.list(state, departmentId, me.id(), null, offset, limit);
        }
        List<Long> visible = accounts.accounts().stream().map(AccountView::id).toList();
        return records.list(state, departmentId, assignee, visible, offset, limit);
    }

    @Transactional(readOnly = true)
    public Details details(long id) {
        ConversationView conversation = visible(id);
        return new Details(
                conversation,
                accounts.find(conversation.accountId()).orElseThrow(),
                records.items(id),
                records.history(conversation.contact().id(), id));
    }

    /**
     * Answers the conversation on its network, in the thread. The policy screen runs first: a
     * blocked reply is never sent; a held one only by a lead or admin who says why. A reply that is
     * still a saved reply's text is refused unless the workspace allows it ({@link ReplyAuthenticity}).
     */
    public Reply reply(long id, String text, @Nullable String overrideNote) {
        ConversationView conversation = visible(id);
        Actor actor = requireResponder(conversation);
        policies.requireMayPublish(actor.requireMemberId());
        String body = text.strip();
        if (body.isEmpty() || body.length() > MAX_REPLY) {
            throw Refusal.invalid("inbox.reply-invalid", MAX_REPLY);
        }
        ReplyAuthenticity.Finding finding = authenticity.check(conversation, body);
        Refusal unauthentic = finding.refusal();
        if (unauthentic != null) {
            throw unauthentic;
        }
        Verdict verdict = screening.screen(body, null);
        if (verdict.action() == Action.BLOCK) {
            throw Refusal.invalid("screening.blocked", verdict.reason());
        }
        String note = overrideNote == null ? "" : overrideNote.strip();
        if (verdict.action() == Action.HOLD) {
            if (!(actor.is(Role.LEAD) || actor.is(Role.ADMIN)) || note.isEmpty()) {
                throw Refusal.invalid("inbox.reply-held", verdict.reason());
            }
        }
        String inReplyTo = records.lastIncomingRemoteId(id).orElse(conversation.subjectId());
        PublishRequest request = inReplyTo == null
                ? PublishRequest.text(UUID.randomUUID().toString(), body)
                : PublishRequest.reply(UUID.randomUUID().toString(), body, inReplyTo);
        PublishOutcome outcome = connections.publish(conversation.accountId(), request);
        if (outcome.status() != PublishOutcome.Status.PUBLISHED) {
            String reason = outcome.reason() == null ? "unavailable" : outcome.reason();
            throw Refusal.unavailable("inbox.reply-failed", reason, outcome.message() == null ? "" : outcome.message());
        }
        Instant at = outcome.receipt().publishedAt();
        records.insertItem(new InboxRecords.Message(
                id,
                conversation.accountId(),
                outcome.receipt().remoteId(),
                "OUT",
                "REPLY",
                body,
                inReplyTo,
                outcome.receipt().url(),
                verdict.language(),
                null,
                null,
                null,
                actor.memberId(),
                at));
        records.ourTurn(id, at);
        events.publishEvent(new InboxEvents.Replied(
                actor.email(), id, outcome.receipt().remoteId(), actor.source(), Instant.now()));
        if (verdict.action() == Action.HOLD) {
            events.publishEvent(new InboxEvents.HoldOverridden(actor.email(), id, note, actor.source(), Instant.now()));
        }
        ItemView item = records.items(id).stream()
                .filter(candidate ->
                        candidate.remoteId().equals(outcome.receipt().remoteId()))
                .findFirst()
                .orElseThrow();
        return new Reply(item, finding.sameTextSentTo(), finding.repeated());
    }

    /** What the authenticity rule says of a reply before it is sent: for the reply form's live check. */
    @Transactional(readOnly = true)
    public ReplyAuthenticity.Finding checkReply(long id, String text) {
        return authenticity.check(visible(id), text.strip());
    }

    /** Moves a conversation to another department or person, with a note saying why. */
    @Transactional
    public ConversationView reassign(long id, long departmentId, @Nullable Long assigneeId, String note) {
        ConversationView conversation = visible(id);
        Actor actor = requireResponder(conversation);
        if (team.departments().stream().noneMatch(department -> department.id() == departmentId)) {
            throw Refusal.invalid("department.not-found", String.valueOf(departmentId));
        }
        if (assigneeId != null) {
            MemberView assignee = team.member(assigneeId);
            if (!assignee.active() || assignee.role() == Role.VIEWER) {
                throw Refusal.invalid("inbox.assignee-invalid", assignee.name());
            }
        }
        String why = note.strip();
        if (why.isEmpty() || why.length() > 500) {
            throw Refusal.invalid("inbox.reassign-note-required");
        }
        // The new department's target and hours apply from the first message that waits for an answer.
        InboxRecords.Waiting waiting = records.waiting(id);
        Instant since = waiting.waitingSince();
        records.assign(
                id,
                departmentId,
                assigneeId,
                "reassigned by " + actor.email(),
                since == null ? null : targets.due(departmentId, waiting.priority(), since));
        events.publishEvent(new InboxEvents.Reassigned(
                actor.email(), id, departmentId, assigneeId, why, actor.source(), Instant.now()));
        return records.conversation(id).orElseThrow();
    }

    /** Closes a conversation without a reply: spam, abuse, nothing to answer — with a reason. */
    @Transactional
    public ConversationView done(long id, String reason, @Nullable String note) {
        return done(id, reason, note, false, false);
    }

    /**
     * Closes a conversation without a reply, saying why; spam and abuse may also be reported to the
     * network's moderators and hidden under the account's post, where the network allows it. The
     * network acts first: if it refuses, the conversation stays open and nothing is lost.
     */
    @Transactional
    public ConversationView done(long id, String reason, @Nullable String note, boolean report, boolean hide) {
        ConversationView conversation = visible(id);
        Actor actor = requireResponder(conversation);
        if (!DONE_REASONS.contains(reason)) {
            throw Refusal.invalid("inbox.done-reason-invalid", String.join(", ", DONE_REASONS));
        }
        if ((report || hide) && !MODERATED_REASONS.contains(reason)) {
            throw Refusal.invalid("inbox.moderation-reason");
        }
        if (report || hide) {
            moderate(conversation, reason, note, report, hide);
        }
        records.done(id, reason, note);
        events.publishEvent(
                new InboxEvents.MarkedDone(actor.email(), id, reason, report, hide, actor.source(), Instant.now()));
        return records.conversation(id).orElseThrow();
    }

    /** Reasons for which the newest message may be reported or hidden. */
    public static final Set<String> MODERATED_REASONS = Set.of("spam", "abuse");

    private void moderate(
            ConversationView conversation, String reason, @Nullable String note, boolean report, boolean hide) {
        ItemView newest = records.items(conversation.id()).stream()
                .filter(item -> item.direction().equals("IN"))
                .reduce((a, b) -> b)
                .orElseThrow(() -> Refusal.invalid("inbox.moderation-nothing"));
        Moderation moderation = new Moderation(
                newest.remoteId(),
                records.authorRemoteId(conversation.id()),
                conversation.subjectId(),
                reason.equals("spam") ? Moderation.Reason.SPAM : Moderation.Reason.ABUSE,
                note == null || note.isBlank() ? null : note.strip());
        Set<Capability> capabilities = connections.capabilities(conversation.accountId());
        try {
            if (report) {
                if (!capabilities.contains(Capability.REPORT)) {
                    throw Refusal.invalid("inbox.report-unsupported", conversation.network());
                }
                connections.report(conversation.accountId(), moderation);
            }
            if (hide) {
                if (!capabilities.contains(Capability.HIDE)) {
                    throw Refusal.invalid("inbox.hide-unsupported", conversation.network());
                }
                connections.hide(conversation.accountId(), moderation);
            }
        } catch (ConnectorException.Rejected rejected) {
            throw Refusal.invalid("inbox.moderation-refused", rejected.userMessage());
        } catch (ConnectorException failure) {
            throw Refusal.unavailable("inbox.moderation-failed", String.valueOf(failure.getMessage()));
        }
    }

    /** A member corrects an item's classification; kept as training data for the next model. */
    @Transactional
    public ConversationView correct(long id, long itemId, Sentiment sentiment, Intent intent) {
        ConversationView conversation = visible(id);
        Actor actor = requireResponder(conversation);
        List<ItemView> items = records.items(id);
        if (items.stream()
                .noneMatch(item -> item.id() == itemId && item.direction().equals("IN"))) {
            throw Refusal.notFound("inbox.item-not-found", itemId);
        }
        records.correct(itemId, sentiment, intent, actor.requireMemberId());
        ItemView newest = items.stream()
                .filter(item -> item.direction().equals("IN"))
                .reduce((a, b) -> b)
                .orElseThrow();
        if (newest.id() == itemId) {
            records.reclassify(id, sentiment, intent);
        }
        return records.conversation(id).orElseThrow();
    }

    private ConversationView visible(long id) {
        Actor actor = requireInboxMember();
        ConversationView conversation =
                records.conversation(id).orElseThrow(() -> Refusal.notFound("inbox.conversation-not-found", id));
        boolean visible = actor.is(Role.ADMIN)
                || actor.is(Role.LEAD)
                || (actor.is(Role.RESPONDER) && (mine(actor, conversation) || ownDepartment(actor, conversation)))
                || (actor.is(Role.MARKETER) && access.canSee(conversation.accountId()));
        if (!visible) {
            throw Refusal.notFound("inbox.conversation-not-found", id);
        }
        return conversation;
    }

    private Actor requireResponder(ConversationView conversation) {
        Actor actor = Actor.current();
        boolean may = actor.is(Role.ADMIN)
                || actor.is(Role.LEAD)
                || mine(actor, conversation)
                || ownDepartment(actor, conversation)
                || access.can(conversation.accountId(), AccountPermission.RESPOND);
        if (!may) {
            throw Refusal.forbidden("inbox.respond-not-allowed");
        }
        return actor;
    }

    private boolean mine(Actor actor, ConversationView conversation) {
        return actor.memberId() != null && actor.memberId().equals(conversation.assigneeId());
    }

    private boolean ownDepartment(Actor actor, ConversationView conversation) {
        if (actor.memberId() == null || conversation.departmentId() == null) {
            return false;
        }
        return conversation.departmentId().equals(team.member(actor.memberId()).departmentId());
    }

    private static Actor requireInboxMember() {
        Actor actor = Actor.current();
        if (actor.memberId() == null || actor.is(Role.VIEWER)) {
            throw Refusal.forbidden("error.forbidden");
        }
        return actor;
    }
}
