package dev.rapport.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.testing.Api;
import dev.rapport.testing.CountingMastodon;
import dev.rapport.testing.ProcessDatabase;
import dev.rapport.testing.TestMembers;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Due variants made through the API of a running Rapport, as a workspace makes them: Mastodon
 * accounts requested, approved and connected to a {@link CountingMastodon}, then posts composed for
 * all of them — each variant with words of its own — and submitted, so that every variant is
 * scheduled for now. Afterwards, what Rapport recorded of them.
 */
final class DueVariants {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What was seeded: the stub's account number of each Rapport account, and every variant's text. */
    record Seeded(Map<Long, Integer> accounts, Set<String> texts) {}

    /** A variant as Rapport recorded it. */
    record Variant(long id, long accountId, String text, String state, String remoteId, String publishKey) {}

    private DueVariants() {}

    /** Posts for every account at once, {@code posts} of them, composed and submitted a few at a time. */
    static Seeded seed(int port, CountingMastodon network, int accounts, int posts) {
        Api admin = Api.admin(port);
        long adminId = StreamSupport.stream(
                        expect(admin.get("/api/v1/members"), 200).spliterator(), false)
                .filter(member -> member.get("email").asString().equals(TestMembers.ADMIN_EMAIL))
                .findFirst()
                .orElseThrow()
                .get("id")
                .asLong();
        expect(admin.post("/api/v1/policy/acknowledgement", ""), 200);
        Map<Long, Integer> accountIds = new LinkedHashMap<>();
        for (int n = 0; n < accounts; n++) {
            JsonNode requested = expect(admin.post("/api/v1/accounts", """
                            {"network":"mastodon","handle":"once-%d","purpose":"Exactly once","owners":[%d]}""".formatted(n, adminId)), 201);
            long id = requested.get("id").asLong();
            expect(admin.post("/api/v1/accounts/" + id + "/decision", "{\"approve\":true}"), 200);
            expect(
                    admin.post("/api/v1/accounts/" + id + "/connection", """
                            {"connector":"mastodon","values":{"server":"%s","accessToken":"%s"}}""".formatted(
                                    network.baseUrl(), CountingMastodon.token(n))),
                    200);
            accountIds.put(id, n);
        }
        ExecutorService authors = Executors.newFixedThreadPool(3);
        try {
            List<Future<List<String>>> composed = IntStream.range(0, posts)
                    .mapToObj(p -> authors.submit(() -> composeAndSubmit(port, accountIds, p)))
                    .toList();
            Set<String> texts = new HashSet<>();
            for (Future<List<String>> post : composed) {
                texts.addAll(post.get());
            }
            return new Seeded(accountIds, texts);
        } catch (ExecutionException e) {
            throw new AssertionError("seeding failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            authors.shutdownNow();
        }
    }

    private static List<String> composeAndSubmit(int port, Map<Long, Integer> accounts, int p) {
        Api admin = Api.admin(port);
        Map<String, String> own = new TreeMap<>();
        accounts.forEach((id, n) -> own.put(
                Long.toString(id),
                "Harbour note %d for account %d: the lantern is lit, come and say hello.".formatted(p, n)));
        String body = JSON.writeValueAsString(Map.of(
                "idea",
                "Harbour note " + p + ": the lantern is lit, come and say hello.",
                "accountIds",
                List.copyOf(accounts.keySet()),
                "texts",
                own));
        long postId =
                expect(admin.post("/api/v1/posts", body), 201).at("/post/id").asLong();
        JsonNode submitted = expect(admin.post("/api/v1/posts/" + postId + "/submit", ""), 200);
        assertThat(submitted.get("variants").findValuesAsString("state"))
                .as("submitted straight to the schedule")
                .containsOnly("SCHEDULED");
        return List.copyOf(own.values());
    }

    /** How many variants were published, as the audit trail counts them (one entry per publication). */
    static long publishedByAudit(int port) {
        return expect(Api.admin(port).get("/api/v1/audit?action=post.published&size=1"), 200)
                .get("total")
                .asLong();
    }

    /** The audit trail's publication entries: how many name each target. */
    static Map<String, Long> auditTargets(int port) {
        List<String> targets = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode found =
                    expect(Api.admin(port).get("/api/v1/audit?action=post.published&size=500&page=" + page), 200);
            targets.addAll(found.get("entries").findValuesAsString("target"));
            if ((long) (page + 1) * 500 >= found.get("total").asLong()) {
                return targets.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            }
        }
    }

    /** Every variant as Rapport wrote it in its database. */
    static List<Variant> recorded(ProcessDatabase database) {
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT id, account_id, text, state, remote_id, publish_key FROM post_variant ORDER BY id")) {
            List<Variant> variants = new ArrayList<>();
            while (rows.next()) {
                variants.add(new Variant(
                        rows.getLong("id"),
                        rows.getLong("account_id"),
                        rows.getString("text"),
                        rows.getString("state"),
                        rows.getString("remote_id"),
                        rows.getString("publish_key")));
            }
            return variants;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How many variants are in each state. */
    static Map<String, Long> states(List<Variant> variants) {
        return variants.stream().collect(Collectors.groupingBy(Variant::state, TreeMap::new, Collectors.counting()));
    }

    private static JsonNode expect(HttpResponse<String> response, int status) {
        assertThat(response.statusCode())
                .as(response.request().method() + " " + response.request().uri() + ": " + response.body())
                .isEqualTo(status);
        return JSON.readTree(response.body());
    }
}
