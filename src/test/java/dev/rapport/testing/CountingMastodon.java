package dev.rapport.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Mastodon server in the test's JVM that outlives the Rapport processes it serves, and counts what
 * they did to it. Shaped like docs.joinmastodon.org (the bodies of {@code src/test/resources/mastodon}):
 * one account per access token ({@link #token(int)}), {@code verify_credentials}, the v2 instance,
 * the account's statuses newest first, and {@code POST /api/v1/statuses} honouring
 * {@code Idempotency-Key} as Mastodon does: the same key from the same account within an hour
 * answers the status already made. A status post takes {@code latency}, half before the status is
 * made and half after, so that a process killed meanwhile has made it without hearing so.
 *
 * @see <a href="https://docs.joinmastodon.org/methods/statuses/#create">Post a new status</a>
 */
public final class CountingMastodon implements AutoCloseable {

    private static final Pattern STATUSES = Pattern.compile("/api/v1/accounts/([0-9]+)/statuses");
    private static final String TOKEN_PREFIX = "counting-token-";
    private static final Duration IDEMPOTENCY_WINDOW = Duration.ofHours(1);

    /** A status made: by which account, under which key, with what words. */
    public record Created(String id, int account, String key, String text, Instant at) {}

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(64);
    private final JsonMapper json = JsonMapper.builder().build();
    private final Duration latency;
    private final ObjectNode statusTemplate;
    private final ObjectNode accountTemplate;
    private final String instance;

    private final Map<String, Created> byId = new LinkedHashMap<>();
    /** Per account and key: every status made (more than one is a duplicate). */
    private final Map<String, List<Created>> byKey = new HashMap<>();

    private final Map<String, Integer> replays = new HashMap<>();
    private final Set<String> inFlight = new HashSet<>();
    private final List<String> overlaps = new ArrayList<>();
    private final AtomicInteger lookups = new AtomicInteger();
    private final AtomicInteger posts = new AtomicInteger();
    private long nextId = 113563276218330947L;

    public CountingMastodon(Duration latency) {
        this.latency = latency;
        this.statusTemplate = (ObjectNode) json.readTree(resource("status.json"));
        this.accountTemplate = (ObjectNode) json.readTree(resource("verify_credentials.json"));
        this.instance = resource("instance-v2.json");
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The access token of account {@code n}. */
    public static String token(int n) {
        return TOKEN_PREFIX + n;
    }

    /** Statuses made (not status posts received). */
    public synchronized int created() {
        return byId.size();
    }

    public synchronized List<Created> statuses() {
        return List.copyOf(byId.values());
    }

    /** Keys under which more than one status was made: each a publication made twice. */
    public synchronized Map<String, List<Created>> duplicates() {
        Map<String, List<Created>> twice = new LinkedHashMap<>();
        byKey.forEach((key, made) -> {
            if (made.size() > 1) {
                twice.put(key, List.copyOf(made));
            }
        });
        return twice;
    }

    /** Status posts answered from the idempotency cache: a retry that made nothing new. */
    public synchronized int replays() {
        return replays.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Status posts with a key while another post with that key was still being answered. */
    public synchronized List<String> overlaps() {
        return List.copyOf(overlaps);
    }

    /** Reads of an account's statuses: how Rapport looks for a publication it did not hear back about. */
    public int lookups() {
        return lookups.get();
    }

    public int posts() {
        return posts.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            int account = account(exchange.getRequestHeaders().getFirst("Authorization"));
            if (account < 0) {
                respond(exchange, 401, resource("error-unauthorized.json"));
                return;
            }
            String method = exchange.getRequestMethod();
            Matcher statuses = STATUSES.matcher(path);
            if (method.equals("POST") && path.equals("/api/v1/statuses")) {
                postStatus(exchange, account);
            } else if (method.equals("GET") && path.equals("/api/v1/accounts/verify_credentials")) {
                respond(exchange, 200, json.writeValueAsString(account(account)));
            } else if (method.equals("GET") && path.equals("/api/v2/instance")) {
                respond(exchange, 200, instance);
            } else if (method.equals("GET") && statuses.matches()) {
                lookups.incrementAndGet();
                respond(exchange, 200, json.writeValueAsString(recent(statuses.group(1), query(exchange))));
            } else {
                respond(exchange, 404, resource("error-not-found.json"));
            }
        } catch (IOException | RuntimeException e) {
            // The client went away (a killed process): nothing to answer.
        }
    }

    private void postStatus(HttpExchange exchange, int account) throws IOException {
        posts.incrementAndGet();
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String text = form.getOrDefault("status", "");
        if (text.isBlank()) {
            respond(exchange, 422, resource("error-unprocessable.json"));
            return;
        }
        String scoped = account + "/" + key;
        synchronized (this) {
            if (key != null && !inFlight.add(scoped)) {
                overlaps.add(scoped);
            }
        }
        try {
            sleep(latency.dividedBy(2));
            ObjectNode status;
            synchronized (this) {
                Created earlier = key == null ? null : last(byKey.get(scoped));
                if (earlier != null && earlier.at().isAfter(Instant.now().minus(IDEMPOTENCY_WINDOW))) {
                    replays.merge(scoped, 1, Integer::sum);
                    status = status(earlier);
                } else {
                    Created made =
                            new Created(Long.toString(++nextId), account, key == null ? "" : key, text, Instant.now());
                    byId.put(made.id(), made);
                    byKey.computeIfAbsent(scoped, ignored -> new ArrayList<>()).add(made);
                    status = status(made);
                }
            }
            sleep(latency.dividedBy(2));
            respond(exchange, 200, json.writeValueAsString(status));
        } finally {
            synchronized (this) {
                inFlight.remove(scoped);
            }
        }
    }

    /** The account's statuses, newest first, at most {@code limit} (40 at most, as Mastodon). */
    private synchronized ArrayNode recent(String accountId, Map<String, String> query) {
        int limit = Math.min(40, Integer.parseInt(query.getOrDefault("limit", "20")));
        List<Created> theirs = byId.values().stream()
                .filter(made -> accountId(made.account()).equals(accountId))
                .toList();
        ArrayNode page = json.createArrayNode();
        for (int i = theirs.size() - 1; i >= 0 && page.size() < limit; i--) {
            page.add(status(theirs.get(i)));
        }
        return page;
    }

    private ObjectNode status(Created made) {
        ObjectNode status = statusTemplate.deepCopy();
        status.put("id", made.id());
        status.put("created_at", made.at().toString());
        status.put("uri", "https://mastodon.example/users/once_" + made.account() + "/statuses/" + made.id());
        status.put("url", "https://mastodon.example/@once_" + made.account() + "/" + made.id());
        status.put("content", "<p>" + escape(made.text()).replace("\n", "<br />") + "</p>");
        status.set("account", account(made.account()));
        return status;
    }

    private ObjectNode account(int n) {
        ObjectNode account = accountTemplate.deepCopy();
        account.put("id", accountId(n));
        account.put("username", "once_" + n);
        account.put("acct", "once_" + n);
        account.put("url", "https://mastodon.example/@once_" + n);
        return account;
    }

    private static String accountId(int n) {
        return Long.toString(109302871394720000L + n);
    }

    private static int account(String authorization) {
        String prefix = "Bearer " + TOKEN_PREFIX;
        if (authorization == null || !authorization.startsWith(prefix)) {
            return -1;
        }
        try {
            return Integer.parseInt(authorization.substring(prefix.length()));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static Created last(List<Created> made) {
        return made == null || made.isEmpty() ? null : made.get(made.size() - 1);
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.getResponseHeaders().set("X-Request-Id", "req-" + Long.toHexString(System.nanoTime()));
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static Map<String, String> query(HttpExchange exchange) {
        String raw = exchange.getRequestURI().getRawQuery();
        return form(raw == null ? "" : raw);
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            if (!pair.isEmpty()) {
                String[] parts = pair.split("=", 2);
                form.putIfAbsent(
                        URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                        parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
            }
        }
        return form;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String resource(String name) {
        try (InputStream in = CountingMastodon.class.getResourceAsStream("/mastodon/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no stub body " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
