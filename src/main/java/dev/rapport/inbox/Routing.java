package dev.rapport.inbox;

import dev.rapport.inbox.domain.InboxRecords;
import dev.rapport.inbox.domain.RoutingRuleRecords;
import dev.rapport.team.DepartmentView;
import dev.rapport.team.MemberView;
import dev.rapport.team.Role;
import dev.rapport.team.TeamEvents;
import dev.rapport.team.TeamManagement;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
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

    /**
     * How long the members' loads, once counted, are counted on in memory across readings of the
     * rules: counting every open conversation of a department's members takes a while with hundreds
     * of thousands open (a fifth of a second on H2), and each rule reading every 5 s did it again
     * while the pages being routed waited. Conversations other nodes give out and members close are
     * seen within this time; a member or rule change starts afresh at once.
     */
    static final Duration SPREAD_TTL = Duration.ofMinutes(1);

    /** The rules as read, and how conversations have been spread since (see {@link #route}). */
    private record Cached(List<RoutingRule> rules, long marketing, long loadedAt, Spread spread) {}

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

    /**
     * The department and person for a new conversation. The members of each department who
     * answer conversations, and how many each has been given, are read on first need and then
     * counted in memory as conversations are given out, for {@link #SPREAD_TTL} — so the
     * conversations of a page, and of the next minute, are spread as they would be one by one,
     * without counting every member's open conversations for each. What another node gives out, or
     * members close, is seen at the next reading.
     */
    public Decision route(RoutingRule.Subject subject) {
        Cached current = current();
        Spread spread = current.spread();
        synchronized (spread) {
            for (RoutingRule rule : current.rules()) {
                if (rule.matches(subject)) {
                    Long assignee = rule.assigneeId() != null
                            ? spread.given(rule.departmentId(), rule.assigneeId())
                            : member(spread, rule.departmentId(), rule.strategy());
                    return new Decision(rule.departmentId(), assignee, rule.name());
                }
            }
            return new Decision(
                    current.marketing(),
                    member(spread, current.marketing(), RoutingRule.Strategy.LEAST_LOADED),
                    "default → marketing");
        }
    }

    /** How conversations have been spread over the members since the rules were read. */
    private static final class Spread {
        @Nullable
        Map<Long, List<Long>> membersByDepartment;
        /** Least-loaded: open conversations per member. */
        final Map<Long, Long> load = new HashMap<>();
        /** Round-robin, per department: the newest conversation given to each member. */
        final Map<Long, Map<Long, Long>> lastGiven = new HashMap<>();
        /** Turns given out here come after every conversation already given. */
        long turn = Long.MAX_VALUE / 2;
        /** When the loads began to be counted ({@link System#nanoTime()}). */
        final long since = System.nanoTime();

        Long given(long departmentId, long member) {
            load.computeIfPresent(member, (id, open) -> open + 1);
            Map<Long, Long> last = lastGiven.get(departmentId);
            if (last != null) {
                last.put(member, ++turn);
            }
            return member;
        }
    }

    /** Someone of the department who answers conversations, by the strategy; null if there is no one. */
    private @Nullable Long member(Spread spread, long departmentId, RoutingRule.Strategy strategy) {
        List<Long> members = members(spread, departmentId);
        if (members.isEmpty()) {
            return null;
        }
        Map<Long, Long> order = strategy == RoutingRule.Strategy.LEAST_LOADED
                ? load(spread, members)
                : spread.lastGiven.computeIfAbsent(
                        departmentId, department -> new HashMap<>(records.lastAssigned(members, department)));
        long chosen = members.stream()
                .min(Comparator.comparingLong((Long member) -> order.getOrDefault(member, 0L))
                        .thenComparingLong(member -> member))
                .orElseThrow();
        return spread.given(departmentId, chosen);
    }

    private List<Long> members(Spread spread, long departmentId) {
        Map<Long, List<Long>> byDepartment = spread.membersByDepartment;
        if (byDepartment == null) {
            byDepartment = team.members().stream()
                    .filter(member -> member.active() && member.departmentId() != null)
                    .filter(member -> member.role() == Role.RESPONDER
                            || member.role() == Role.MARKETER
                            || member.role() == Role.LEAD)
                    .collect(Collectors.groupingBy(
                            member -> Objects.requireNonNull(member.departmentId()),
                            Collectors.mapping(MemberView::id, Collectors.toList())));
            spread.membersByDepartment = byDepartment;
        }
        return byDepartment.getOrDefault(departmentId, List.of());
    }

    private Map<Long, Long> load(Spread spread, List<Long> members) {
        if (!spread.load.keySet().containsAll(members)) {
            Map<Long, Long> open = records.openLoads(members);
            members.forEach(member -> spread.load.putIfAbsent(member, open.getOrDefault(member, 0L)));
        }
        return spread.load;
    }

    /** A member who joins, leaves, or changes department or role is routed to (or not) at once. */
    @TransactionalEventListener(fallbackExecution = true)
    void on(TeamEvents.MemberChanged change) {
        forget();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(TeamEvents.MemberRoleChanged change) {
        forget();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(TeamEvents.MemberDeactivated change) {
        forget();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(TeamEvents.MemberReactivated change) {
        forget();
    }

    private void forget() {
        changes.incrementAndGet();
        cached = null;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(InboxSettingsChanged change) {
        if (change.routing()) {
            forget();
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
            Spread spread = current != null && System.nanoTime() - current.spread().since < SPREAD_TTL.toNanos()
                    ? current.spread()
                    : new Spread();
            current = new Cached(rules.enabled(), marketing, System.nanoTime(), spread);
            if (changes.get() == seen) {
                cached = current;
            }
        }
        return current;
    }
}
