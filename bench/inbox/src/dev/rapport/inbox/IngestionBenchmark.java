package dev.rapport.inbox;

import dev.rapport.Rapport;
import dev.rapport.accounts.AccountManagement;
import dev.rapport.accounts.AccountView;
import dev.rapport.connectors.spi.InboundItem;
import dev.rapport.core.EmbeddedStoreCompaction;
import dev.rapport.inbox.classification.Classifier;
import dev.rapport.team.Commands.InviteMember;
import dev.rapport.team.DepartmentView;
import dev.rapport.team.Invited;
import dev.rapport.team.MemberView;
import dev.rapport.team.Role;
import dev.rapport.team.TeamManagement;
import java.io.BufferedReader;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 7's inbox targets, measured on the real application started in this JVM (embedded H2 in a
 * fresh data directory, or a PostgreSQL database with {@code --postgres-url}):
 *
 * <ol>
 *   <li>{@code ingest}: N deterministic interactions (mixed Chinese and English comments, replies,
 *       mentions and direct messages from the labelled inbox corpus, ~10% likes, reposts and follows,
 *       follow-ups in existing threads, ~1% second deliveries) taken through the public facade
 *       {@link Ingestion#ingest(AccountView, List)} in pages of 100 per account, as a network page
 *       arrives, from {@code --threads} threads (each thread its own accounts). Wall time, items/s,
 *       per-page percentiles; then the database is reconciled with what was generated — exit code 1
 *       if anything is missing, doubled or unrouted.
 *   <li>{@code page}: {@code GET /inbox} (the admin's queue of every department, a billing
 *       responder's department queue, the admin filtered to one department), the page's live update
 *       {@code GET /inbox/list}, and {@code GET /api/v1/inbox} with a personal access token, over
 *       HTTP on loopback with a signed-in browser session; client-measured percentiles.
 * </ol>
 *
 * <p>Lives in {@code dev.rapport.inbox} for {@link Ingestion} only; everything else goes through
 * public facades (accounts and tokens through the REST API, members through {@link TeamManagement}).
 *
 * <p>Options ({@code --name=value}): items (100000), accounts (20), threads (4: the poller takes
 * {@link Ingestion#ACCOUNTS_AT_ONCE} accounts at a time), page-size (100),
 * responders (per department, 2), warmup (interactions on accounts of their own before measuring,
 * 300000: see {@link #WARMUP}), requests (200), page-warmup (20), scenarios (ingest,page), seed (2026), corpus (the
 * labelled inbox items, TSV), reuse (an H2 data directory kept by an earlier run with --keep: page
 * only), keep (keep the H2 data directory), escalation (false: the escalation task off),
 * postgres-url / postgres-user / postgres-password, no-analyze (PostgreSQL: no ANALYZE after the
 * warm-up, as on a fresh installation in its first minute), settle (H2: seconds to stay idle at the
 * end, reporting the file every 30 s as its compaction goes on; 0).
 */
public final class IngestionBenchmark {

    static final String ADMIN_EMAIL = "admin@inbox-bench.rapport.test";
    static final String PASSWORD = "Inbox-harbour-lantern-4242";
    static final String BILLING_EMAIL = "billing-1@inbox-bench.rapport.test";
    static final String ACCOUNT_PREFIX = "inbox-bench-";
    /**
     * Interactions ingested before measuring. On two cores the JIT compiler is still busy with this
     * code after 100,000 (it compiled for 14–18 s of a 25-second run, a core taken from ingestion); after
     * 300,000 it compiled for 2 s, as in a server that has been running a few minutes. The tables the
     * run then writes hold the warm-up's rows too, which makes the run no easier.
     */
    static final int WARMUP = 300_000;

    static final String WARM_PREFIX = "inbox-warm-";
    static final String AUTHOR_PREFIX = "bench-u";
    static final String WARM_AUTHOR_PREFIX = "warm-u";
    static final List<String> DEPARTMENTS = List.of("billing", "support", "sales", "production", "marketing");

    static final Map<String, String> options = new HashMap<>();

    static String opt(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    static int num(String name, int fallback) {
        return Integer.parseInt(opt(name, String.valueOf(fallback)));
    }

    static boolean wanted(String scenario) {
        return Arrays.asList(opt("scenarios", "ingest,page").split(",")).contains(scenario);
    }

    public static void main(String[] args) throws Exception {
        for (String arg : args) {
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("expected --name=value, got " + arg);
            }
            String[] kv = arg.substring(2).split("=", 2);
            options.put(kv[0], kv.length > 1 ? kv[1] : "true");
        }
        boolean reuse = options.containsKey("reuse");
        String pgUrl = options.get("postgres-url");
        if (reuse && pgUrl != null) {
            throw new IllegalArgumentException("--reuse is for an H2 data directory; --postgres starts an empty cluster");
        }
        Path dataDir = reuse ? Path.of(options.get("reuse")) : Files.createTempDirectory("rapport-inbox-bench-");
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("rapport.data-dir", dataDir.toString());
        properties.put("rapport.admin.email", ADMIN_EMAIL);
        properties.put("rapport.admin.password", PASSWORD);
        properties.put("rapport.admin.name", "Bench Admin");
        // Only the benchmark's interactions: the sandbox's simulated audience is not polled in.
        properties.put("rapport.inbox.polling", "false");
        // Escalation off unless asked for: a slow run would make its first conversations overdue, and
        // the escalation task would then work through thousands of them during the measurements.
        properties.put("rapport.inbox.escalation", opt("escalation", "false"));
        properties.put("logging.level.root", "warn");
        properties.put("spring.main.banner-mode", "off");
        properties.put("server.port", "0");
        if (pgUrl != null) {
            properties.put("spring.datasource.url", pgUrl);
            properties.put("spring.datasource.username", opt("postgres-user", "rapport"));
            properties.put("spring.datasource.password", opt("postgres-password", "rapport-bench"));
        }
        System.out.printf("database: %s%n", pgUrl != null ? "PostgreSQL " + pgUrl : "H2 in " + dataDir);
        long startup = System.nanoTime();
        ConfigurableApplicationContext context = new SpringApplicationBuilder(Rapport.class)
                .web(WebApplicationType.SERVLET)
                // As command-line arguments, above application.properties (see PublishBenchmark).
                .run(properties.entrySet().stream()
                        .map(property -> "--" + property.getKey() + "=" + property.getValue())
                        .toArray(String[]::new));
        int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
        System.out.printf("context started in %d ms, HTTP on port %d%n", ms(System.nanoTime() - startup), port);
        boolean ok = true;
        try {
            Setup setup = reuse ? Setup.find(context) : Setup.create(context, port);
            if (wanted("ingest")) {
                if (reuse) {
                    System.out.println("--reuse: the interactions are in place; ingest skipped");
                } else {
                    ok = ingest(context, setup);
                }
            }
            if (wanted("page")) {
                measurePages(context, setup, port);
                reportFile(context, "after the pages were measured");
            }
            int settle = num("settle", 0);
            for (int idle = 30; idle <= settle; idle += 30) {
                Thread.sleep(30_000);
                reportFile(context, "after " + idle + " s idle");
            }
        } finally {
            context.close();
            if (!reuse) {
                if (options.containsKey("keep") && pgUrl == null) {
                    System.out.printf("%ndata directory kept: %s (measure again with --reuse=%s)%n", dataDir, dataDir);
                } else {
                    deleteTree(dataDir);
                }
            }
        }
        if (!ok) {
            System.out.println("RECONCILIATION FAILED");
            System.exit(1);
        }
    }

    // ---------------------------------------------------------------- workspace

    /** The benchmark's accounts, the departments and the members who answer. */
    record Setup(List<AccountView> accounts, List<AccountView> warmAccounts, Map<String, Long> departments) {

        static Setup create(ConfigurableApplicationContext context, int port) {
            TeamManagement team = context.getBean(TeamManagement.class);
            AccountManagement accounts = context.getBean(AccountManagement.class);
            long adminId = team.memberByEmail(ADMIN_EMAIL).orElseThrow().id();
            Map<String, Long> departments = departments(team);
            long t0 = System.nanoTime();
            // Members who answer conversations, in every department: routing picks the least loaded
            // or the next in turn, as in a real workspace (a department without any owns them itself).
            int responders = num("responders", 2);
            for (String code : DEPARTMENTS) {
                for (int i = 1; i <= responders; i++) {
                    Invited invited = team.invite(new InviteMember(
                            "Bench " + code + " " + i,
                            code + "-" + i + "@inbox-bench.rapport.test",
                            Role.RESPONDER,
                            departments.get(code),
                            i % 2 == 0 ? "zh-CN" : "en"));
                    team.acceptInvitation(invited.token(), PASSWORD);
                }
            }
            if (responders == 0) { // the billing responder of the page scenario
                Invited invited = team.invite(
                        new InviteMember("Bench billing 1", BILLING_EMAIL, Role.RESPONDER, departments.get("billing"), "en"));
                team.acceptInvitation(invited.token(), PASSWORD);
            }
            // Accounts as members make them (requested, approved), connected to the sandbox network.
            Api api = new Api(port, ADMIN_EMAIL, PASSWORD);
            List<AccountView> bench = new ArrayList<>();
            for (int i = 0; i < num("accounts", 20); i++) {
                bench.add(accounts.find(api.sandboxAccount(ACCOUNT_PREFIX + i, adminId)).orElseThrow());
            }
            List<AccountView> warm = new ArrayList<>();
            if (num("warmup", WARMUP) > 0) {
                // One per ingesting thread: the warm-up runs what the run runs, every thread busy.
                for (int i = 0; i < num("threads", Ingestion.ACCOUNTS_AT_ONCE); i++) {
                    warm.add(accounts.find(api.sandboxAccount(WARM_PREFIX + i, adminId)).orElseThrow());
                }
            }
            System.out.printf(
                    "%d accounts (+%d for the warm-up), %d responders per department, made in %d ms%n",
                    bench.size(), warm.size(), responders, ms(System.nanoTime() - t0));
            return new Setup(bench, warm, departments);
        }

        static Setup find(ConfigurableApplicationContext context) {
            AccountManagement accounts = context.getBean(AccountManagement.class);
            List<AccountView> bench = accounts.inUse().stream()
                    .filter(account -> account.handle().startsWith(ACCOUNT_PREFIX))
                    .sorted(Comparator.comparingLong(AccountView::id))
                    .toList();
            System.out.printf("--reuse: %d benchmark accounts found%n", bench.size());
            return new Setup(bench, List.of(), departments(context.getBean(TeamManagement.class)));
        }

        static Map<String, Long> departments(TeamManagement team) {
            return team.departments().stream()
                    .filter(department -> department.code() != null)
                    .collect(Collectors.toMap(DepartmentView::code, DepartmentView::id));
        }
    }

    // ---------------------------------------------------------------- ingestion

    static boolean ingest(ConfigurableApplicationContext context, Setup setup) throws Exception {
        Ingestion ingestion = context.getBean(Ingestion.class);
        int items = num("items", 100_000);
        int pageSize = num("page-size", 100);
        int threads = num("threads", Ingestion.ACCOUNTS_AT_ONCE);
        long seed = Long.parseLong(opt("seed", "2026"));
        Corpus corpus = Corpus.read(Path.of(opt("corpus", "src/test/resources/inbox/labelled.tsv")));

        int warmup = num("warmup", WARMUP);
        if (warmup > 0) {
            Traffic warm = Traffic.generate(corpus, setup.warmAccounts(), warmup, pageSize, seed + 1,
                    WARM_AUTHOR_PREFIX, "warm-", Instant.now().minusSeconds(1800));
            long t0 = System.nanoTime();
            Run run = feed(ingestion, warm, threads);
            System.out.printf("warm-up: %,d interactions on %d accounts of their own in %d ms%s%n", warmup,
                    setup.warmAccounts().size(), ms(System.nanoTime() - t0),
                    run.failures.isEmpty() ? "" : " (" + run.failures.size() + " pages failed)");
        }
        if (options.containsKey("postgres-url") && !options.containsKey("no-analyze")) {
            // The statistics a running installation has (autovacuum analyses a table after each 10%
            // of growth, within a minute): plans kept since the tables were created empty, a few
            // seconds ago, would scan them for each key. --no-analyze measures a fresh install.
            long a0 = System.nanoTime();
            JdbcClient.create(context.getBean(DataSource.class)).sql("ANALYZE").update();
            System.out.printf("ANALYZE (PostgreSQL) in %d ms%n", ms(System.nanoTime() - a0));
        }

        long g0 = System.nanoTime();
        // Times: the last 20 minutes or so, as if each had just arrived; all due an hour or more later.
        Traffic traffic = Traffic.generate(corpus, setup.accounts(), items, pageSize, seed, AUTHOR_PREFIX, "bi-",
                Instant.now().minusSeconds(1200));
        System.out.printf("generated %,d interactions in %d ms: %s%n", items, ms(System.nanoTime() - g0),
                traffic.describe());

        System.gc();
        long gcCount = gcCount();
        long gcMillis = gcMillis();
        String loadBefore = loadAverage();
        System.out.printf("%n== ingest: %,d interactions, %d accounts, pages of %d, %d thread(s); load average %s%n",
                items, setup.accounts().size(), pageSize, threads, loadBefore);
        long processCpu = processCpuNanos();
        long compiling = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
        Run run = feed(ingestion, traffic, threads);
        processCpu = processCpuNanos() - processCpu;
        compiling = ManagementFactory.getCompilationMXBean().getTotalCompilationTime() - compiling;
        long gcDuring = gcMillis() - gcMillis;
        long gcCountDuring = gcCount() - gcCount;

        long[] pages = run.pageNanos.clone();
        Arrays.sort(pages);
        double seconds = run.wallNanos / 1e9;
        System.out.printf("load average at the end: %s%n", loadAverage());
        System.out.printf("wall time: %.2f s%n", seconds);
        System.out.printf("throughput: %,.0f interactions/s (%,.0f messages/s; target: 5,000 interactions/s)%n",
                items / seconds, traffic.messages / seconds);
        System.out.printf("per page of %d (ms): p50 %.1f, p95 %.1f, p99 %.1f, max %.1f; mean per interaction %.3f ms%n",
                pageSize, pct(pages, 50), pct(pages, 95), pct(pages, 99), pct(pages, 100),
                Arrays.stream(pages).sum() / 1e6 / items);
        // Does it slow down as the tables grow? Interactions per second of each tenth of the pages.
        int tenth = Math.max(1, run.pageNanos.length / 10);
        StringBuilder tenths = new StringBuilder();
        for (int from = 0; from + tenth <= run.pageNanos.length; from += tenth) {
            long sum = 0;
            int n = 0;
            for (int p = from; p < from + tenth; p++) {
                sum += run.pageNanos[p];
                n += traffic.pages.get(p).items().size();
            }
            tenths.append(String.format(" %,.0f", n / (sum / 1e9) * threads));
        }
        System.out.printf("interactions/s by tenth of the run (per-page times, × threads):%s%n", tenths);
        System.out.printf("CPU time of the ingesting thread(s): %.2f s (%.0f%% of the wall time; the rest is waiting"
                        + " for the CPU, the disk or locks); GC during the run: %d collections, %d ms%n",
                run.cpuNanos.get() / 1e9, 100.0 * run.cpuNanos.get() / run.wallNanos / threads, gcCountDuring, gcDuring);

        // Steadier than the throughput on a small, shared machine: what the run cost the whole process
        // (ingesting and reading threads, the database, GC and JIT), per interaction.
        System.out.printf("CPU time of the process: %.2f s, %.0f µs per interaction (%d cores: %,.0f interactions/s"
                        + " if the CPU were the only limit)%n",
                processCpu / 1e9, processCpu / 1e3 / items, Runtime.getRuntime().availableProcessors(),
                items * Runtime.getRuntime().availableProcessors() / (processCpu / 1e9));
        // A JVM still compiling the hot code takes a core from the run: the warm-up was too short.
        System.out.printf("JIT compilation during the run: %.1f s%n", compiling / 1e3);
        reportFile(context, "at the end of the run");

        // What classification alone costs per message, one thread, warmed up: the rest is the database.
        Classifier classifier = Classifier.standard();
        List<String> texts = traffic.texts();
        for (String text : texts) {
            classifier.classify(Ingestion.text(text));
        }
        long c0 = System.nanoTime();
        for (String text : texts) {
            classifier.classify(Ingestion.text(text));
        }
        double classifyMicros = (System.nanoTime() - c0) / 1e3 / texts.size();
        System.out.printf("classification alone: %.1f µs per message (%.1f%% of the mean time per interaction)%n",
                classifyMicros, 100 * classifyMicros * traffic.messages / items
                        / (Arrays.stream(pages).sum() / 1e3 / items));

        boolean ok = reconcile(context, setup, traffic, run);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("database", options.containsKey("postgres-url") ? "postgresql" : "h2");
        row.put("items", items);
        row.put("threads", threads);
        row.put("wall_s", String.format("%.2f", seconds));
        row.put("items_per_s", String.format("%.0f", items / seconds));
        row.put("page_p50_ms", String.format("%.1f", pct(pages, 50)));
        row.put("page_p95_ms", String.format("%.1f", pct(pages, 95)));
        row.put("page_p99_ms", String.format("%.1f", pct(pages, 99)));
        row.put("reconciled", ok);
        System.out.println("RESULT ingest " + row);
        return ok;
    }

    /**
     * H2 appends each commit to its file; while ingestion is busy the file grows, then
     * EmbeddedStoreCompaction makes its chunks mostly live again (once they are 45 s old).
     */
    static void reportFile(ConfigurableApplicationContext context, String when) throws IOException {
        Integer fillRate = context.getBean(EmbeddedStoreCompaction.class).fillRate();
        if (fillRate != null) {
            Path file = Path.of(context.getEnvironment().getRequiredProperty("rapport.data-dir"), "rapport.mv.db");
            System.out.printf("H2 file %s: %,d MB, %d%% of its chunks' bytes live%n", when, Files.size(file) >> 20,
                    fillRate);
        }
    }

    /** What a run of pages did. */
    record Run(long wallNanos, long[] pageNanos, AtomicLong fresh, List<Throwable> failures, AtomicLong cpuNanos) {}

    /**
     * Every page through the facade: thread t takes the accounts t, t+threads, …, a page of each in
     * turn (one account's pages never overlap, as one poller reads them in order; different accounts
     * do, as pushes and pollers of several nodes would).
     */
    /** CPU time of this process so far, every thread. */
    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    static Run feed(Ingestion ingestion, Traffic traffic, int threads) throws InterruptedException {
        int accounts = traffic.accounts.size();
        long[] nanos = new long[traffic.pages.size()];
        AtomicLong fresh = new AtomicLong();
        AtomicLong cpu = new AtomicLong();
        List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<Thread> workers = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            int mine = t;
            Thread worker = new Thread(() -> {
                for (int p = 0; p < traffic.pages.size(); p++) {
                    Page page = traffic.pages.get(p);
                    if (page.account % threads != mine) {
                        continue;
                    }
                    long start = System.nanoTime();
                    try {
                        fresh.addAndGet(ingestion.ingest(traffic.accounts.get(page.account), page.items));
                    } catch (Throwable e) {
                        failures.add(e);
                        if (failures.size() <= 3) {
                            e.printStackTrace();
                        }
                    }
                    nanos[p] = System.nanoTime() - start;
                }
                cpu.addAndGet(ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime());
            }, "ingest-" + t);
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            worker.join();
        }
        return new Run(System.nanoTime() - t0, nanos, fresh, failures, cpu);
    }

    /** The database against what was generated; prints every check, false if one fails. */
    static boolean reconcile(ConfigurableApplicationContext context, Setup setup, Traffic traffic, Run run) {
        JdbcClient jdbc = JdbcClient.create(context.getBean(DataSource.class));
        String ids = setup.accounts().stream().map(a -> String.valueOf(a.id())).collect(Collectors.joining(","));
        String authors = "'" + AUTHOR_PREFIX + "%'";
        List<String> failed = new ArrayList<>();
        System.out.println();
        System.out.println("reconciliation (SQL against what was generated):");
        check(failed, "pages ingested without an exception", run.failures.size(), 0);
        check(failed, "new interactions reported by Ingestion.ingest", run.fresh.get(), traffic.distinct);
        check(failed, "interactions recorded (distinct network ids)",
                count(jdbc, "SELECT COUNT(*) FROM interaction WHERE account_id IN (" + ids + ")"), traffic.distinct);
        check(failed, "second deliveries dropped",
                traffic.items - run.fresh.get(), traffic.items - traffic.distinct);
        check(failed, "messages recorded (inbox_item)",
                count(jdbc, "SELECT COUNT(*) FROM inbox_item WHERE account_id IN (" + ids + ")"), traffic.messages);
        check(failed, "network ids recorded twice (interaction, inbox_item)",
                count(jdbc, "SELECT COUNT(*) FROM (SELECT account_id, remote_id FROM interaction WHERE account_id IN ("
                        + ids + ") GROUP BY account_id, remote_id HAVING COUNT(*) > 1) d")
                        + count(jdbc, "SELECT COUNT(*) FROM (SELECT account_id, remote_id FROM inbox_item WHERE"
                        + " account_id IN (" + ids + ") GROUP BY account_id, remote_id HAVING COUNT(*) > 1) d"), 0);
        check(failed, "conversations (one per author and post, or per author's direct messages)",
                count(jdbc, "SELECT COUNT(*) FROM conversation WHERE account_id IN (" + ids + ")"), traffic.threads);
        check(failed, "open conversations",
                count(jdbc, "SELECT COUNT(*) FROM conversation WHERE state = 'OPEN' AND account_id IN (" + ids + ")"),
                traffic.threads);
        check(failed, "open conversations without a department (unrouted)",
                count(jdbc, "SELECT COUNT(*) FROM conversation WHERE state = 'OPEN' AND department_id IS NULL"
                        + " AND account_id IN (" + ids + ")"), 0);
        check(failed, "open conversations without an assignee (every department has responders)",
                count(jdbc, "SELECT COUNT(*) FROM conversation WHERE state = 'OPEN' AND assignee_id IS NULL"
                        + " AND account_id IN (" + ids + ")"), num("responders", 2) > 0 ? 0 : -1);
        check(failed, "open conversations without a due time",
                count(jdbc, "SELECT COUNT(*) FROM conversation WHERE state = 'OPEN' AND due_at IS NULL"
                        + " AND account_id IN (" + ids + ")"), 0);
        check(failed, "conversations without a message",
                count(jdbc, "SELECT COUNT(*) FROM conversation c WHERE c.account_id IN (" + ids + ") AND NOT EXISTS"
                        + " (SELECT 1 FROM inbox_item i WHERE i.conversation_id = c.id)"), 0);
        check(failed, "contacts (distinct authors)",
                count(jdbc, "SELECT COUNT(*) FROM contact WHERE remote_id LIKE " + authors), traffic.authors);
        check(failed, "messages counted on contacts",
                count(jdbc, "SELECT COALESCE(SUM(a.messages), 0) FROM contact c JOIN contact_activity a"
                        + " ON a.contact_id = c.id WHERE c.remote_id LIKE " + authors),
                traffic.messages);
        check(failed, "likes counted on contacts",
                count(jdbc, "SELECT COALESCE(SUM(a.likes), 0) FROM contact c JOIN contact_activity a"
                        + " ON a.contact_id = c.id WHERE c.remote_id LIKE " + authors),
                traffic.kinds.getOrDefault(InboundItem.Kind.LIKE, 0));
        check(failed, "reposts counted on contacts",
                count(jdbc, "SELECT COALESCE(SUM(a.reposts), 0) FROM contact c JOIN contact_activity a"
                        + " ON a.contact_id = c.id WHERE c.remote_id LIKE " + authors),
                traffic.kinds.getOrDefault(InboundItem.Kind.REPOST, 0));

        // Routed by the default rules, on the intent of the conversation's first message.
        Map<Long, String> codeOf = new HashMap<>();
        setup.departments().forEach((code, id) -> codeOf.put(id, code));
        Map<Long, String[]> first = new HashMap<>();
        jdbc.sql("SELECT c.id, c.department_id, i.intent, i.remote_id FROM conversation c"
                        + " JOIN inbox_item i ON i.conversation_id = c.id WHERE c.account_id IN (" + ids + ")"
                        + " ORDER BY c.id, i.occurred_at, i.id")
                .query(rs -> {
                    first.putIfAbsent(rs.getLong(1),
                            new String[] {codeOf.get(rs.getLong(2)), rs.getString(3), rs.getString(4)});
                });
        long misrouted = first.values().stream()
                .filter(f -> !expectedDepartment(f[1]).equals(f[0]))
                .count();
        check(failed, "conversations routed elsewhere than the default rules say", misrouted, 0);

        Map<String, Long> byDepartment = new TreeMap<>();
        jdbc.sql("SELECT department_id, COUNT(*) FROM conversation WHERE account_id IN (" + ids
                        + ") GROUP BY department_id")
                .query(rs -> {
                    byDepartment.put(String.valueOf(codeOf.get(rs.getLong(1))), rs.getLong(2));
                });
        Map<String, Long> byIntent = new TreeMap<>();
        Map<String, Long> agreement = new HashMap<>();
        jdbc.sql("SELECT remote_id, intent FROM inbox_item WHERE account_id IN (" + ids + ")").query(rs -> {
            String intent = rs.getString(2);
            byIntent.merge(intent, 1L, Long::sum);
            String expected = traffic.labels.get(rs.getString(1));
            agreement.merge(intent.equals(expected) ? "same" : "other", 1L, Long::sum);
        });
        Map<String, Long> byAssignee = new TreeMap<>();
        jdbc.sql("SELECT assignee_id, COUNT(*) FROM conversation WHERE account_id IN (" + ids
                        + ") GROUP BY assignee_id")
                .query(rs -> {
                    byAssignee.put(String.valueOf(rs.getObject(1)), rs.getLong(2));
                });
        System.out.printf("  conversations by department: %s%n", byDepartment);
        System.out.printf("  conversations by assignee (member id): %s%n", byAssignee);
        System.out.printf("  messages by intent: %s%n", byIntent);
        System.out.printf("  classifier agrees with the corpus label on %.1f%% of the messages (informative only)%n",
                100.0 * agreement.getOrDefault("same", 0L) / Math.max(1, traffic.messages));
        if (!failed.isEmpty()) {
            System.out.println("FAILED: " + failed);
        }
        return failed.isEmpty();
    }

    static String expectedDepartment(String intent) {
        return switch (intent) {
            case "BILLING" -> "billing";
            case "COMPLAINT", "QUESTION" -> "support";
            case "PURCHASE_INTENT" -> "sales";
            case "PRODUCT_FEEDBACK" -> "production";
            default -> "marketing";
        };
    }

    static long count(JdbcClient jdbc, String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    /** expected -1: printed, not checked. */
    static void check(List<String> failed, String what, long actual, long expected) {
        boolean ok = expected < 0 || actual == expected;
        System.out.printf("  %-4s %-76s %,10d%s%n", ok ? "ok" : "FAIL", what, actual,
                expected < 0 || ok ? "" : String.format("  (expected %,d)", expected));
        if (!ok) {
            failed.add(what);
        }
    }

    // ---------------------------------------------------------------- generated traffic

    record Page(int account, List<InboundItem> items) {}

    /**
     * Deterministic traffic of a set of accounts: pages in the order they are fed (a page of each
     * account in turn), and what the database must hold afterwards.
     */
    static final class Traffic {
        final List<AccountView> accounts;
        final List<Page> pages = new ArrayList<>();
        final Map<InboundItem.Kind, Integer> kinds = new java.util.EnumMap<>(InboundItem.Kind.class);
        /** remote id → the corpus intent of its text (messages only). */
        final Map<String, String> labels = new HashMap<>();
        int items;
        int distinct;
        int messages;
        int followUps;
        int threads;
        int authors;

        Traffic(List<AccountView> accounts) {
            this.accounts = accounts;
        }

        static final InboundItem.Kind[] KIND_WEIGHTS_ORDER = {
            InboundItem.Kind.COMMENT, InboundItem.Kind.REPLY, InboundItem.Kind.DIRECT_MESSAGE,
            InboundItem.Kind.MENTION, InboundItem.Kind.QUOTE, InboundItem.Kind.LIKE, InboundItem.Kind.REPOST,
            InboundItem.Kind.FOLLOW
        };
        /** Per mille: 10% likes, reposts and follows, which are counted on the contact but say nothing. */
        static final int[] KIND_WEIGHTS = {560, 160, 100, 60, 20, 60, 25, 15};

        static Traffic generate(Corpus corpus, List<AccountView> accounts, int count, int pageSize, long seed,
                String authorPrefix, String idPrefix, Instant from) {
            Traffic traffic = new Traffic(accounts);
            Random random = new Random(seed);
            int n = accounts.size();
            int authorPool = Math.max(200, count * 2 / 5);
            long stepMillis = Math.max(1, 1_200_000L / Math.max(1, count));
            // Per account: its posts, the threads so far (for follow-ups), the items delivered (for repeats).
            List<List<String[]>> threadsOf = new ArrayList<>();
            List<List<InboundItem>> deliveredOf = new ArrayList<>();
            List<Set<String>> threadKeys = new ArrayList<>();
            for (int a = 0; a < n; a++) {
                threadsOf.add(new ArrayList<>());
                deliveredOf.add(new ArrayList<>());
                threadKeys.add(new HashSet<>());
            }
            Set<String> authorsSeen = new HashSet<>();
            int[] perAccount = new int[n];
            for (int a = 0; a < n; a++) {
                perAccount[a] = count / n + (a < count % n ? 1 : 0);
            }
            int[] made = new int[n];
            long seq = 0;
            boolean more = true;
            while (more) {
                more = false;
                for (int a = 0; a < n; a++) {
                    int size = Math.min(pageSize, perAccount[a] - made[a]);
                    if (size <= 0) {
                        continue;
                    }
                    more = true;
                    List<InboundItem> page = new ArrayList<>(size);
                    for (int k = 0; k < size; k++, seq++) {
                        Instant at = from.plusMillis(seq * stepMillis);
                        List<InboundItem> delivered = deliveredOf.get(a);
                        // ~1%: a second delivery of something of the last few pages (overlapping pages).
                        if (!delivered.isEmpty() && random.nextInt(100) == 0) {
                            InboundItem again = delivered.get(
                                    delivered.size() - 1 - random.nextInt(Math.min(delivered.size(), 300)));
                            page.add(again);
                            continue;
                        }
                        InboundItem.Kind kind = kind(random);
                        String remoteId = idPrefix + a + "-" + seq;
                        String subject = "sb-" + a + "-" + (1000 + random.nextInt(40)); // 40 posts per account
                        List<String[]> threads = threadsOf.get(a);
                        String authorId;
                        String inReplyTo = null;
                        if (kind.conversational() && !threads.isEmpty() && random.nextInt(100) < 25) {
                            // A follow-up: someone who wrote before, in the same thread.
                            String[] thread = threads.get(threads.size() - 1 - random.nextInt(Math.min(threads.size(), 2000)));
                            authorId = thread[0];
                            kind = thread[3].equals("dm") ? InboundItem.Kind.DIRECT_MESSAGE : InboundItem.Kind.REPLY;
                            subject = thread[1];
                            inReplyTo = thread[2];
                            traffic.followUps++;
                        } else {
                            authorId = authorPrefix + random.nextInt(authorPool);
                            if (kind == InboundItem.Kind.DIRECT_MESSAGE || kind == InboundItem.Kind.FOLLOW) {
                                subject = null;
                            } else if (kind == InboundItem.Kind.MENTION) {
                                subject = null; // their own post that names the account
                            }
                        }
                        InboundItem.Author author = author(authorId);
                        String text = null;
                        if (kind.conversational()) {
                            String[] labelled = corpus.pick(random);
                            text = labelled[0];
                            traffic.labels.put(remoteId, labelled[1]);
                        }
                        InboundItem item = new InboundItem(remoteId, kind, author, text, subject, inReplyTo,
                                "https://weibo.example/" + authorId + "/" + remoteId, null, at);
                        page.add(item);
                        delivered.add(item);
                        traffic.distinct++;
                        traffic.kinds.merge(kind, 1, Integer::sum);
                        authorsSeen.add(authorId);
                        if (kind.conversational()) {
                            traffic.messages++;
                            boolean direct = kind == InboundItem.Kind.DIRECT_MESSAGE;
                            String key = (direct ? "dm:" : "post:" + (subject == null ? "-" : subject) + ":") + authorId;
                            if (threadKeys.get(a).add(key)) {
                                threads.add(new String[] {authorId, subject, remoteId, direct ? "dm" : "post"});
                            }
                        }
                    }
                    made[a] += size;
                    traffic.items += size;
                    traffic.pages.add(new Page(a, List.copyOf(page)));
                }
            }
            traffic.threads = threadKeys.stream().mapToInt(Set::size).sum();
            traffic.authors = authorsSeen.size();
            return traffic;
        }

        static InboundItem.Kind kind(Random random) {
            int r = random.nextInt(1000);
            for (int i = 0; i < KIND_WEIGHTS.length; i++) {
                if (r < KIND_WEIGHTS[i]) {
                    return KIND_WEIGHTS_ORDER[i];
                }
                r -= KIND_WEIGHTS[i];
            }
            return InboundItem.Kind.COMMENT;
        }

        static final String[] ZH_NAMES = {"小鹿酱", "阿杰同学", "陈小姐", "北京老王", "不吃香菜", "猫奴一号", "咖啡续命",
            "跑步的李雷", "韩梅梅", "夏天的风", "喝水打卡", "上海小张"};
        static final String[] EN_NAMES = {"jane.doe", "mike_t", "sarah.runs", "dev_tom", "lucy", "coffee_lover",
            "outdoor.ben", "amy.w", "k.chen", "hydrate_daily", "priya.k", "marco.b"};

        /** An author, the same for the same id: a handle, sometimes a display name. */
        static InboundItem.Author author(String id) {
            int h = Math.floorMod(id.hashCode(), 1_000_003);
            boolean zh = h % 5 < 3;
            String name = zh ? ZH_NAMES[h % ZH_NAMES.length] : EN_NAMES[h % EN_NAMES.length];
            String handle = name + (h % 10_000);
            return new InboundItem.Author(id, handle, h % 3 == 0 ? null : name);
        }

        List<String> texts() {
            List<String> texts = new ArrayList<>();
            for (Page page : pages) {
                for (InboundItem item : page.items) {
                    if (item.kind().conversational()) {
                        texts.add(item.text());
                    }
                }
            }
            return texts;
        }

        String describe() {
            return String.format("%,d in %,d pages; %,d distinct (%,d second deliveries); %,d messages (%,d"
                            + " follow-ups in an existing thread) in %,d conversations; %,d authors; kinds %s",
                    items, pages.size(), distinct, items - distinct, messages, followUps, threads, authors, kinds);
        }
    }

    /**
     * The labelled inbox items (id, language, text, sentiment, intent), drawn by intent in the mix of
     * a brand's inbox, sometimes with a mention, an order number or a second sentence.
     */
    record Corpus(Map<String, List<String>> byIntent) {

        /** Per mille by intent: questions, billing, complaints, praise, purchase intent, spam, the rest. */
        static final Object[][] MIX = {
            {"QUESTION", 250}, {"BILLING", 150}, {"COMPLAINT", 150}, {"PRAISE", 150}, {"PURCHASE_INTENT", 120},
            {"SPAM", 60}, {"PRODUCT_FEEDBACK", 60}, {"OTHER", 45}, {"ABUSE", 15}
        };

        static Corpus read(Path file) throws IOException {
            Map<String, List<String>> byIntent = new TreeMap<>();
            try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String line;
                while ((line = reader.readLine()) != null) {
                    if (line.isBlank() || line.startsWith("#") || line.startsWith("id\t")) {
                        continue;
                    }
                    String[] columns = line.split("\t");
                    if (columns.length == 5) {
                        byIntent.computeIfAbsent(columns[4], k -> new ArrayList<>()).add(columns[2]);
                    }
                }
            }
            for (Object[] mix : MIX) {
                if (!byIntent.containsKey((String) mix[0])) {
                    throw new IllegalStateException(file + " has no " + mix[0] + " items");
                }
            }
            return new Corpus(byIntent);
        }

        /** A text and the intent it was labelled with. */
        String[] pick(Random random) {
            int r = random.nextInt(1000);
            String intent = "OTHER";
            for (Object[] mix : MIX) {
                if (r < (int) mix[1]) {
                    intent = (String) mix[0];
                    break;
                }
                r -= (int) mix[1];
            }
            List<String> texts = byIntent.get(intent);
            String text = texts.get(random.nextInt(texts.size()));
            boolean zh = text.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
            int variation = random.nextInt(100);
            if (variation < 15) {
                text = (zh ? "@水瓶官方 " : "@BottleCare ") + text;
            } else if (variation < 25 && intent.equals("BILLING")) {
                text = text + (zh ? " 订单号 2026" : " order #A") + (100_000 + random.nextInt(900_000));
            } else if (variation < 35) {
                String second = texts.get(random.nextInt(texts.size()));
                text = text + (zh ? "。" : ". ") + second;
            }
            return new String[] {text, intent};
        }
    }

    // ---------------------------------------------------------------- the inbox page

    static void measurePages(ConfigurableApplicationContext context, Setup setup, int port) {
        int requests = num("requests", 200);
        int warmup = num("page-warmup", 20);
        JdbcClient jdbc = JdbcClient.create(context.getBean(DataSource.class));
        long open = count(jdbc, "SELECT COUNT(*) FROM conversation WHERE state = 'OPEN'");
        long billing = setup.departments().get("billing");
        long support = setup.departments().get("support");
        long inBilling = count(jdbc, "SELECT COUNT(*) FROM conversation WHERE state = 'OPEN' AND department_id = " + billing);
        long inSupport = count(jdbc, "SELECT COUNT(*) FROM conversation WHERE state = 'OPEN' AND department_id = " + support);
        String billingEmail = context.getBean(TeamManagement.class).members().stream()
                .filter(member -> member.role() == Role.RESPONDER && Long.valueOf(billing).equals(member.departmentId()))
                .map(MemberView::email)
                .sorted()
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no billing responder"));
        System.gc();
        System.out.printf("%n== page: %,d open conversations (%,d billing, %,d support); %d requests after %d warm-up,"
                        + " one client, loopback; load average %s%n",
                open, inBilling, inSupport, requests, warmup, loadAverage());

        Browser admin = new Browser(port, ADMIN_EMAIL, PASSWORD);
        admin.signIn();
        Browser responder = new Browser(port, billingEmail, PASSWORD);
        responder.signIn();
        Api api = new Api(port, ADMIN_EMAIL, PASSWORD).withToken();

        Map<String, Supplier<HttpResponse<String>>> scenarios = new LinkedHashMap<>();
        scenarios.put("GET /inbox, admin (all departments)", () -> admin.get("/inbox"));
        scenarios.put("GET /inbox/list, admin (the live update, every 10 s)",
                () -> admin.get("/inbox/list?state=OPEN&mine=false"));
        scenarios.put("GET /inbox, billing responder (department queue)", () -> responder.get("/inbox"));
        scenarios.put("GET /inbox?department=support, admin (filter)",
                () -> admin.get("/inbox?state=OPEN&department=" + support));
        scenarios.put("GET /api/v1/inbox?state=OPEN&size=100, access token",
                () -> api.get("/api/v1/inbox?state=OPEN&size=100"));
        // Every scenario warmed up before any is measured, so the first does not pay for the JIT alone.
        for (Map.Entry<String, Supplier<HttpResponse<String>>> scenario : scenarios.entrySet()) {
            for (int i = 0; i < warmup; i++) {
                check(scenario.getValue().get(), scenario.getKey());
            }
        }
        System.out.printf("%-58s %5s %5s %8s %8s %8s %8s %6s%n", "scenario", "n", "rows", "p50 ms", "p95 ms", "p99 ms",
                "max ms", "KB");
        List<Map<String, Object>> rows = new ArrayList<>();
        scenarios.forEach((label, request) -> rows.add(run(label, requests, request)));
        for (Map<String, Object> row : rows) {
            System.out.println("RESULT page " + row);
        }
    }

    static final Pattern ROW = Pattern.compile("class=\"conversation-row|\"threadKey\":");

    static Map<String, Object> run(String label, int n, Supplier<HttpResponse<String>> request) {
        long[] nanos = new long[n];
        long bytes = 0;
        int rows = 0;
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            HttpResponse<String> response = request.get();
            nanos[i] = System.nanoTime() - t0;
            check(response, label);
            if (i == 0) {
                bytes = response.body().getBytes(StandardCharsets.UTF_8).length;
                Matcher m = ROW.matcher(response.body());
                while (m.find()) {
                    rows++;
                }
            }
        }
        Arrays.sort(nanos);
        System.out.printf("%-58s %5d %5d %8.1f %8.1f %8.1f %8.1f %6d%n", label, n, rows, pct(nanos, 50),
                pct(nanos, 95), pct(nanos, 99), pct(nanos, 100), bytes / 1024);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("scenario", label);
        row.put("rows", rows);
        row.put("p50_ms", String.format("%.1f", pct(nanos, 50)));
        row.put("p95_ms", String.format("%.1f", pct(nanos, 95)));
        row.put("p99_ms", String.format("%.1f", pct(nanos, 99)));
        row.put("max_ms", String.format("%.1f", pct(nanos, 100)));
        return row;
    }

    static void check(HttpResponse<String> response, String label) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException(label + ": HTTP " + response.statusCode() + " "
                    + response.body().substring(0, Math.min(500, response.body().length())));
        }
    }

    // ---------------------------------------------------------------- clients

    /** The REST API as the admin: HTTP Basic, or a personal access token after {@link #withToken()}. */
    static final class Api {
        final String base;
        final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String auth;

        Api(int port, String email, String password) {
            this.base = "http://localhost:" + port;
            this.auth = "Basic " + Base64.getEncoder().encodeToString((email + ":" + password).getBytes(StandardCharsets.UTF_8));
        }

        /** As an integration uses the API: the token's hash is looked up per request (no BCrypt per request). */
        Api withToken() {
            HttpResponse<String> created = post("/api/v1/me/tokens", "{\"name\":\"inbox benchmark\"}");
            auth = "Bearer " + firstString(created.body(), "secret");
            return this;
        }

        /** A weibo account requested by the admin, approved, connected to the sandbox network; its id. */
        long sandboxAccount(String handle, long owner) {
            HttpResponse<String> created = post("/api/v1/accounts", "{\"network\":\"weibo\",\"handle\":\"" + handle
                    + "\",\"purpose\":\"Inbox benchmark\",\"owners\":[" + owner + "]}");
            long id = firstLong(created.body(), "id");
            if (!"ACTIVE".equals(firstString(created.body(), "status"))) {
                HttpResponse<String> decided = post("/api/v1/accounts/" + id + "/decision", "{\"approve\":true}");
                if (!"ACTIVE".equals(firstString(decided.body(), "status"))) {
                    throw new IllegalStateException("account " + id + ": " + decided.body());
                }
            }
            post("/api/v1/accounts/" + id + "/connection",
                    "{\"connector\":\"sandbox\",\"values\":{\"handle\":\"" + handle + "\"}}");
            return id;
        }

        HttpResponse<String> get(String path) {
            return send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", auth)
                    .header("Accept", "application/json").GET().build());
        }

        HttpResponse<String> post(String path, String json) {
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", auth)
                    .header("Accept", "application/json").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build());
            if (r.statusCode() >= 300) {
                throw new IllegalStateException(path + ": HTTP " + r.statusCode() + " " + r.body());
            }
            return r;
        }

        HttpResponse<String> send(HttpRequest request) {
            try {
                return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** A signed-in browser session (cookies, the CSRF token of the last page), as WebSession in the tests. */
    static final class Browser {
        static final Pattern CSRF = Pattern.compile("name=\"_csrf\" (?:value|content)=\"([^\"]+)\"");
        final String base;
        final String email;
        final String password;
        final HttpClient client;
        String csrf;

        Browser(int port, String email, String password) {
            this.base = "http://localhost:" + port;
            this.email = email;
            this.password = password;
            this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        }

        void signIn() {
            get("/login");
            HttpResponse<String> r = post("/login", Map.of("email", email, "password", password));
            String location = r.headers().firstValue("Location").orElse("");
            if (location.contains("/login")) {
                throw new IllegalStateException("sign-in of " + email + " failed: " + location);
            }
            HttpResponse<String> policy = get("/policy");
            if (policy.statusCode() == 200 && policy.body().contains("id=\"acknowledge\"")) {
                post("/policy/acknowledge", Map.of());
            }
        }

        HttpResponse<String> get(String path) {
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html")
                    .GET().build());
            Matcher m = CSRF.matcher(r.body());
            if (m.find()) {
                csrf = m.group(1);
            }
            return r;
        }

        HttpResponse<String> post(String path, Map<String, String> form) {
            String body = form.entrySet().stream()
                    .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                    .collect(Collectors.joining("&"));
            if (csrf != null) {
                body += (body.isEmpty() ? "" : "&") + "_csrf=" + enc(csrf);
            }
            return send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        }

        HttpResponse<String> send(HttpRequest request) {
            try {
                return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }

        static String enc(String s) {
            return URLEncoder.encode(s, StandardCharsets.UTF_8);
        }
    }

    // ---------------------------------------------------------------- helpers

    static long firstLong(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\":(\\d+)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + field + " in " + json);
        }
        return Long.parseLong(m.group(1));
    }

    static String firstString(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\":\"([^\"]*)\"").matcher(json);
        return m.find() ? m.group(1) : null;
    }

    /** Percentile of sorted nanoseconds, in milliseconds (nearest rank). */
    static double pct(long[] sorted, int percentile) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return String.format("%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    static long ms(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }

    static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime)
                .sum();
    }

    static long gcCount() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionCount)
                .sum();
    }

    static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
