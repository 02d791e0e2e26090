package dev.rapport.publishing;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The publishing benchmarks of issue 6: the calendar page and {@code GET /api/v1/calendar} for a
 * month with 100,000 posts in the database, and the composer's live lint round trip.
 *
 * <p>Starts the shipped jar (a process of its own) on a fresh H2 data directory or on a PostgreSQL
 * database, creates the accounts through the API, stops it, bulk-inserts the posts with JDBC into
 * the same database (the columns the application writes), starts it again and measures with the
 * JDK's HttpClient, one client, sequential requests, on loopback. Times are client-measured.
 */
public final class CalendarBenchmark {

    static final Map<String, String> options = new HashMap<>();
    static final String EMAIL = "bench@rapport.test";
    static final String PASSWORD = "Calendar-Load-Measure-2026!";

    static String opt(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    static int num(String name, int fallback) {
        return Integer.parseInt(opt(name, String.valueOf(fallback)));
    }

    public static void main(String[] args) throws Exception {
        for (String arg : args) {
            String[] kv = arg.replaceFirst("^--", "").split("=", 2);
            options.put(kv[0], kv.length > 1 ? kv[1] : "true");
        }
        String jar = opt("jar", "target/rapport.jar");
        int port = num("port", 18089);
        int accounts = num("accounts", 50);
        int postCount = num("posts", 100_000);
        YearMonth month = YearMonth.parse(opt("month", "2027-03"));
        String pgUrl = options.get("postgres-url"); // jdbc:postgresql://127.0.0.1:55442/rapport
        // --reuse=DIR: an H2 data directory of an earlier run (accounts and posts in place)
        Path dataDir = options.containsKey("reuse")
                ? Path.of(options.get("reuse"))
                : Files.createTempDirectory("rapport-calendar-bench");
        String jdbcUrl = pgUrl != null
                ? pgUrl
                : "jdbc:h2:file:" + dataDir.toAbsolutePath() + "/rapport;MODE=PostgreSQL;DB_CLOSE_ON_EXIT=FALSE";
        String jdbcUser = pgUrl != null ? opt("postgres-user", "rapport") : "rapport";
        String jdbcPassword = pgUrl != null ? opt("postgres-password", "rapport-test") : "";
        System.out.printf("database: %s%njar: %s, port %d, %d accounts, %d posts in %s%n",
                pgUrl != null ? "PostgreSQL " + pgUrl : "H2 " + jdbcUrl, jar, port, accounts, postCount, month);

        if (options.containsKey("reuse")) {
            List<Long> ids = new ArrayList<>();
            try (Connection db = DriverManager.getConnection(jdbcUrl, jdbcUser, jdbcPassword);
                    Statement st = db.createStatement();
                    java.sql.ResultSet rs = st.executeQuery("SELECT id FROM account ORDER BY id")) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            Process again = start(jar, port, dataDir, pgUrl, jdbcUser, jdbcPassword);
            try {
                measure(port, ids, month);
            } finally {
                stop(again);
            }
            return;
        }
        // 1. First start: Flyway creates the schema, the admin exists; accounts through the API.
        Process app = start(jar, port, dataDir, pgUrl, jdbcUser, jdbcPassword);
        List<Long> accountIds = new ArrayList<>();
        long adminId;
        try {
            Api api = new Api(port);
            String members = api.get("/api/v1/members").body();
            Matcher m = Pattern.compile("\\{\"id\":(\\d+)[^{}]*\"email\":\"" + Pattern.quote(EMAIL) + "\"").matcher(members);
            if (!m.find()) {
                throw new IllegalStateException("admin not found in " + members);
            }
            adminId = Long.parseLong(m.group(1));
            for (int i = 0; i < accounts; i++) {
                HttpResponse<String> created = api.post("/api/v1/accounts", "{\"network\":\"weibo\",\"handle\":\"bench"
                        + i + "\",\"purpose\":\"benchmark account " + i + "\",\"owners\":[" + adminId + "]}");
                long id = firstLong(created.body(), "id");
                String status = firstString(created.body(), "status");
                if (!"ACTIVE".equals(status)) {
                    HttpResponse<String> decided = api.post("/api/v1/accounts/" + id + "/decision", "{\"approve\":true}");
                    status = firstString(decided.body(), "status");
                }
                if (!"ACTIVE".equals(status)) {
                    throw new IllegalStateException("account " + id + " is " + status);
                }
                accountIds.add(id);
            }
        } finally {
            stop(app);
        }

        // 2. Bulk insert with JDBC while the application is down.
        long started = System.nanoTime();
        insertPosts(jdbcUrl, jdbcUser, jdbcPassword, accountIds, adminId, postCount, month);
        System.out.printf("inserted %,d posts and variants in %.1f s%n", postCount, (System.nanoTime() - started) / 1e9);

        // 3. Second start, then measure.
        app = start(jar, port, dataDir, pgUrl, jdbcUser, jdbcPassword);
        try {
            measure(port, accountIds, month);
        } finally {
            stop(app);
        }
    }

    // ---------------------------------------------------------------- application process

    static Process start(String jar, int port, Path dataDir, String pgUrl, String user, String password)
            throws Exception {
        List<String> command = new ArrayList<>(List.of("java"));
        command.addAll(Arrays.asList(opt("app-java-opts", "-Xmx1g").split(" ")));
        command.addAll(List.of("-jar", jar, "--server.port=" + port, "--rapport.data-dir=" + dataDir));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("app.log").toFile());
        builder.environment().put("RAPPORT_ADMIN_EMAIL", EMAIL);
        builder.environment().put("RAPPORT_ADMIN_PASSWORD", PASSWORD);
        if (pgUrl != null) {
            builder.environment().put("SPRING_DATASOURCE_URL", pgUrl);
            builder.environment().put("SPRING_DATASOURCE_USERNAME", user);
            builder.environment().put("SPRING_DATASOURCE_PASSWORD", password);
        }
        long t0 = System.nanoTime();
        Process process = builder.start();
        HttpClient client = HttpClient.newHttpClient();
        for (int i = 0; i < 600; i++) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the application exited; see " + dataDir.resolve("app.log"));
            }
            try {
                HttpResponse<Void> r = client.send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    System.out.printf("application up in %.1f s (log %s)%n", (System.nanoTime() - t0) / 1e9,
                            dataDir.resolve("app.log"));
                    return process;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        process.destroyForcibly();
        throw new IllegalStateException("the application did not start in 150 s");
    }

