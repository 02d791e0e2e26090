package dev.rapport.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rapport.team.Role;
import dev.rapport.team.TeamManagement;
import dev.rapport.testing.Api;
import dev.rapport.testing.AtprotoNetwork;
import dev.rapport.testing.TestAccounts;
import dev.rapport.testing.TestMembers;
import dev.rapport.testing.TestMembers.Credentials;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * End to end on a real AT Protocol network on loopback: a post scheduled in Rapport appears on
 * alice's repository once, on time, with its mention, hashtag and link as facets.
 */
@Tag("atproto")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BlueskyPublishingTests {

    @LocalServerPort
    int port;

    @Autowired
    TeamManagement team;

    @Autowired
    JsonMapper json;

    @Test
    void aScheduledPostAppearsOnBlueskyOnceWithItsFacets() throws Exception {
        AtprotoNetwork network = AtprotoNetwork.get();
        AtprotoNetwork.Account alice = network.alice();
        AtprotoNetwork.Account bob = network.bob();
        Credentials marketer = TestMembers.create(team, Role.MARKETER);
        Api.as(port, marketer).post("/api/v1/policy/acknowledgement", "");
        long account = TestAccounts.alice(port, marketer, network);

        String marker = UUID.randomUUID().toString().substring(0, 8);
        String text = "Ask @" + bob.handle() + " about the #春季菜单 https://example.com/spring " + marker;
        Instant at = Instant.now().plusSeconds(4);
        var composed = Api.as(port, marketer).post("/api/v1/posts", """
                {"idea":"%s","accountIds":[%d],"scheduledAt":"%s"}""".formatted(text, account, at));
        assertThat(composed.statusCode()).as(composed.body()).isEqualTo(201);
        long post = json.readTree(composed.body()).at("/post/id").asLong();
        assertThat(Api.as(port, marketer)
                        .post("/api/v1/posts/" + post + "/submit", "")
                        .statusCode())
                .isEqualTo(200);

        await().atMost(Duration.ofSeconds(60))
                .until(() -> variant(post).get("state").asString().equals("PUBLISHED"));
        JsonNode variant = variant(post);
        assertThat(Instant.parse(variant.get("publishedAt").asString())).isAfterOrEqualTo(at.minusSeconds(1));
        String uri = variant.get("remoteId").asString();
        assertThat(uri).startsWith("at://" + alice.did() + "/app.bsky.feed.post/");

        // Once: alice's repository holds one post with this text.
        JsonNode records = xrpc(
                network,
                "com.atproto.repo.listRecords?repo=" + alice.did() + "&collection=app.bsky.feed.post&limit=100");
        int copies = 0;
        for (JsonNode record : records.get("records")) {
            if (record.at("/value/text").asString().contains(marker)) {
                copies++;
            }
        }
        assertThat(copies).isEqualTo(1);

        JsonNode record = xrpc(
                        network,
                        "com.atproto.repo.getRecord?repo=" + alice.did() + "&collection=app.bsky.feed.post&rkey="
                                + uri.substring(uri.lastIndexOf('/') + 1))
                .get("value");
        assertThat(record.get("text").asString()).isEqualTo(text);
        Map<String, String> facets = new HashMap<>();
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        record.get("facets").forEach(facet -> {
            int start = facet.at("/index/byteStart").asInt();
            int end = facet.at("/index/byteEnd").asInt();
            facets.put(
                    new String(bytes, start, end - start, StandardCharsets.UTF_8),
                    facet.at("/features/0/$type").asString());
        });
        assertThat(facets)
                .containsEntry("@" + bob.handle(), "app.bsky.richtext.facet#mention")
                .containsEntry("#春季菜单", "app.bsky.richtext.facet#tag")
                .containsEntry("https://example.com/spring", "app.bsky.richtext.facet#link");
    }

    private JsonNode variant(long post) {
        return json.readTree(Api.admin(port).get("/api/v1/posts/" + post).body())
                .at("/variants/0/variant");
    }

    private JsonNode xrpc(AtprotoNetwork network, String query) throws Exception {
        HttpResponse<String> response = network.http()
                .send(
                        HttpRequest.newBuilder(URI.create(network.pdsUrl() + "/xrpc/" + query))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }
}
