package dev.rapport.inbox;

import dev.rapport.core.Refusal;
import dev.rapport.core.WorkspaceZone;
import dev.rapport.team.Actor;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whether the team is really in the conversation, in numbers: of the conversations that began in a
 * period, how many were answered, how fast (median and 90th percentile of the first response), how
 * many are past their target or still unanswered — overall and per department, account, network
 * and person.
 */
@Service
public class InboxMetrics {

    /**
     * @param responseRate percent of conversations answered (closed as spam or abuse do not count)
     * @param medianFirstResponse null when none was answered
     */
    public record Figures(
            String group,
            int conversations,
            int answered,
            int responseRate,
            @Nullable Duration medianFirstResponse,
            @Nullable Duration p90FirstResponse,
            int pastTarget,
            int unanswered) {}

    /**
     * @param over the figures per day of the period (per week when it is longer than {@value
     *     #DAILY_DAYS} days), in the workspace's time zone, for the charts
     * @param comments the article's measure of conversation: of the messages people sent, how many
     *     were answered
     */
    public record Report(
            Instant from,
            Instant to,
            Figures overall,
            Map<String, List<Figures>> by,
            List<Figures> over,
            CommentsAnswered comments) {}

    /**
     * Messages received in the period (comments, replies, mentions, quotes, direct messages; not
     * those closed as spam or abuse) and how many of them a reply followed.
     */
    public record CommentsAnswered(int received, int answered, int share) {}

    /** Periods up to this many days are charted per day, longer ones per week. */
    static final int DAILY_DAYS = 62;

    private record Row(
            String department,
            String account,
            String network,
            String person,
            String state,
            @Nullable String doneReason,
            Instant firstItemAt,
            @Nullable Instant firstResponseAt,
            @Nullable Instant dueAt) {}

    private final JdbcClient jdbc;
    private final WorkspaceZone zone;

    InboxMetrics(JdbcClient jdbc, WorkspaceZone zone) {
        this.jdbc = jdbc;
        this.zone = zone;
    }

    @Transactional(readOnly = true)
    public Report report(Instant from, Instant to) {
        Actor actor = Actor.current();
        if (actor.memberId() == null) {
            throw Refusal.forbidden("error.forbidden");
        }
        if (!from.isBefore(to) || Duration.between(from, to).toDays() > 366) {
            throw Refusal.invalid("inbox.metrics-range-invalid");
        }
        List<Row> rows = jdbc.sql("""
                        SELECT COALESCE(CAST(c.department_id AS VARCHAR(20)), '-') AS department,
                            CAST(c.account_id AS VARCHAR(20)) AS account, c.network,
                            COALESCE(CAST(c.assignee_id AS VARCHAR(20)), '-') AS person, c.state, c.done_reason,
                            c.first_item_at, c.first_response_at, c.due_at
                        FROM conversation c WHERE c.first_item_at >= ? AND c.first_item_at < ?""")
                .params(from.atOffset(ZoneOffset.UTC), to.atOffset(ZoneOffset.UTC))
                .query((rs, n) -> new Row(
                        rs.getString("department"),
                        rs.getString("account"),
                        rs.getString("network"),
                        rs.getString("person"),
                        rs.getString("state"),
                        rs.getString("done_reason"),
                        rs.getTimestamp("first_item_at").toInstant(),
                        instant(rs.getTimestamp("first_response_at")),
                        instant(rs.getTimestamp("due_at"))))
                .list();
        Instant now = Instant.now();
        Map<String, List<Figures>> by = new LinkedHashMap<>();
        by.put("department", grouped(rows, Row::department, now));
        by.put("account", grouped(rows, Row::account, now));
        by.put("network", grouped(rows, Row::network, now));
        by.put("person", grouped(rows, Row::person, now));
        return new Report(from, to, figures("all", rows, now), by, over(rows, from, to, now), comments(from, to));
    }

