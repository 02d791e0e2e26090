package dev.rapport.publishing;

import dev.rapport.accounts.AccountManagement;
import dev.rapport.accounts.AccountView;
import dev.rapport.content.ContentType;
import dev.rapport.core.Refusal;
import dev.rapport.publishing.domain.PostRecords;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The content calendar: every planned or published variant of the accounts a member can see, in a
 * range, with filters; and the content mix of a period against the workspace's limits — the
 * promotional share (the article: talk about the audience, not yourself) and, per account, the
 * share of posts that read as automated.
 *
 * <p>A variant sits on the calendar at its scheduled time (a published one shows when it went out).
 * A period of a busy workspace holds more variants than anyone reads, so the entries come in pages
 * and the days of the grid show their first few and a count; the counts and the mix are computed by
 * the database from one index, without reading texts.
 */
@Service
public class Calendar {

    /** The longest range one request may ask for: a month view with its surrounding days. */
    public static final Duration MAX_RANGE = Duration.ofDays(45);

    /** Entries per page when the caller does not say, and at most. */
    public static final int DEFAULT_LIMIT = 1000;

    public static final int MAX_LIMIT = 5000;

    /** What to show. Empty sets and nulls mean "all". */
    public record Filter(
            Set<Long> accountIds,
            @Nullable String network,
            @Nullable Long campaignId,
            @Nullable VariantState state,
            @Nullable ContentType contentType) {

        public static Filter none() {
            return new Filter(Set.of(), null, null, null, null);
        }
    }

    /** Where the next page starts: after this schedule time and variant. */
    public record Cursor(Instant at, long variantId) {

        public String token() {
            return at.toEpochMilli() + "-" + variantId;
        }

        public static Cursor parse(String token) {
            String[] parts = token.split("-", 2);
            try {
                return new Cursor(Instant.ofEpochMilli(Long.parseLong(parts[0])), Long.parseLong(parts[1]));
            } catch (RuntimeException e) {
                throw Refusal.invalid("calendar.cursor-invalid", token);
            }
        }
    }

    /** Entries in schedule order, and where the next page starts (null on the last page). */
    public record Page(
            List<CalendarEntry> entries, @Nullable Cursor next) {}

    /**
     * Variants of a day counted at most: a busy workspace's unfiltered month holds thousands a day,
     * and a grid cell only needs to say there are many more.
     */
    public static final int DAY_COUNT_LIMIT = 100;

    /**
     * A day of the grid: how many variants it holds (at most {@link #DAY_COUNT_LIMIT}) and the first
     * of them.
     */
    public record Day(LocalDate date, int count, List<CalendarEntry> first) {

        public int more() {
            return count - first.size();
        }

        /** True when the day holds at least {@link #DAY_COUNT_LIMIT} variants: {@link #more()} is a floor. */
        public boolean countLimited() {
            return count >= DAY_COUNT_LIMIT;
        }
    }

    /**
     * The mix of a period.
     *
     * @param counts committed variants (scheduled, publishing, published, unknown) per content type
     * @param promotionalShare percent of them that are promotional
     * @param accounts per account: its posts and the share that reads as automated
     */
    public record Mix(
            Map<ContentType, Integer> counts,
            int total,
            int promotionalShare,
            int promotionalMax,
            boolean promotionalOver,
            List<AccountMix> accounts,
            int automationMax) {}

    public record AccountMix(
            long accountId, String handle, String network, int posts, int automatedShare, boolean over) {}

    /** The variant's own columns: the queries stay on the schedule index; campaigns come after. */
    private static final String ENTRY_COLUMNS = """
            v.id, v.post_id, v.account_id, v.network, v.state, v.text, v.proposed_text, v.content_type,
            v.scheduled_at, COALESCE(v.published_at, v.scheduled_at) AS at FROM post_variant v""";

    private final JdbcClient jdbc;
    private final PostRecords records;
    private final AccountManagement accounts;
    private final PublishingRules rules;

    Calendar(JdbcClient jdbc, PostRecords records, AccountManagement accounts, PublishingRules rules) {
        this.jdbc = jdbc;
        this.records = records;
        this.accounts = accounts;
        this.rules = rules;
    }

