package dev.rapport.inbox;

import dev.rapport.inbox.classification.Intent;
import dev.rapport.inbox.classification.Sentiment;
import dev.rapport.inbox.domain.InboxRecords;
import dev.rapport.team.DepartmentView;
import dev.rapport.team.MemberView;
import dev.rapport.team.Role;
import dev.rapport.team.TeamManagement;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

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

    private final JdbcClient jdbc;
    private final InboxRecords records;
    private final TeamManagement team;

    Routing(JdbcClient jdbc, InboxRecords records, TeamManagement team) {
        this.jdbc = jdbc;
        this.records = records;
        this.team = team;
    }

    public List<RoutingRule> rules() {
        return jdbc.sql("SELECT * FROM routing_rule WHERE enabled = TRUE ORDER BY position, id")
                .query((rs, row) -> new RoutingRule(
                        rs.getLong("id"),
                        rs.getInt("position"),
                        rs.getString("name"),
                        set(rs.getString("intents"), Intent::valueOf),
                        set(rs.getString("sentiments"), Sentiment::valueOf),
                        set(rs.getString("networks"), Function.identity()),
                        set(rs.getString("account_ids"), Long::valueOf),
                        List.copyOf(set(rs.getString("keywords"), Function.identity())),
                        set(rs.getString("languages"), Function.identity()),
                        rs.getString("author"),
                        rs.getLong("department_id"),
                        rs.getObject("assignee_id", Long.class),
                        RoutingRule.Strategy.valueOf(rs.getString("strategy"))))
                .list();
    }

    public Decision route(RoutingRule.Subject subject) {
        for (RoutingRule rule : rules()) {
            if (rule.matches(subject)) {
                Long assignee =
                        rule.assigneeId() != null ? rule.assigneeId() : member(rule.departmentId(), rule.strategy());
                return new Decision(rule.departmentId(), assignee, rule.name());
            }
        }
        long marketing = team.departments().stream()
                .filter(department -> "marketing".equals(department.code()))
                .findFirst()
                .map(DepartmentView::id)
                .orElseThrow(() -> new IllegalStateException("the marketing department is missing"));
        return new Decision(marketing, member(marketing, RoutingRule.Strategy.LEAST_LOADED), "default → marketing");
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

    private static <T> Set<T> set(@Nullable String csv, Function<String, T> parse) {
        if (csv == null || csv.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(csv.split(","))
                .map(String::strip)
                .filter(value -> !value.isEmpty())
                .map(parse)
                .collect(Collectors.toUnmodifiableSet());
    }
}
