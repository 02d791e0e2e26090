package dev.rapport.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The AT Protocol network of the tests is real: sessions, records and the AppView's notifications. */
@Tag("atproto")
class AtprotoNetworkTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static AtprotoNetwork network;

    @BeforeAll
    static void start() {
        network = AtprotoNetwork.get();
    }

    @Test
    void aliceSignsInWithHerAppPasswordAndSeesBobsReplyAndLike() {
        AtprotoNetwork.Account alice = network.alice();
        AtprotoNetwork.Account bob = network.bob();
        assertThat(alice.handle()).endsWith(".test");
        assertThat(alice.appPassword()).isNotBlank().isNotEqualTo(alice.password());

        JsonNode aliceSession = signIn(alice.handle(), alice.appPassword());
        assertThat(aliceSession.get("did").asString()).isEqualTo(alice.did());
        String aliceToken = aliceSession.get("accessJwt").asString();
        String bobToken = signIn(bob.handle(), bob.password()).get("accessJwt").asString();

        String text = "Hello from Rapport " + Instant.now();
        JsonNode post =
                createRecord(aliceToken, alice.did(), "app.bsky.feed.post", Map.of("text", text, "createdAt", now()));
        Map<String, String> postRef =
                Map.of("uri", post.get("uri").asString(), "cid", post.get("cid").asString());
        // The AppView indexes each account's writes in parallel: a reply indexed before the post it
        // answers notifies nobody. Bob sees the post first, as he would on Bluesky.
        network.processAll();
        JsonNode reply = createRecord(
                bobToken,
                bob.did(),
                "app.bsky.feed.post",
                Map.of(
                        "text", "Nice one, Alice",
                        "reply", Map.of("root", postRef, "parent", postRef),
                        "createdAt", now()));
        JsonNode like =
                createRecord(bobToken, bob.did(), "app.bsky.feed.like", Map.of("subject", postRef, "createdAt", now()));

        network.processAll();

        JsonNode notifications = get(aliceToken, "app.bsky.notification.listNotifications", "limit=50")
                .get("notifications");
        List<String> seen = new ArrayList<>();
        boolean replied = false;
        boolean liked = false;
        for (JsonNode notification : notifications) {
            String reason = notification.get("reason").asString();
            String uri = notification.get("uri").asString();
            String author = notification.get("author").get("did").asString();
            seen.add(reason + " " + uri + " by " + author);
            replied |= reason.equals("reply") && uri.equals(reply.get("uri").asString()) && author.equals(bob.did());
            liked |= reason.equals("like")
                    && uri.equals(like.get("uri").asString())
                    && author.equals(bob.did())
                    && notification.get("reasonSubject").asString().equals(postRef.get("uri"));
        }
        assertThat(replied).as("a reply notification among %s", seen).isTrue();
        assertThat(liked).as("a like notification among %s", seen).isTrue();

        JsonNode thread = get(
                        aliceToken,
                        "app.bsky.feed.getPostThread",
                        "uri=" + URLEncoder.encode(postRef.get("uri"), StandardCharsets.UTF_8))
                .get("thread");
        assertThat(thread.get("post").get("record").get("text").asString()).isEqualTo(text);
        assertThat(thread.get("post").get("likeCount").asInt()).isEqualTo(1);
        assertThat(thread.get("replies")
                        .get(0)
                        .get("post")
                        .get("author")
                        .get("handle")
                        .asString())
                .isEqualTo(bob.handle());
    }

    @Test
    void aWrongPasswordIsRefused() {
        HttpResponse<String> response = post(
                null,
                "com.atproto.server.createSession",
                Map.of("identifier", network.alice().handle(), "password", "not-her-password"));
        assertThat(response.statusCode()).isEqualTo(401);
    }

    private static JsonNode signIn(String identifier, String password) {
        return ok(
                post(null, "com.atproto.server.createSession", Map.of("identifier", identifier, "password", password)));
    }

    private static JsonNode createRecord(String token, String repo, String collection, Map<String, Object> record) {
        Map<String, Object> typed = new java.util.LinkedHashMap<>(record);
        typed.put("$type", collection);
        return ok(post(
                token,
                "com.atproto.repo.createRecord",
                Map.of("repo", repo, "collection", collection, "record", typed)));
    }

    private static JsonNode get(String token, String nsid, String query) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(network.pdsUrl() + "/xrpc/" + nsid + "?" + query))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .GET()
                .build();
        return ok(send(request));
    }

    private static HttpResponse<String> post(String token, String nsid, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(network.pdsUrl() + "/xrpc/" + nsid))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return network.http().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode())
                .as("%s answered %s", response.request().uri(), response.body())
                .isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static String now() {
        return Instant.now().toString();
    }
}
