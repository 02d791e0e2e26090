package dev.rapport.inbox;

import dev.rapport.core.Refusal;
import dev.rapport.inbox.domain.InboxRecords;
import dev.rapport.inbox.domain.TargetRecords;
import dev.rapport.team.Actor;
import dev.rapport.team.Role;
import dev.rapport.team.TeamManagement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Response-time targets per department and priority, counted in each department's business
 * hours. Out of the box every department has the default targets ({@link Priority#target()})
 * around the clock. Admins change any department's, leads their own department's; the change is
 * audited, and the department's waiting conversations are due anew at once.
 */
@Service
public class ResponseTargets {

    private final TargetRecords targets;
    private final InboxRecords conversations;
    private final TeamManagement team;
    private final ApplicationEventPublisher events;

    ResponseTargets(
            TargetRecords targets, InboxRecords conversations, TeamManagement team, ApplicationEventPublisher events) {
        this.targets = targets;
        this.conversations = conversations;
        this.team = team;
        this.events = events;
    }

    /** Every department's targets and hours, in the order of the departments. */
    @Transactional(readOnly = true)
    public List<DepartmentTargets> all() {
        Map<Long, DepartmentTargets> set = targets.all();
        return team.departments().stream()
                .map(department -> of(set, department.id()))
                .toList();
    }

    /**
     * When a message of this priority that arrived then is due in the department; a conversation
     * without a department has the defaults.
     */
    public Instant due(@Nullable Long departmentId, Priority priority, Instant arrived) {
        return dueTimes().due(departmentId, priority, arrived);
    }

    /** Due times by the targets and hours as they are now: for many at once (a page of interactions). */
    public DueTimes dueTimes() {
        Map<Long, DepartmentTargets> set = targets.all();
        return (departmentId, priority, arrived) -> of(set, departmentId).due(priority, arrived);
    }

    /** When a message of a priority that arrived then is due in a department. */
    @FunctionalInterface
    public interface DueTimes {
        Instant due(@Nullable Long departmentId, Priority priority, Instant arrived);
    }

    /** A department's targets and hours; a conversation without a department has the defaults. */
    public DepartmentTargets of(@Nullable Long departmentId) {
        return of(targets.all(), departmentId);
    }

    /** The conversations of a list that are near their target, by id. */
    public Set<Long> dueSoon(List<ConversationView> list, Instant now) {
        Map<Long, DepartmentTargets> set = targets.all();
        return list.stream()
                .filter(conversation -> of(set, conversation.departmentId()).dueSoon(conversation, now))
                .map(ConversationView::id)
                .collect(Collectors.toSet());
    }

    /** Whether the current member may change the department's targets: admins, and its leads. */
    public boolean mayChange(long departmentId) {
        Actor actor = Actor.current();
        return actor.is(Role.ADMIN)
                || (actor.is(Role.LEAD)
                        && actor.memberId() != null
                        && Long.valueOf(departmentId)
                                .equals(team.member(actor.memberId()).departmentId()));
    }

    /** Refuses, with this message, a member who may not change the department's settings, or a department that is not. */
    public void requireMayChange(long departmentId, String refusalKey) {
        if (!mayChange(departmentId)) {
            throw Refusal.forbidden(refusalKey);
        }
        if (team.departments().stream().noneMatch(department -> department.id() == departmentId)) {
            throw Refusal.notFound("department.not-found", departmentId);
        }
    }

    /** Sets a department's targets (a priority left out keeps its default) and business hours. */
    @Transactional
    public DepartmentTargets change(long departmentId, Map<Priority, Duration> targetsByPriority, BusinessHours hours) {
        requireMayChange(departmentId, "inbox.targets-not-allowed");
        DepartmentTargets changed = new DepartmentTargets(departmentId, targetsByPriority, hours);
        targets.save(changed);
        for (InboxRecords.Waiting waiting : conversations.waitingIn(departmentId)) {
            Instant since = waiting.waitingSince();
            if (since != null) {
                conversations.due(waiting.conversationId(), changed.due(waiting.priority(), since));
            }
        }
        Actor actor = Actor.current();
        events.publishEvent(
                new TargetsChanged(actor.email(), departmentId, changed.describe(), actor.source(), Instant.now()));
        return changed;
    }

    private static DepartmentTargets of(Map<Long, DepartmentTargets> set, @Nullable Long departmentId) {
        if (departmentId == null) {
            return DepartmentTargets.defaults(0);
        }
        return set.getOrDefault(departmentId, DepartmentTargets.defaults(departmentId));
    }
}
