package dev.rapport.connectors.bluesky;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rapport.inbox.Ingestion;
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
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The inbox end to end on a real AT Protocol network on loopback: bob replies to a post of alice's
 * brand account; the reply reaches Rapport's inbox once, classified and routed to billing; the answer
 * written in Rapport appears on the network in bob's thread.
 */
@Tag("atproto")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BlueskyInboxTests {

    @LocalServerPort
    int port;

    @Autowired
    TeamManagement team;

    @Autowired
    Ingestion ingestion;

    @Autowired
    JsonMapper json;

    @Test
    void bobsReplyReachesTheInboxAndTheAnswerAppearsInHisThread() throws Exception {
        AtprotoNetwork network = AtprotoNetwork.get();
        AudienceMember bob = new AudienceMember(network, network.bob());
        Credentials marketer = TestMembers.create(team, Role.MARKETER);
        Api.as(port, marketer).post("/api/v1/policy/acknowledgement", "");
        long account = TestAccounts.alice(port, marketer, network);

        String marker = UUID.randomUUID().toString().substring(0, 8);
        String brandPost =
                publish(marketer, account, "Our annual plan is here: every feature, one invoice a year. " + marker);

        network.processAll();
        String question =
                bob.reply(brandPost, "How much is the annual plan? I was charged twice on my last invoice. " + marker);
        network.processAll();

        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    ingestion.poll();
                    return conversationWith(account, marker).isPresent();
                });
        JsonNode conversation = conversationWith(account, marker).orElseThrow();
        assertThat(conversation.at("/contact/handle").asString()).isEqualTo(bob.handle());
        assertThat(conversation.get("intent").asString()).isEqualTo("BILLING");
        assertThat(department(conversation.get("departmentId").asLong())).isEqualTo("billing");
        long id = conversation.get("id").asLong();

        Api.admin(port).post("/api/v1/policy/acknowledgement", "");
        String answer = "Sorry about the double charge! We have refunded the second one today. " + marker;
        var replied = Api.admin(port)
                .post(
                        "/api/v1/conversations/" + id + "/replies",
                        json.writeValueAsString(java.util.Map.of("text", answer)));
        assertThat(replied.statusCode()).as(replied.body()).isEqualTo(201);

        // On the network: one post of alice's with the answer, in bob's thread under the brand post.
        JsonNode answers = records(network, network.alice().did(), marker + "", answer);
        assertThat(answers).hasSize(1);
        assertThat(answers.get(0).at("/value/reply/parent/uri").asString()).isEqualTo(question);
        assertThat(answers.get(0).at("/value/reply/root/uri").asString()).isEqualTo(brandPost);

        // Polling again neither repeats bob's question nor takes the answer for a new conversation.
        network.processAll();
        ingestion.poll();
        JsonNode details =
                json.readTree(Api.admin(port).get("/api/v1/conversations/" + id).body());
        assertThat(details.findValuesAsString("direction")).containsExactly("IN", "OUT");
        assertThat(details.at("/conversation/firstResponseAt").isMissingNode()
                        || details.at("/conversation/firstResponseAt").isNull())
                .isFalse();
    }

    @Test
    void spamUnderTheBrandsPostIsReportedToModerationAndHiddenWithTheThreadGate() throws Exception {
        AtprotoNetwork network = AtprotoNetwork.get();
        AudienceMember bob = new AudienceMember(network, network.bob());
        Credentials marketer = TestMembers.create(team, Role.MARKETER);
        Api.as(port, marketer).post("/api/v1/policy/acknowledgement", "");
        long account = TestAccounts.alice(port, marketer, network);
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String brandPost = publish(marketer, account, "Spring workshop seats are open. " + marker);
        network.processAll();
        String spam = bob.reply(brandPost, "Buy 10k followers now, cheap!!! " + marker);
        network.processAll();
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    ingestion.poll();
                    return conversationWith(account, marker).isPresent();
                });
        long id = conversationWith(account, marker).orElseThrow().get("id").asLong();

        Api.admin(port).post("/api/v1/policy/acknowledgement", "");
        var done = Api.admin(port).post("/api/v1/conversations/" + id + "/done", """
                {"reason":"spam","note":"Follower selling","report":true,"hide":true}""");
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);

        // alice's thread gate for the brand post hides bob's reply (record key = the post's).
        String rkey = brandPost.substring(brandPost.lastIndexOf('/') + 1);
        HttpResponse<String> gate = network.http()
                .send(
                        HttpRequest.newBuilder(URI.create(network.pdsUrl()
                                        + "/xrpc/com.atproto.repo.getRecord?repo="
                                        + network.alice().did()
                                        + "&collection=app.bsky.feed.threadgate&rkey=" + rkey))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(gate.statusCode()).as(gate.body()).isEqualTo(200);
        JsonNode value = json.readTree(gate.body()).get("value");
        assertThat(value.get("post").asString()).isEqualTo(brandPost);
        assertThat(StreamSupport.stream(value.get("hiddenReplies").spliterator(), false)
                        .map(JsonNode::asString)
                        .toList())
                .containsExactly(spam);
        assertThat(value.has("allow")).as("replies stay open to everyone").isFalse();
    }

    /** Publishes a post on alice's account through Rapport; its at:// URI. */
    private String publish(Credentials marketer, long account, String text) {
        var composed = Api.as(port, marketer)
                .post(
                        "/api/v1/posts",
                        json.writeValueAsString(
                                java.util.Map.of("idea", text, "accountIds", java.util.List.of(account))));
        assertThat(composed.statusCode()).as(composed.body()).isEqualTo(201);
        long post = json.readTree(composed.body()).at("/post/id").asLong();
        assertThat(Api.as(port, marketer)
                        .post("/api/v1/posts/" + post + "/submit", "")
                        .statusCode())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> variant(post).get("state").asString().equals("PUBLISHED"));
        return variant(post).get("remoteId").asString();
    }

    private JsonNode variant(long post) {
        return json.readTree(Api.admin(port).get("/api/v1/posts/" + post).body())
                .at("/variants/0/variant");
    }

    /** The account's conversation about the marker (other tests may connect alice's identity too). */
    private Optional<JsonNode> conversationWith(long account, String marker) {
        JsonNode inbox =
                json.readTree(Api.admin(port).get("/api/v1/inbox?size=200").body());
        return StreamSupport.stream(inbox.spliterator(), false)
                .filter(conversation ->
                        conversation.path("lastText").asString("").contains(marker))
                .findFirst();
    }

    private String department(long id) {
        JsonNode departments =
                json.readTree(Api.admin(port).get("/api/v1/departments").body());
        return StreamSupport.stream(departments.spliterator(), false)
                .filter(department -> department.get("id").asLong() == id)
                .map(department -> department.get("code").asString())
                .findFirst()
                .orElseThrow();
    }

    /** The posts in a repository whose text is exactly {@code text}. */
    private JsonNode records(AtprotoNetwork network, String did, String marker, String text) throws Exception {
        HttpResponse<String> response = network.http()
                .send(
                        HttpRequest.newBuilder(URI.create(network.pdsUrl()
                                        + "/xrpc/com.atproto.repo.listRecords?repo=" + did
                                        + "&collection=app.bsky.feed.post&limit=100"))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        var found = json.createArrayNode();
        json.readTree(response.body()).get("records").forEach(record -> {
            if (record.at("/value/text").asString().equals(text)) {
                found.add(record);
            }
        });
        return found;
    }
}
