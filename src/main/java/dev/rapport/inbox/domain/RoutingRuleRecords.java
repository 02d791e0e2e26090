package dev.rapport.inbox.domain;

import dev.rapport.inbox.RoutingRule;
import dev.rapport.inbox.classification.Intent;
import dev.rapport.inbox.classification.Sentiment;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The {@code routing_rule} table: conditions as comma-separated lists, in {@code position} order. */
@Repository
public class RoutingRuleRecords {

    private static final String ORDER = " ORDER BY position, id";

    private final JdbcClient jdbc;

    RoutingRuleRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every rule, disabled ones too, in order. */
    public List<RoutingRule> all() {
        return jdbc.sql("SELECT * FROM routing_rule" + ORDER)
                .query(RoutingRuleRecords::rule)
                .list();
    }

    public List<RoutingRule> enabled() {
        return jdbc.sql("SELECT * FROM routing_rule WHERE enabled = TRUE" + ORDER)
                .query(RoutingRuleRecords::rule)
                .list();
    }

    public Optional<RoutingRule> find(long id) {
        return jdbc.sql("SELECT * FROM routing_rule WHERE id = ?")
                .param(id)
                .query(RoutingRuleRecords::rule)
                .optional();
    }

    public int count() {
        return jdbc.sql("SELECT COUNT(*) FROM routing_rule")
                .query(Integer.class)
                .single();
    }

    /** Adds the rule after the last one; its id and position are given by the table. */
    public long insert(RoutingRule rule) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO routing_rule (position, name, intents, sentiments, networks, account_ids, keywords,
                            languages, author, department_id, assignee_id, strategy, enabled)
                        VALUES ((SELECT COALESCE(MAX(position), 0) + 1 FROM routing_rule), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""").params(values(rule)).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    /** Changes everything but the rule's place. */
    public void update(RoutingRule rule) {
        List<Object> values = new ArrayList<>(values(rule));
        values.add(rule.id());
        jdbc.sql("""
                        UPDATE routing_rule SET name = ?, intents = ?, sentiments = ?, networks = ?, account_ids = ?,
                            keywords = ?, languages = ?, author = ?, department_id = ?, assignee_id = ?, strategy = ?,
                            enabled = ?
                        WHERE id = ?""").params(values).update();
    }

    public void enable(long id, boolean enabled) {
        jdbc.sql("UPDATE routing_rule SET enabled = ? WHERE id = ?")
                .params(enabled, id)
                .update();
    }

    public void place(long id, int position) {
        jdbc.sql("UPDATE routing_rule SET position = ? WHERE id = ?")
                .params(position, id)
                .update();
    }

    public void delete(long id) {
        jdbc.sql("DELETE FROM routing_rule WHERE id = ?").param(id).update();
    }

    private static List<Object> values(RoutingRule rule) {
        return Arrays.asList(
                rule.name(),
                csv(rule.intents().stream().map(Intent::name).sorted().toList()),
                csv(rule.sentiments().stream().map(Sentiment::name).sorted().toList()),
                csv(rule.networks().stream().sorted().toList()),
                csv(rule.accountIds().stream().sorted().map(String::valueOf).toList()),
                csv(rule.keywords()),
                csv(rule.languages().stream().sorted().toList()),
                rule.author(),
                rule.departmentId(),
                rule.assigneeId(),
                rule.strategy().name(),
                rule.enabled());
    }

    private static RoutingRule rule(ResultSet rs, int row) throws SQLException {
        return new RoutingRule(
                rs.getLong("id"),
                rs.getInt("position"),
                rs.getString("name"),
                set(rs.getString("intents"), Intent::valueOf),
                set(rs.getString("sentiments"), Sentiment::valueOf),
                set(rs.getString("networks"), Function.identity()),
                set(rs.getString("account_ids"), Long::valueOf),
                list(rs.getString("keywords")),
                set(rs.getString("languages"), Function.identity()),
                rs.getString("author"),
                rs.getLong("department_id"),
                rs.getObject("assignee_id", Long.class),
                RoutingRule.Strategy.valueOf(rs.getString("strategy")),
                rs.getBoolean("enabled"));
    }

    private static String csv(Collection<String> values) {
        return String.join(",", values);
    }

    private static List<String> list(@Nullable String csv) {
        if (csv == null || csv.isBlank()) {
            return List.of();
        }
        return Arrays.stream(csv.split(","))
                .map(String::strip)
                .filter(value -> !value.isEmpty())
                .toList();
    }

    private static <T> Set<T> set(@Nullable String csv, Function<String, T> parse) {
        return list(csv).stream().map(parse).collect(Collectors.toUnmodifiableSet());
    }
}