    /** The workspace's campaigns by name, to filter the calendar by. */
    @Transactional(readOnly = true)
    public List<Campaign> campaigns() {
        return records.campaigns();
    }

    /** A page of the range's entries, in schedule order. */
    @Transactional(readOnly = true)
    public Page entries(Instant from, Instant to, Filter filter, int limit, @Nullable Cursor after) {
        requireRange(from, to);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw Refusal.invalid("calendar.limit-invalid", MAX_LIMIT);
        }
        Scope scope = scope(filter);
        if (scope.accounts().isEmpty()) {
            return new Page(List.of(), null);
        }
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT ").append(ENTRY_COLUMNS).append(" WHERE ");
        if (after == null) {
            sql.append(range(from, to, params));
        } else {
            // The leading bound alone starts the index range at the cursor; the OR then only skips
            // the rows of the cursor's own instant already sent.
            sql.append("v.scheduled_at >= ? AND (v.scheduled_at > ? OR v.id > ?) AND v.scheduled_at < ?");
            params.add(utc(after.at()));
            params.add(utc(after.at()));
            params.add(after.variantId());
            params.add(utc(to));
        }
        sql.append(scope.conditions(params))
                .append(" ORDER BY ")
                .append(scope.order())
                .append(" FETCH FIRST ? ROWS ONLY");
        params.add(limit + 1);
        List<CalendarEntry> entries = withCampaigns(jdbc.sql(sql.toString())
                .params(params)
                .query((rs, row) -> entry(rs, scope))
                .list());
        if (entries.size() <= limit) {
            return new Page(entries, null);
        }
        CalendarEntry last = entries.get(limit - 1);
        return new Page(entries.subList(0, limit), new Cursor(last.scheduledAt(), last.variantId()));
    }

    /**
     * The days of a grid in a time zone, each with its count and its first {@code perDay} entries:
     * one statement for the first entries of every day, one more to count (up to {@link
     * #DAY_COUNT_LIMIT}) the days that hold more.
     */
    @Transactional(readOnly = true)
    public Map<LocalDate, Day> days(LocalDate first, LocalDate last, ZoneId zone, Filter filter, int perDay) {
        requireRange(
                first.atStartOfDay(zone).toInstant(),
                last.plusDays(1).atStartOfDay(zone).toInstant());
        Scope scope = scope(filter);
        List<LocalDate> dates = first.datesUntil(last.plusDays(1)).toList();
        Map<LocalDate, List<CalendarEntry>> firsts = new HashMap<>();
        if (!scope.accounts().isEmpty()) {
            List<Object> params = new ArrayList<>();
            String sql = dates.stream()
                    .map(date -> "(SELECT " + ENTRY_COLUMNS + " WHERE " + day(date, zone, params)
                            + scope.conditions(params) + " ORDER BY " + scope.order() + " FETCH FIRST " + (perDay + 1)
                            + " ROWS ONLY)")
                    .collect(Collectors.collectingAndThen(Collectors.toList(), Calendar::unionAll));
            withCampaigns(jdbc.sql(sql)
                            .params(params)
                            .query((rs, row) -> entry(rs, scope))
                            .list())
                    .forEach(entry -> firsts.computeIfAbsent(
                                    entry.scheduledAt().atZone(zone).toLocalDate(), date -> new ArrayList<>())
                            .add(entry));
            // A union promises no order: each day's first are put back in schedule order.
            firsts.values()
                    .forEach(day -> day.sort(Comparator.comparing(CalendarEntry::scheduledAt)
                            .thenComparingLong(CalendarEntry::variantId)));
        }
        List<LocalDate> full = dates.stream()
                .filter(date -> firsts.getOrDefault(date, List.of()).size() > perDay)
                .toList();
        Map<LocalDate, Integer> counts = new HashMap<>();
        if (!full.isEmpty()) {
            List<Object> params = new ArrayList<>();
            String sql = full.stream()
                    .map(date -> "(SELECT '" + date + "' AS on_day, COUNT(*) AS n FROM (SELECT v.id FROM post_variant v"
                            + " WHERE " + day(date, zone, params) + scope.conditions(params) + " FETCH FIRST "
                            + DAY_COUNT_LIMIT + " ROWS ONLY) AS counted)")
                    .collect(Collectors.collectingAndThen(Collectors.toList(), Calendar::unionAll));
            jdbc.sql(sql)
                    .params(params)
                    .query((rs, row) -> counts.put(LocalDate.parse(rs.getString("on_day")), rs.getInt("n")))
                    .list();
        }
        Map<LocalDate, Day> days = new LinkedHashMap<>();
        for (LocalDate date : dates) {
            List<CalendarEntry> entries = firsts.getOrDefault(date, List.of());
            List<CalendarEntry> shown = entries.subList(0, Math.min(perDay, entries.size()));
            days.put(date, new Day(date, counts.getOrDefault(date, entries.size()), List.copyOf(shown)));
        }
        return days;
    }

    /** The content mix of what is planned or out in the range, against the workspace's limits. */
    @Transactional(readOnly = true)
    public Mix mix(Instant from, Instant to, Filter filter) {
        requireRange(from, to);
        Scope scope = scope(filter);
        Map<ContentType, Integer> counts = new EnumMap<>(ContentType.class);
        for (ContentType type : ContentType.values()) {
            counts.put(type, 0);
        }
        Map<Long, int[]> perAccount = new HashMap<>();
        if (!scope.accounts().isEmpty()) {
            List<Object> params = new ArrayList<>();
            String sql = "SELECT v.account_id, v.state, v.content_type, v.automated, COUNT(*) AS n FROM post_variant v"
                    + " WHERE " + range(from, to, params) + scope.conditions(params)
                    + " GROUP BY v.account_id, v.state, v.content_type, v.automated";
            jdbc.sql(sql)
                    .params(params)
                    .query((rs, row) -> {
                        if (VariantState.valueOf(rs.getString("state")).committed()) {
                            int n = rs.getInt("n");
                            counts.merge(ContentType.valueOf(rs.getString("content_type")), n, Integer::sum);
                            int[] account = perAccount.computeIfAbsent(rs.getLong("account_id"), id -> new int[2]);
                            account[0] += n;
                            account[1] += rs.getBoolean("automated") ? n : 0;
                        }
                        return row;
                    })
                    .list();
        }
        PublishingRules.Rules limits = rules.rules();
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        int promotional = percent(counts.get(ContentType.PROMOTIONAL), total);
        List<AccountMix> mixes = new ArrayList<>();
        perAccount.forEach((accountId, posts) -> {
            AccountView account = scope.accounts().get(accountId);
            int automated = percent(posts[1], posts[0]);
            mixes.add(new AccountMix(
                    accountId,
                    account.handle(),
                    account.network(),
                    posts[0],
                    automated,
                    automated > limits.automationMax()));
        });
        mixes.sort(Comparator.comparing(AccountMix::handle));
        return new Mix(
                counts,
                total,
                promotional,
                limits.promotionalMax(),
                total > 0 && promotional > limits.promotionalMax(),
                mixes,
                limits.automationMax());
    }

    /**
     * The accounts a query may show (the member's, narrowed by the filter) and the filter's other
     * conditions. When the member sees every account and the filter names none, the accounts are no
     * condition at all, so the schedule index serves the whole range.
     */
    private record Scope(Map<Long, AccountView> accounts, boolean everyAccount, Filter filter) {

        /**
         * Schedule order. For one account it is spelt with the account first, which changes nothing
         * but lets the embedded database read the (account_id, scheduled_at) index in order and stop
         * at the rows asked for, instead of reading and sorting all of the account's rows in range.
         */
        String order() {
            return !everyAccount && accounts.size() == 1
                    ? "v.account_id, v.scheduled_at, v.id"
                    : "v.scheduled_at, v.id";
        }

        String conditions(List<Object> params) {
            StringBuilder sql = new StringBuilder();
            if (!everyAccount) {
                sql.append(" AND v.account_id IN (")
                        .append(String.join(", ", Collections.nCopies(accounts.size(), "?")))
                        .append(")");
                params.addAll(accounts.keySet());
            }
            if (filter.campaignId() != null) {
                sql.append(" AND v.post_id IN (SELECT id FROM post WHERE campaign_id = ?)");
                params.add(filter.campaignId());
            }
            if (filter.state() != null) {
                sql.append(" AND v.state = ?");
                params.add(filter.state().name());
            }
            if (filter.contentType() != null) {
                sql.append(" AND v.content_type = ?");
                params.add(filter.contentType().name());
            }
            return sql.toString();
        }
    }

    private Scope scope(Filter filter) {
        List<AccountView> visible = accounts.accounts();
        Map<Long, AccountView> shown = visible.stream()
                .filter(account ->
                        filter.accountIds().isEmpty() || filter.accountIds().contains(account.id()))
                .filter(account -> filter.network() == null || filter.network().equals(account.network()))
                .collect(Collectors.toMap(AccountView::id, Function.identity()));
        boolean everyAccount = shown.size() == visible.size() && accounts.seesEveryAccount();
        return new Scope(shown, everyAccount, filter);
    }

    /**
     * The parenthesised statements as one, nested as a balanced tree: the embedded database
     * materialises each UNION ALL's left side, so a chain of 42 would copy the first rows 42 times.
     */
    static String unionAll(List<String> statements) {
        if (statements.size() == 1) {
            return statements.get(0);
        }
        int half = statements.size() / 2;
        return "(" + unionAll(statements.subList(0, half)) + " UNION ALL "
                + unionAll(statements.subList(half, statements.size())) + ")";
    }

    private static String range(Instant from, Instant to, List<Object> params) {
        params.add(utc(from));
        params.add(utc(to));
        return "v.scheduled_at >= ? AND v.scheduled_at < ?";
    }

    private static String day(LocalDate date, ZoneId zone, List<Object> params) {
        return range(
                date.atStartOfDay(zone).toInstant(),
                date.plusDays(1).atStartOfDay(zone).toInstant(),
                params);
    }

    /** The entries with their post's campaign, read in one statement. */
    private List<CalendarEntry> withCampaigns(List<CalendarEntry> entries) {
        if (entries.isEmpty()) {
            return entries;
        }
        Set<Long> posts = entries.stream().map(CalendarEntry::postId).collect(Collectors.toSet());
        Map<Long, Object[]> campaigns = new HashMap<>();
        jdbc.sql(
                        "SELECT p.id, p.campaign_id, c.name FROM post p JOIN campaign c ON c.id = p.campaign_id WHERE p.id IN ("
                                + String.join(", ", Collections.nCopies(posts.size(), "?")) + ")")
                .params(new ArrayList<Object>(posts))
                .query((rs, row) -> campaigns.put(rs.getLong(1), new Object[] {rs.getLong(2), rs.getString(3)}))
                .list();
        return entries.stream()
                .map(entry -> {
                    Object[] campaign = campaigns.get(entry.postId());
                    return campaign == null
                            ? entry
                            : new CalendarEntry(
                                    entry.variantId(),
                                    entry.postId(),
                                    entry.accountId(),
                                    entry.network(),
                                    entry.handle(),
                                    entry.state(),
                                    entry.contentType(),
                                    (Long) campaign[0],
                                    (String) campaign[1],
                                    entry.at(),
                                    entry.scheduledAt(),
                                    entry.excerpt(),
                                    entry.edited());
                })
                .toList();
    }

    private static CalendarEntry entry(ResultSet rs, Scope scope) throws SQLException {
        AccountView account = scope.accounts().get(rs.getLong("account_id"));
        String text = rs.getString("text");
        return new CalendarEntry(
                rs.getLong("id"),
                rs.getLong("post_id"),
                account.id(),
                rs.getString("network"),
                account.handle(),
                VariantState.valueOf(rs.getString("state")),
                ContentType.valueOf(rs.getString("content_type")),
                null,
                null,
                instant(rs, "at"),
                instant(rs, "scheduled_at"),
                text.length() <= 80 ? text : text.substring(0, 79) + "…",
                !text.equals(rs.getString("proposed_text")));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at.toInstant();
    }

    private static void requireRange(Instant from, Instant to) {
        if (!from.isBefore(to) || Duration.between(from, to).compareTo(MAX_RANGE) > 0) {
            throw Refusal.invalid("calendar.range-invalid", MAX_RANGE.toDays());
        }
    }

    private static Object utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static int percent(int part, int whole) {
        return whole == 0 ? 0 : (int) Math.round(100.0 * part / whole);
    }
}