    static void stop(Process process) throws InterruptedException {
        process.destroy(); // SIGTERM: Spring closes the pool, H2 closes the file
        if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    // ---------------------------------------------------------------- data

    static final String[] CONTENT = {"PROMOTIONAL", "EDUCATIONAL", "ENTERTAINING", "INSPIRING", "CONVERSATIONAL",
        "CURATED", "CUSTOMER_STORY"};
    static final String[] WORDS = {"新品", "发布", "今天", "我们", "活动", "欢迎", "参加", "分享", "经验", "团队",
        "launch", "today", "join", "our", "team", "webinar", "tips", "story", "customers", "spring"};

    static void insertPosts(String url, String user, String password, List<Long> accountIds, long adminId,
            int count, YearMonth month) throws Exception {
        Random random = new Random(42);
        OffsetDateTime start = month.atDay(1).atStartOfDay().atOffset(ZoneOffset.UTC);
        long seconds = Duration.between(start, month.plusMonths(1).atDay(1).atStartOfDay().atOffset(ZoneOffset.UTC))
                .toSeconds();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        try (Connection db = DriverManager.getConnection(url, user, password)) {
            db.setAutoCommit(false);
            long campaignBase = 1_000_000;
            try (PreparedStatement c = db.prepareStatement(
                    "INSERT INTO campaign (id, name, created_by, created_at) VALUES (?, ?, ?, ?)")) {
                for (int i = 0; i < 10; i++) {
                    c.setLong(1, campaignBase + i);
                    c.setString(2, "bench campaign " + i);
                    c.setLong(3, adminId);
                    c.setObject(4, now);
                    c.addBatch();
                }
                c.executeBatch();
            }
            long idBase = 1_000_000; // far above what the application's identities hand out meanwhile
            try (PreparedStatement post = db.prepareStatement("""
                            INSERT INTO post (id, idea, content_type, content_type_chosen, campaign_id, created_by, created_at)
                            VALUES (?, ?, ?, ?, ?, ?, ?)""");
                    PreparedStatement variant = db.prepareStatement("""
                            INSERT INTO post_variant (id, post_id, account_id, network, text, proposed_text, state,
                                scheduled_at, publish_key, screening_action, attempts, updated_at, content_type,
                                automated)
                            VALUES (?, ?, ?, 'weibo', ?, ?, 'SCHEDULED', ?, ?, 'ALLOW', 0, ?, ?, ?)""")) {
                for (int i = 0; i < count; i++) {
                    long id = idBase + i;
                    StringBuilder text = new StringBuilder();
                    int words = 15 + random.nextInt(25);
                    for (int w = 0; w < words; w++) {
                        text.append(WORDS[random.nextInt(WORDS.length)]).append(w % 3 == 2 ? " " : "");
                    }
                    String t = text.toString().trim();
                    post.setLong(1, id);
                    post.setString(2, t);
                    String type = CONTENT[random.nextInt(CONTENT.length)];
                    post.setString(3, type);
                    post.setBoolean(4, random.nextBoolean());
                    if (random.nextInt(4) == 0) {
                        post.setLong(5, campaignBase + random.nextInt(10));
                    } else {
                        post.setNull(5, java.sql.Types.BIGINT);
                    }
                    post.setLong(6, adminId);
                    post.setObject(7, now);
                    post.addBatch();
                    variant.setLong(1, id);
                    variant.setLong(2, id);
                    variant.setLong(3, accountIds.get(i % accountIds.size()));
                    variant.setString(4, random.nextInt(3) == 0 ? t + " #edited" : t);
                    variant.setString(5, t);
                    variant.setObject(6, start.plusSeconds((long) (random.nextDouble() * seconds)));
                    variant.setString(7, "bench-" + id);
                    variant.setObject(8, now);
                    variant.setString(9, type);
                    variant.setBoolean(10, random.nextInt(7) == 0); // as if the composer had found a repeat
                    variant.addBatch();
                    if (i % 2000 == 1999 || i == count - 1) {
                        post.executeBatch();
                        variant.executeBatch();
                        db.commit();
                    }
                }
            }
            db.commit();
            if (url.startsWith("jdbc:postgresql")) {
                // The state autovacuum reaches a minute after a bulk insert: statistics, and the
                // visibility map that lets the mix and the counts read the index alone.
                db.setAutoCommit(true);
                try (Statement s = db.createStatement()) {
                    s.execute("VACUUM ANALYZE");
                }
            }
        }
    }

    // ---------------------------------------------------------------- measurements

    static void measure(int port, List<Long> accountIds, YearMonth month) throws Exception {
        int requests = num("requests", 300);
        int fullRequests = num("full-requests", 30);
        int warmup = num("warmup", 50);
        int lint = num("lint", 500);
        Api api = new Api(port).withToken();
        Browser browser = new Browser(port);
        browser.signIn();
        long one = accountIds.get(0);
        Instant from = month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        String range = "from=" + from + "&to=" + to;

        System.out.printf("%n%-46s %5s %9s %8s %8s %8s %8s %8s%n", "scenario", "n", "entries", "p50 ms", "p95 ms",
                "p99 ms", "max ms", "KB");
        if (wanted("lint")) {
            // The composer's live lint: a post of the admin's, then the htmx check with changing text.
            HttpResponse<String> composed = api.post("/api/v1/posts",
                    "{\"idea\":\"Our spring webinar: three tips for better posts\",\"accountIds\":[" + one + "]}");
            long postId = firstLong(composed.body(), "id");
            Matcher v = Pattern.compile("\"variants\":\\[\\{\"variant\":\\{\"id\":(\\d+)").matcher(composed.body());
            if (!v.find()) {
                throw new IllegalStateException("no variant in " + composed.body());
            }
            long variantId = Long.parseLong(v.group(1));
            browser.get("/posts/" + postId); // its CSRF token
            Random random = new Random(7);
            run("POST /posts/{id}/variants/{v}/check (lint)", lint, warmup, () -> {
                StringBuilder text = new StringBuilder("Join our spring webinar ");
                int words = 5 + random.nextInt(30);
                for (int w = 0; w < words; w++) {
                    text.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
                }
                if (random.nextBoolean()) {
                    text.append("#rapport https://example.com/webinar");
                }
                return browser.post("/posts/" + postId + "/variants/" + variantId + "/check",
                        Map.of("text", text.toString()));
            });
        }
        // The whole month of one account in one response (its 2,000 entries; the default page is 1,000).
        if (wanted("api1")) run("GET /api/v1/calendar, month, 1 account", requests, warmup,
                () -> api.get("/api/v1/calendar?" + range + "&account=" + one + "&limit=5000"));
        // The page, then the content mix section it loads after the grid (htmx, GET /calendar/mix).
        String period = "from=" + month.atDay(1) + "&to=" + month.atEndOfMonth();
        if (wanted("page1")) {
            run("GET /calendar page, month, 1 account", num("page-requests", requests), Math.min(warmup, 5),
                    () -> browser.get("/calendar?month=" + month + "&account=" + one));
            run("GET /calendar/mix (its section), 1 account", num("page-requests", requests), Math.min(warmup, 5),
                    () -> browser.get("/calendar/mix?" + period + "&account=" + one));
        }
        if (wanted("mix")) {
            run("GET /api/v1/content-mix, month, 1 account", requests, warmup,
                    () -> api.get("/api/v1/content-mix?" + range + "&account=" + one));
            run("GET /api/v1/content-mix, month, all accounts", requests, warmup,
                    () -> api.get("/api/v1/content-mix?" + range));
        }
        // A page (the default 1,000 entries) of the month of every account, the first and one deep in it.
        if (wanted("apiall")) {
            run("GET /api/v1/calendar, month, all, first page", requests, warmup,
                    () -> api.get("/api/v1/calendar?" + range));
            String deep = "/api/v1/calendar?" + range + "&after="
                    + month.atDay(20).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli() + "-0";
            run("GET /api/v1/calendar, month, all, page at day 20", requests, warmup, () -> api.get(deep));
            // Every page of the month once, following the Link headers: 100,000 entries.
            long t0 = System.nanoTime();
            int pages = 0;
            int entries = 0;
            String next = "/api/v1/calendar?" + range;
            while (next != null) {
                HttpResponse<String> page = api.get(next);
                check(page, "walk");
                pages++;
                Matcher m = ENTRY.matcher(page.body());
                while (m.find()) {
                    entries++;
                }
                next = page.headers().firstValue("Link")
                        .map(link -> link.substring(link.indexOf("/api/v1/"), link.indexOf('>'))).orElse(null);
            }
            System.out.printf("every page of the month, all accounts: %d pages, %d entries, %.1f s%n", pages, entries,
                    (System.nanoTime() - t0) / 1e9);
        }
        if (wanted("pageall")) {
            run("GET /calendar page, month, all accounts", fullRequests, Math.min(warmup, 2),
                    () -> browser.get("/calendar?month=" + month));
            run("GET /calendar/mix (its section), all accounts", fullRequests, Math.min(warmup, 2),
                    () -> browser.get("/calendar/mix?" + period));
        }

    }

    /** --scenarios=lint,api1,page1,mix,apiall,pageall (default: all). */
    static boolean wanted(String scenario) {
        return Arrays.asList(opt("scenarios", "lint,api1,page1,mix,apiall,pageall").split(",")).contains(scenario);
    }

    static final Pattern ENTRY = Pattern.compile("\"variantId\":");
    static final Pattern CARD = Pattern.compile("class=\"chip");

    static void run(String label, int n, int warmup, Supplier<HttpResponse<String>> request) {
        for (int i = 0; i < warmup; i++) {
            check(request.get(), label);
        }
        long[] nanos = new long[n];
        long bytes = 0;
        int entries = -1;
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            HttpResponse<String> response = request.get();
            nanos[i] = System.nanoTime() - t0;
            check(response, label);
            bytes = response.body().getBytes(StandardCharsets.UTF_8).length;
            if (i == 0) {
                Matcher m = ENTRY.matcher(response.body());
                entries = 0;
                while (m.find()) {
                    entries++;
                }
                if (entries == 0) {
                    m = CARD.matcher(response.body());
                    while (m.find()) {
                        entries++;
                    }
                }
            }
        }
        Arrays.sort(nanos);
        System.out.printf("%-46s %5d %9s %8.1f %8.1f %8.1f %8.1f %8d%n", label, n, entries <= 0 ? "-" : entries,
                pct(nanos, 50), pct(nanos, 95), pct(nanos, 99), nanos[n - 1] / 1e6, bytes / 1024);
    }

