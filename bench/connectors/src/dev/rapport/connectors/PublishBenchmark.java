package dev.rapport.connectors;

import dev.rapport.Rapport;
import dev.rapport.accounts.AccountStatus;
import dev.rapport.accounts.AccountView;
import dev.rapport.accounts.domain.AccountRecords;
import dev.rapport.connectors.sandbox.SandboxConnector;
import dev.rapport.connectors.spi.ConnectorException;
import dev.rapport.connectors.spi.PublishRequest;
import dev.rapport.team.TeamManagement;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The benchmark: N variants due at the same minute are published to the sandbox network
 * through the real {@link Connections} facade (engine, per-account rate limits, network_connection
 * records, credentials from the vault), from a pool of worker threads as the scheduler's executor
 * would. Then every variant's reported outcome is reconciled with what is on the sandbox network.
 *
 * <p>Lives in {@code dev.rapport.connectors} only to call {@link Connections#connectToSandbox}, the
 * package-private method the demo workspace uses to connect accounts to the sandbox.
 *
 * <p>Arguments ({@code --name=value}): threads, variants, accounts, latency, rate-limited,
 * server-error, timeout, response-lost, calls-per-minute (per account on the sandbox, 0 = no limit),
 * retries (times a FAILED rate-limited/unavailable variant is published again, as a scheduler would:
 * at retryAt, or after retry-delay), retry-delay, seed, label.
 */
public final class PublishBenchmark {

    private static final String KEY_PREFIX = "bench-variant-";

    public static void main(String[] args) throws Exception {
        Map<String, String> options = parse(args);
        int threads = Integer.parseInt(options.getOrDefault("threads", "10"));
        int variants = Integer.parseInt(options.getOrDefault("variants", "10000"));
        int accountCount = Integer.parseInt(options.getOrDefault("accounts", "100"));
        String latency = options.getOrDefault("latency", "20ms");
        String rateLimited = options.getOrDefault("rate-limited", "0");
        String serverError = options.getOrDefault("server-error", "0");
        String timeout = options.getOrDefault("timeout", "0");
        String responseLost = options.getOrDefault("response-lost", "0");
        int callsPerMinute = Integer.parseInt(options.getOrDefault("calls-per-minute", "0"));
        int retries = Integer.parseInt(options.getOrDefault("retries", "5"));
        Duration retryDelay = Duration.parse("PT" + options.getOrDefault("retry-delay", "1s").toUpperCase());
        String seed = options.getOrDefault("seed", "2026");
        String label = options.getOrDefault("label", "run");
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "2000"));

        Path dataDir = Files.createTempDirectory("rapport-bench-");
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("rapport.data-dir", dataDir.toString());
        properties.put("rapport.admin.email", "admin@bench.rapport.test");
        properties.put("rapport.admin.password", "Bench-harbour-lantern-42");
        properties.put("rapport.admin.name", "Bench Admin");
        properties.put("rapport.sandbox.seed", seed);
        properties.put("rapport.sandbox.latency", latency);
        properties.put("rapport.sandbox.rate-limited", rateLimited);
        properties.put("rapport.sandbox.server-error", serverError);
        properties.put("rapport.sandbox.timeout", timeout);
        properties.put("rapport.sandbox.response-lost", responseLost);
        properties.put("rapport.connectors.calls-per-minute.sandbox", String.valueOf(callsPerMinute));
        properties.put("logging.level.root", "warn");
        properties.put("spring.main.banner-mode", "off");
        properties.put("server.port", "0");

        System.out.printf(
                "== %s: %d variants, %d accounts, %d threads, latency %s, faults 429=%s 5xx=%s timeout=%s lost=%s,"
                        + " sandbox budget %s calls/min/account, retries %d%n",
                label,
                variants,
                accountCount,
                threads,
                latency,
                rateLimited,
                serverError,
                timeout,
                responseLost,
                callsPerMinute == 0 ? "unlimited" : String.valueOf(callsPerMinute),
                retries);
        long startup = System.nanoTime();
        // WebApplicationType.NONE does not start: MemberSessions needs Spring Session's JDBC repository,
        // which is only configured for a servlet application. So the web server runs, idle, on a random port.
        ConfigurableApplicationContext context = new SpringApplicationBuilder(Rapport.class)
                .web(WebApplicationType.SERVLET)
                // As command-line arguments: SpringApplicationBuilder.properties() would only be defaults,
                // beneath application.properties (which sets the sandbox budget to 0 and the data dir).
                .run(properties.entrySet().stream()
                        .map(property -> "--" + property.getKey() + "=" + property.getValue())
                        .toArray(String[]::new));
        System.out.printf("context started in %d ms (data dir %s)%n", ms(System.nanoTime() - startup), dataDir);
        int effective = context.getBean(ConnectorsProperties.class).callsPerMinute(SandboxConnector.NETWORK);
        System.out.printf(
                "effective sandbox budget: %s calls/min/account; data dir in use: %s%n",
                effective == Integer.MAX_VALUE ? "unlimited" : String.valueOf(effective),
                context.getEnvironment().getProperty("rapport.data-dir"));
        try {
            run(context, label, threads, variants, accountCount, retries, retryDelay, warmup);
        } finally {
            context.close();
        }
    }

    private static void run(
            ConfigurableApplicationContext context,
            String label,
            int threads,
            int variants,
            int accountCount,
            int retries,
            Duration retryDelay,
            int warmup)
            throws Exception {
        Connections connections = context.getBean(Connections.class);
        SandboxConnector sandbox = context.getBean(SandboxConnector.class);
        AccountRecords accountRecords = context.getBean(AccountRecords.class);
        long adminId = context.getBean(TeamManagement.class)
                .memberByEmail("admin@bench.rapport.test")
                .orElseThrow()
                .id();

        // Accounts connected to the sandbox, as the demo workspace connects its own.
        long setup = System.nanoTime();
        long[] accountIds = connect(connections, accountRecords, adminId, "bench-", accountCount);
        long connectCalls = sandbox.calls("connect");
        System.out.printf(
                "%d accounts connected to the sandbox in %d ms%n", accountCount, ms(System.nanoTime() - setup));

        // Warm-up (JIT, connection pool, H2 caches) on accounts of its own, so that their budgets and
        // posts do not mix with the measured ones: a server that has been up for a while.
        if (warmup > 0) {
            long[] warmAccounts = connect(connections, accountRecords, adminId, "warmup-", 100);
            long warmStart = System.nanoTime();
            ExecutorService pool = Executors.newFixedThreadPool(threads, named("warmup"));
            for (int w = 0; w < warmup; w++) {
                int n = w;
                pool.execute(() -> connections.publish(
                        warmAccounts[n % warmAccounts.length], PublishRequest.text("warmup-" + n, "Warm-up " + n)));
            }
            pool.shutdown();
            pool.awaitTermination(10, TimeUnit.MINUTES);
            System.out.printf("warm-up: %d publishes in %d ms%n", warmup, ms(System.nanoTime() - warmStart));
        }
        long publishCallsBefore = sandbox.calls("publish");
        long findCallsBefore = sandbox.calls("find");
        run(connections, sandbox, accountIds, threads, variants, retries, retryDelay, label, connectCalls,
                publishCallsBefore, findCallsBefore);
    }

    private static long[] connect(
            Connections connections, AccountRecords accountRecords, long adminId, String prefix, int count) {
        long[] accountIds = new long[count];
        for (int i = 0; i < count; i++) {
            long id = accountRecords.insert(
                    "bluesky",
                    prefix + i + ".bsky.social",
                    null,
                    "Publishing benchmark",
                    null,
                    AccountStatus.ACTIVE,
                    adminId,
                    List.of(adminId));
            AccountView account = accountRecords.find(id).orElseThrow();
            for (int attempt = 1; ; attempt++) {
                try {
                    connections.connectToSandbox(account, adminId);
                    break;
                } catch (ConnectorException e) {
                    if (attempt == 10) {
                        throw e;
                    }
                }
            }
            accountIds[i] = id;
        }
        return accountIds;
    }

    private static void run(
            Connections connections,
            SandboxConnector sandbox,
            long[] accountIds,
            int threads,
            int variants,
            int retries,
            Duration retryDelay,
            String label,
            long connectCalls,
            long publishCallsBefore,
            long findCallsBefore)
            throws Exception {
        int accountCount = accountIds.length;

        // Variants, round-robin over the accounts (as a campaign spreading one post over them would).
        PublishRequest[] requests = new PublishRequest[variants];
        long[] accountOf = new long[variants];
        for (int v = 0; v < variants; v++) {
            requests[v] = PublishRequest.text(KEY_PREFIX + v, "Benchmark variant " + v + " — due at the same minute");
            accountOf[v] = accountIds[v % accountCount];
        }

        @SuppressWarnings("unchecked")
        AtomicReference<PublishOutcome>[] firstOutcome = new AtomicReference[variants];
        @SuppressWarnings("unchecked")
        AtomicReference<PublishOutcome>[] finalOutcome = new AtomicReference[variants];
        for (int v = 0; v < variants; v++) {
            firstOutcome[v] = new AtomicReference<>();
            finalOutcome[v] = new AtomicReference<>();
        }
        AtomicReference<Throwable>[] thrown = newRefs(variants);
        long[] doneAt = new long[variants];
        int[] rounds = new int[variants];
        long[] callNanos = new long[variants * (retries + 1)];
        AtomicInteger callCount = new AtomicInteger();
        AtomicLong engineAttempts = new AtomicLong();
        CountDownLatch finished = new CountDownLatch(variants);

        ExecutorService workers = Executors.newFixedThreadPool(threads, named("publish-worker"));
        ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor(named("retry-timer"));
        HeapSampler heap = new HeapSampler();
        System.gc();
        long heapBefore = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        long gcBefore = gcMillis();
        long gcCountBefore = gcCount();
        heap.start();

        System.out.printf("load average at the start: %s%n", loadAverage());
        long t0 = System.nanoTime();
        class Publish implements Runnable {
            final int v;
            final int round;

            Publish(int v, int round) {
                this.v = v;
                this.round = round;
            }

            @Override
            public void run() {
                long start = System.nanoTime();
                PublishOutcome outcome;
                try {
                    outcome = connections.publish(accountOf[v], requests[v]);
                } catch (Throwable e) {
                    thrown[v].set(e);
                    doneAt[v] = System.nanoTime() - t0;
                    finished.countDown();
                    return;
                }
                long end = System.nanoTime();
                callNanos[callCount.getAndIncrement()] = end - start;
                engineAttempts.addAndGet(outcome.attempts());
                if (round == 0) {
                    firstOutcome[v].set(outcome);
                }
                boolean retryable = outcome.status() == PublishOutcome.Status.FAILED
                        && ("rate-limited".equals(outcome.reason()) || "unavailable".equals(outcome.reason()));
                if (retryable && round < retries) {
                    long delay = outcome.retryAt() != null
                            ? Math.max(0, Duration.between(Instant.now(), outcome.retryAt()).toMillis())
                            : retryDelay.toMillis();
                    later.schedule(
                            () -> workers.execute(new Publish(v, round + 1)), delay, TimeUnit.MILLISECONDS);
                    return;
                }
                finalOutcome[v].set(outcome);
                rounds[v] = round;
                doneAt[v] = end - t0;
                finished.countDown();
            }
        }
        // All due at the same minute: everything is handed to the executor at once.
        for (int v = 0; v < variants; v++) {
            workers.execute(new Publish(v, 0));
        }
        boolean all = finished.await(30, TimeUnit.MINUTES);
        long wall = System.nanoTime() - t0;
        heap.stop();
        long gcDuring = gcMillis() - gcBefore;
        long gcCountDuring = gcCount() - gcCountBefore;
        workers.shutdown();
        later.shutdown();

        // Reconciliation with what is on the network.
        Map<String, List<SandboxConnector.Post>> onNetwork = sandbox.posts().stream()
                .filter(post -> post.idempotencyKey().startsWith(KEY_PREFIX))
                .collect(Collectors.groupingBy(SandboxConnector.Post::idempotencyKey));
        int exactlyOnce = 0;
        int duplicatedVariants = 0;
        int extraPosts = 0;
        int absent = 0;
        int publishedAndThere = 0;
        int publishedButAbsent = 0;
        int publishedWrongReceipt = 0;
        int failedAndAbsent = 0;
        int failedButThere = 0;
        int unknownThere = 0;
        int unknownAbsent = 0;
        int noOutcome = 0;
        int retried = 0;
        Map<String, Integer> firstReasons = new TreeMap<>();
        Map<String, Integer> finalReasons = new TreeMap<>();
        long[] completion = new long[variants];
        for (int v = 0; v < variants; v++) {
            List<SandboxConnector.Post> posts = onNetwork.getOrDefault(KEY_PREFIX + v, List.of());
            int count = posts.size();
            if (count == 1) {
                exactlyOnce++;
            } else if (count > 1) {
                duplicatedVariants++;
                extraPosts += count - 1;
            } else {
                absent++;
            }
            if (rounds[v] > 0) {
                retried++;
            }
            completion[v] = doneAt[v];
            PublishOutcome first = firstOutcome[v].get();
            firstReasons.merge(describe(first, thrown[v].get()), 1, Integer::sum);
            PublishOutcome outcome = finalOutcome[v].get();
            finalReasons.merge(describe(outcome, thrown[v].get()), 1, Integer::sum);
            if (outcome == null) {
                noOutcome++;
                continue;
            }
            switch (outcome.status()) {
                case PUBLISHED -> {
                    if (count == 0) {
                        publishedButAbsent++;
                    } else {
                        publishedAndThere++;
                        String receiptId = outcome.receipt().remoteId();
                        if (posts.stream().noneMatch(post -> post.id().equals(receiptId))) {
                            publishedWrongReceipt++;
                        }
                    }
                }
                case FAILED -> {
                    if (count == 0) {
                        failedAndAbsent++;
                    } else {
                        failedButThere++;
                    }
                }
                case OUTCOME_UNKNOWN -> {
                    if (count == 0) {
                        unknownAbsent++;
                    } else {
                        unknownThere++;
                    }
                }
            }
        }
        // Pacing as the network saw it: the most posts of one account in any 1 s and any 60 s window.
        int maxPerSecond = 0;
        int maxPerMinute = 0;
        Map<Long, List<Long>> times = onNetwork.values().stream()
                .flatMap(List::stream)
                .collect(Collectors.groupingBy(
                        SandboxConnector.Post::accountId,
                        Collectors.mapping(post -> post.at().toEpochMilli(), Collectors.toList())));
        for (List<Long> at : times.values()) {
            long[] sorted = at.stream().mapToLong(Long::longValue).sorted().toArray();
            maxPerSecond = Math.max(maxPerSecond, maxInWindow(sorted, 1000));
            maxPerMinute = Math.max(maxPerMinute, maxInWindow(sorted, 60_000));
        }
        // Lost: neither published nor reported failed — no outcome at all, an "unknown" that is not on
        // the network, or a "published" with nothing on the network.
        int losses = noOutcome + publishedButAbsent + unknownAbsent;
        long[] calls = Arrays.copyOf(callNanos, callCount.get());
        Arrays.sort(calls);
        Arrays.sort(completion);

        Runtime runtime = Runtime.getRuntime();
        System.out.println();
        System.out.printf("load average at the end: %s%n", loadAverage());
        System.out.printf("all variants finished: %s%n", all);
        System.out.printf("wall time (first submit -> last outcome): %.2f s%n", wall / 1e9);
        System.out.printf("throughput: %.0f variants/s%n", variants / (wall / 1e9));
        System.out.printf("published exactly once on the sandbox: %d / %d%n", exactlyOnce, variants);
        System.out.printf("duplicates: %d variants (%d extra posts)%n", duplicatedVariants, extraPosts);
        System.out.printf("absent from the sandbox: %d%n", absent);
        System.out.printf(
                "reported PUBLISHED: %d on the network, %d absent, %d with a receipt naming no post of theirs%n",
                publishedAndThere, publishedButAbsent, publishedWrongReceipt);
        System.out.printf("reported FAILED: %d absent (honest), %d on the network anyway%n", failedAndAbsent, failedButThere);
        System.out.printf("reported OUTCOME_UNKNOWN: %d on the network, %d absent%n", unknownThere, unknownAbsent);
        System.out.printf("no outcome (exception / never finished): %d%n", noOutcome);
        System.out.printf("losses (neither published nor reported failed): %d%n", losses);
        System.out.printf("first-attempt outcomes: %s%n", firstReasons);
        System.out.printf("final outcomes: %s (variants published again by the benchmark's scheduler: %d)%n", finalReasons, retried);
        System.out.printf(
                "facade calls: %d; engine publish attempts: %d; sandbox calls: publish=%d find=%d connect=%d%n",
                calls.length, engineAttempts.get(), sandbox.calls("publish") - publishCallsBefore,
                sandbox.calls("find") - findCallsBefore, connectCalls);
        System.out.printf(
                "most posts of one account on the sandbox: %d in any 1 s, %d in any 60 s%n", maxPerSecond, maxPerMinute);
        System.out.printf(
                "latency per Connections.publish call (ms): p50 %.1f, p95 %.1f, p99 %.1f, max %.1f%n",
                pct(calls, 50), pct(calls, 95), pct(calls, 99), pct(calls, 100));
        System.out.printf(
                "time from due to final outcome (s): p50 %.2f, p95 %.2f, p99 %.2f, max %.2f%n",
                pct(completion, 50) / 1000, pct(completion, 95) / 1000, pct(completion, 99) / 1000,
                pct(completion, 100) / 1000);
        System.out.printf(
                "heap: before %d MB, peak used during run %d MB (max heap %d MB); GC during run: %d collections, %d ms%n",
                heapBefore >> 20, heap.peak() >> 20, runtime.maxMemory() >> 20, gcCountDuring, gcDuring);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("label", label);
        row.put("threads", threads);
        row.put("wall_s", String.format("%.2f", wall / 1e9));
        row.put("exactly_once", exactlyOnce);
        row.put("duplicates", duplicatedVariants);
        row.put("losses", losses);
        row.put("failed", failedAndAbsent + failedButThere);
        row.put("unknown", unknownThere + unknownAbsent);
        row.put("p50_ms", String.format("%.1f", pct(calls, 50)));
        row.put("p95_ms", String.format("%.1f", pct(calls, 95)));
        row.put("p99_ms", String.format("%.1f", pct(calls, 99)));
        row.put("peak_heap_mb", heap.peak() >> 20);
        row.put("max_per_account_1s", maxPerSecond);
        row.put("max_per_account_60s", maxPerMinute);
        System.out.println("RESULT " + row);
        if (!all) {
            System.out.println("WARNING: not every variant finished within 30 minutes");
        }
    }

    private static int maxInWindow(long[] sorted, long windowMillis) {
        int best = 0;
        int from = 0;
        for (int to = 0; to < sorted.length; to++) {
            while (sorted[to] - sorted[from] >= windowMillis) {
                from++;
            }
            best = Math.max(best, to - from + 1);
        }
        return best;
    }

    private static String describe(PublishOutcome outcome, Throwable thrown) {
        if (outcome == null) {
            return thrown == null ? "none" : "threw:" + thrown.getClass().getSimpleName();
        }
        return outcome.status() == PublishOutcome.Status.PUBLISHED
                ? "published"
                : outcome.status().name().toLowerCase() + ":" + outcome.reason();
    }

    /** Percentile of sorted nanoseconds, in milliseconds (nearest rank). */
    private static double pct(long[] sorted, int percentile) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (java.io.IOException e) {
            return String.format("%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private static long ms(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime)
                .sum();
    }

    private static long gcCount() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionCount)
                .sum();
    }

    @SuppressWarnings("unchecked")
    private static <T> AtomicReference<T>[] newRefs(int n) {
        AtomicReference<T>[] refs = new AtomicReference[n];
        for (int i = 0; i < n; i++) {
            refs[i] = new AtomicReference<>();
        }
        return refs;
    }

    private static java.util.concurrent.ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("expected --name=value, got " + arg);
            }
            int eq = arg.indexOf('=');
            options.put(arg.substring(2, eq), arg.substring(eq + 1));
        }
        return options;
    }

    /** Samples the used heap every 10 ms; the peak of the samples. */
    private static final class HeapSampler {
        private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        private final AtomicLong peak = new AtomicLong();
        private volatile boolean running = true;
        private Thread thread;

        void start() {
            thread = new Thread(
                    () -> {
                        while (running) {
                            peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                            try {
                                Thread.sleep(10);
                            } catch (InterruptedException e) {
                                return;
                            }
                        }
                    },
                    "heap-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join();
            peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
        }

        long peak() {
            return peak.get();
        }
    }
}
