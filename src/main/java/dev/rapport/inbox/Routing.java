package dev.rapport.inbox;

import dev.rapport.inbox.domain.InboxRecords;
import dev.rapport.inbox.domain.RoutingRuleRecords;
import dev.rapport.team.DepartmentView;
import dev.rapport.team.MemberView;
import dev.rapport.team.Role;
import dev.rapport.team.TeamManagement;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Who answers a conversation: the first routing rule that matches decides the department (out of
 * the box: billing → billing, complaints and questions → support, purchase intent → sales,
 * product feedback → production; the rest → marketing) and, unless it names a person, one of the
 * department's active members who answer conversations — the one with the fewest open
 * conversations, or in turn. Nothing is left without an owner: a department without such members
 * owns the conversation itself, and its leads see it.
 */
@Service
public class Routing {

    /** Where a conversation went, and why. */
    public record Decision(long departmentId, @Nullable Long assigneeId, String rule) {}

    /**
     * How long another node may route by rules that changed. Ingestion routes thousands of
     * conversations a second, so the enabled rules are held in memory rather than read for each.
     * This node forgets them as soon as a change commits ({@link InboxSettingsChanged}); the other
     * nodes do not see that event and read the rules again once their copy is this old. A version
     * check instead would cost a query per conversation again; a few seconds in which another node
     * still routes by the previous rules are harmless — members can reassign.
     */
    static final Duration CACHE_TTL = Duration.ofSeconds(5);

    private record Cached(List<RoutingRule> rules, long marketing, long loadedAt) {}

    private final RoutingRuleRecords rules;
    private final InboxRecords records;
    private final TeamManagement team;
    private volatile @Nullable Cached cached;
    /** Counts changes, so that rules read while one commits are not kept as current. */
    private final AtomicLong changes = new AtomicLong();

    Routing(RoutingRuleRecords rules, InboxRecords records, TeamManagement team) {
        this.rules = rules;
        this.records = records;
        this.team = team;
    }

    /** The enabled rules, in order. */
    public List<RoutingRule> rules() {
        return current().rules();
    }

    public Decision route(RoutingRule.Subject subject) {
        Cached current = current();
        for (RoutingRule rule : current.rules()) {
            if (rule.matches(subject)) {
                Long assignee =
                        rule.assigneeId() != null ? rule.assigneeId() : member(rule.departmentId(), rule.strategy());
                return new Decision(rule.departmentId(), assignee, rule.name());
            }
        }
        return new Decision(
                current.marketing(),
                member(current.marketing(), RoutingRule.Strategy.LEAST_LOADED),
                "default → marketing");
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(InboxSettingsChanged change) {
        if (change.routing()) {
            changes.incrementAndGet();
            cached = null;
        }
    }

    private Cached current() {
        Cached current = cached;
        if (current == null || System.nanoTime() - current.loadedAt() > CACHE_TTL.toNanos()) {
            long seen = changes.get();
            long marketing = team.departments().stream()
                    .filter(department -> "marketing".equals(department.code()))
                    .findFirst()
                    .map(DepartmentView::id)
                    .orElseThrow(() -> new IllegalStateException("the marketing department is missing"));
            current = new Cached(rules.enabled(), marketing, System.nanoTime());
            if (changes.get() == seen) {
                cached = current;
            }
        }
        return current;
    }

    /** Someone of the department who answers conversations, by the strategy; null if there is no one. */
    @Nullable
    Long member(long departmentId, RoutingRule.Strategy strategy) {
        List<MemberView> members = team.members().stream()
                .filter(member -> member.active() && Long.valueOf(departmentId).equals(member.departmentId()))
                .filter(member ->
                        member.role() == Role.RESPONDER || member.role() == Role.MARKETER || member.role() == Role.LEAD)
                .toList();
        if (members.isEmpty()) {
            return null;
        }
        Comparator<MemberView> order = strategy == RoutingRule.Strategy.LEAST_LOADED
                ? Comparator.comparingLong((MemberView member) -> records.openLoad(member.id()))
                : Comparator.comparingLong((MemberView member) -> records.lastAssigned(member.id(), departmentId));
        return members.stream()
                .min(order.thenComparingLong(MemberView::id))
                .orElseThrow()
                .id();
    }
}