    static double pct(long[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }

    static void check(HttpResponse<String> response, String label) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException(label + ": HTTP " + response.statusCode() + " "
                    + response.body().substring(0, Math.min(500, response.body().length())));
        }
    }

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

    // ---------------------------------------------------------------- clients

    /** The REST API as the admin, HTTP Basic. */
    static final class Api {
        final String base;
        final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        /** HTTP Basic (a BCrypt check per request) until {@link #withToken()} swaps in an access token. */
        String auth = "Basic " + Base64.getEncoder().encodeToString((EMAIL + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));

        /**
         * A personal access token, as an integration uses the API: its hash is looked up per request,
         * where HTTP Basic would spend most of a request in BCrypt.
         */
        Api withToken() {
            HttpResponse<String> created = post("/api/v1/me/tokens", "{\"name\":\"calendar benchmark\"}");
            auth = "Bearer " + firstString(created.body(), "secret");
            return this;
        }

        Api(int port) {
            this.base = "http://localhost:" + port;
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

    /** A signed-in browser session (cookies, CSRF token of the last page), as WebSession in the tests. */
    static final class Browser {
        static final Pattern CSRF = Pattern.compile("name=\"_csrf\" (?:value|content)=\"([^\"]+)\"");
        final String base;
        final HttpClient client;
        String csrf;

        Browser(int port) {
            this.base = "http://localhost:" + port;
            this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        }

        void signIn() {
            get("/login");
            HttpResponse<String> r = post("/login", Map.of("email", EMAIL, "password", PASSWORD));
            String location = r.headers().firstValue("Location").orElse("");
            if (location.contains("/login")) {
                throw new IllegalStateException("sign-in failed: " + location);
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
                    .header("HX-Request", "true").POST(HttpRequest.BodyPublishers.ofString(body)).build());
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
}