    /** The figures per day (or week) from the period's first day to its last, empty ones included. */
    private List<Figures> over(List<Row> rows, Instant from, Instant to, Instant now) {
        ZoneId workspace = zone.zoneId();
        boolean daily = Duration.between(from, to).toDays() <= DAILY_DAYS;
        Function<Instant, LocalDate> bucket = instant -> {
            LocalDate day = instant.atZone(workspace).toLocalDate();
            return daily ? day : day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        };
        Map<LocalDate, List<Row>> byBucket = new LinkedHashMap<>();
        LocalDate last = bucket.apply(to.minusNanos(1));
        for (LocalDate start = bucket.apply(from); !start.isAfter(last); start = start.plusDays(daily ? 1 : 7)) {
            byBucket.put(start, new ArrayList<>());
        }
        rows.forEach(row -> byBucket.computeIfAbsent(bucket.apply(row.firstItemAt()), start -> new ArrayList<>())
                .add(row));
        return byBucket.entrySet().stream()
                .map(entry -> figures(entry.getKey().toString(), entry.getValue(), now))
                .toList();
    }

    private CommentsAnswered comments(Instant from, Instant to) {
        return jdbc.sql("""
                        SELECT COUNT(*) AS received, COALESCE(SUM(CASE WHEN EXISTS (
                                SELECT 1 FROM inbox_item o WHERE o.conversation_id = i.conversation_id
                                    AND o.direction = 'OUT' AND o.occurred_at >= i.occurred_at)
                            THEN 1 ELSE 0 END), 0) AS answered
                        FROM inbox_item i JOIN conversation c ON c.id = i.conversation_id
                        WHERE i.direction = 'IN' AND i.occurred_at >= ? AND i.occurred_at < ?
                            AND (c.done_reason IS NULL OR c.done_reason NOT IN ('spam', 'abuse'))""")
                .params(from.atOffset(ZoneOffset.UTC), to.atOffset(ZoneOffset.UTC))
                .query((rs, n) -> {
                    int received = rs.getInt("received");
                    int answered = rs.getInt("answered");
                    return new CommentsAnswered(
                            received, answered, received == 0 ? 0 : (int) Math.round(100.0 * answered / received));
                })
                .single();
    }

    private static List<Figures> grouped(List<Row> rows, Function<Row, String> key, Instant now) {
        Map<String, List<Row>> groups = new LinkedHashMap<>();
        rows.forEach(row ->
                groups.computeIfAbsent(key.apply(row), k -> new ArrayList<>()).add(row));
        return groups.entrySet().stream()
                .map(group -> figures(group.getKey(), group.getValue(), now))
                .sorted(Comparator.comparing(Figures::group))
                .toList();
    }

    private static Figures figures(String group, List<Row> rows, Instant now) {
        List<Row> counted = rows.stream()
                .filter(row -> !"spam".equals(row.doneReason()) && !"abuse".equals(row.doneReason()))
                .toList();
        List<Duration> responses = counted.stream()
                .filter(row -> row.firstResponseAt() != null)
                .map(row -> Duration.between(row.firstItemAt(), row.firstResponseAt()))
                .sorted()
                .toList();
        int pastTarget = (int) counted.stream()
                .filter(row -> "OPEN".equals(row.state()) && row.dueAt() != null && now.isAfter(row.dueAt()))
                .count();
        int unanswered = (int) counted.stream()
                .filter(row -> row.firstResponseAt() == null && !"DONE".equals(row.state()))
                .count();
        return new Figures(
                group,
                counted.size(),
                responses.size(),
                counted.isEmpty() ? 0 : (int) Math.round(100.0 * responses.size() / counted.size()),
                percentile(responses, 50),
                percentile(responses, 90),
                pastTarget,
                unanswered);
    }

    /** Nearest-rank percentile. */
    static @Nullable Duration percentile(List<Duration> sorted, int percent) {
        if (sorted.isEmpty()) {
            return null;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
