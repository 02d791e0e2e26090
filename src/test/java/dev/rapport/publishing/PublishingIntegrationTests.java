package dev.rapport.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rapport.team.Role;
import dev.rapport.team.TeamManagement;
import dev.rapport.testing.Api;
import dev.rapport.testing.ApplicationTest;
import dev.rapport.testing.ListenerThreads;
import dev.rapport.testing.TestAccounts;
import dev.rapport.testing.TestMembers;
import dev.rapport.testing.TestMembers.Credentials;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Compose → submit → approve → published, through the API, on the sandbox network. */
@ApplicationTest
class PublishingIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    TeamManagement team;

    @Autowired
    JsonMapper json;

    Credentials marketer;
    Credentials lead;
    long weibo;
    long x;

    @BeforeEach
    void accounts() {
        marketer = TestMembers.create(team, Role.MARKETER);
        lead = TestMembers.create(team, Role.LEAD);
        acknowledgePolicy(marketer);
        weibo = TestAccounts.active(port, marketer, lead, "weibo");
        x = TestAccounts.active(port, marketer, lead, "x");
        TestAccounts.connectToSandbox(port, weibo, marketer);
        TestAccounts.connectToSandbox(port, x, marketer);
    }

    void acknowledgePolicy(Credentials member) {
        var acknowledged = Api.as(port, member).post("/api/v1/policy/acknowledgement", "");
        assertThat(acknowledged.statusCode()).as(acknowledged.body()).isEqualTo(200);
    }

    JsonNode compose(String body) {
        var response = Api.as(port, marketer).post("/api/v1/posts", body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body());
    }

    JsonNode post(long id) {
        return json.readTree(Api.as(port, marketer).get("/api/v1/posts/" + id).body());
    }

    List<String> states(JsonNode details) {
        List<String> states = new ArrayList<>();
        details.get("variants")
                .forEach(variant -> states.add(variant.at("/variant/state").asString()));
        return states;
    }

    @Test
    void anEditedRepeatOfTheAccountsRecentPostIsPointedOutAndADifferentPostIsNot() {
        String first = "Ten years of the harbour bakery: thank you for every loaf, every early queue and every "
                + "birthday cake you ordered from us since 2016.";
        long earlier = compose("""
                {"idea":"%s","accountIds":[%d]}""".formatted(first, weibo)).at("/post/id").asLong();
        var submitted = Api.as(port, marketer).post("/api/v1/posts/" + earlier + "/submit", "");
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);

        JsonNode repeat = compose("""
                {"idea":"Ten years of our harbour bakery! Thank you for every loaf, every early queue and each birthday cake you ordered from us since 2016.","accountIds":[%d]}""".formatted(weibo));
        assertThat(repeat.at("/variants/0/findings").findValuesAsString("rule")).contains("recycled");
        // The same text on another account is no repeat of that account's posts.
        JsonNode elsewhere = compose("""
                {"idea":"%s","accountIds":[%d]}""".formatted(first, x));
        assertThat(elsewhere.at("/variants/0/findings").findValuesAsString("rule"))
                .doesNotContain("recycled");
        JsonNode different = compose("""
                {"idea":"Our bakery opens a second shop on Harbour Road next Friday, with a sourdough class at noon.","accountIds":[%d]}""".formatted(weibo));
        assertThat(different.at("/variants/0/findings").findValuesAsString("rule"))
                .doesNotContain("recycled");
    }

    @Test
    void aCleanPostGoesStraightToTheScheduleAndIsPublishedOncePerAccount() {
        JsonNode composed = compose("""
                {"idea":"Our spring workshop is open: bring your questions about the new release, we answer them live.",
                 "accountIds":[%d,%d],"campaign":"Spring launch"}""".formatted(weibo, x));
        long id = composed.at("/post/id").asLong();
        assertThat(states(composed)).containsExactly("DRAFT", "DRAFT");
        assertThat(composed.at("/post/campaign").asString()).isEqualTo("Spring launch");
        // The same text on two networks is pointed out.
        assertThat(composed.at("/variants/0/findings").findValuesAsString("rule"))
                .contains("cross-posted");

        var submitted = Api.as(port, marketer).post("/api/v1/posts/" + id + "/submit", "");
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
        assertThat(states(json.readTree(submitted.body()))).isSubsetOf("SCHEDULED", "PUBLISHING", "PUBLISHED");

        await().atMost(Duration.ofSeconds(30)).until(() -> states(post(id)).equals(List.of("PUBLISHED", "PUBLISHED")));
        JsonNode published = post(id);
        for (JsonNode variant : published.get("variants")) {
            assertThat(variant.at("/variant/remoteId").asString()).isNotBlank();
            assertThat(variant.at("/variant/remoteUrl").asString()).startsWith("https://");
            assertThat(variant.at("/variant/attempts").asInt()).isEqualTo(1);
        }
        // Published once each: one audit entry per variant, written asynchronously after the commit
        // (behind whatever the earlier tests left in the event queue; if it never comes, the
        // failure shows what the listener threads were doing).
        ListenerThreads.awaitOrDump(Duration.ofMinutes(3), () -> {
            var response = Api.admin(port).get("/api/v1/audit?action=post.published&size=500");
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode audit = json.readTree(response.body());
            List<String> targets = audit.findValuesAsString("target");
            for (JsonNode variant : published.get("variants")) {
                String target = "variant:" + variant.at("/variant/id").asLong();
                assertThat(targets.stream().filter(target::equals)).hasSize(1);
            }
        });
    }

    @Test
    void aHeldPostWaitsForALeadWhoMustSayWhyAndTheAuthorCannotApproveIt() {
        var policy = Api.admin(port).put("/api/v1/policy", """
                {"textEn":"Be kind. Project Heron is confidential: a lead decides before it is named.",
                 "textZh":"友善待人。苍鹭计划保密：提及前须由负责人决定。",
                 "rules":{"categories":{},
                          "terms":[{"text":"Project Heron","action":"HOLD","note":"confidential until launch"}]},
                 "note":"Project Heron"}""");
        assertThat(policy.statusCode()).as(policy.body()).isEqualTo(200);
        acknowledgePolicy(marketer);
        acknowledgePolicy(lead);
        JsonNode composed = compose("""
                {"idea":"A first look at Project Heron: what would you like it to do for you?","accountIds":[%d]}""".formatted(weibo));
        long id = composed.at("/post/id").asLong();
        assertThat(composed.at("/variants/0/verdict/action").asString()).isEqualToIgnoringCase("HOLD");
        assertThat(composed.at("/variants/0/verdict/reason").asString()).contains("Project Heron");

        var submitted = Api.as(port, marketer).post("/api/v1/posts/" + id + "/submit", "");
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
        assertThat(states(json.readTree(submitted.body()))).containsExactly("PENDING_APPROVAL");
        assertThat(json.readTree(Api.as(port, lead).get("/api/v1/approvals").body())
                        .findValuesAsString("idea"))
                .anySatisfy(idea -> assertThat(idea).contains("Project Heron"));
        assertThat(Api.as(port, marketer).get("/api/v1/approvals").statusCode()).isEqualTo(403);
        // Four eyes: the author may not approve, and without a reason a held post is not let through.
        assertThat(Api.as(port, marketer)
                        .post("/api/v1/posts/" + id + "/approve", "{\"note\":\"fine\"}")
                        .statusCode())
                .isEqualTo(403);
        assertThat(Api.as(port, lead)
                        .post("/api/v1/posts/" + id + "/approve", "{}")
                        .statusCode())
                .isEqualTo(400);

        var sentBack =
                Api.as(port, lead).post("/api/v1/posts/" + id + "/reject", "{\"note\":\"Wait for the launch date\"}");
        assertThat(sentBack.statusCode()).as(sentBack.body()).isEqualTo(200);
        JsonNode back = json.readTree(sentBack.body());
        assertThat(states(back)).containsExactly("DRAFT");
        assertThat(back.at("/post/review/note").asString()).isEqualTo("Wait for the launch date");

        assertThat(Api.as(port, marketer)
                        .post("/api/v1/posts/" + id + "/submit", "")
                        .statusCode())
                .isEqualTo(200);
        var approved = Api.as(port, lead)
                .post("/api/v1/posts/" + id + "/approve", "{\"note\":\"Launch was announced today\"}");
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> states(post(id)).equals(List.of("PUBLISHED")));
        JsonNode variant = post(id).at("/variants/0/variant");
        assertThat(variant.at("/heldOverride/note").asString()).isEqualTo("Launch was announced today");
        assertThat(variant.at("/heldOverride/by").asLong()).isEqualTo(lead.id());
        JsonNode audit = json.readTree(
                Api.admin(port).get("/api/v1/audit?action=post.hold-overridden").body());
        assertThat(audit.findValuesAsString("target"))
                .contains("variant:" + variant.get("id").asLong());
    }

    @Test
    void aBlockedTextCannotBeSubmittedAndTheReasonNamesTheWords() {
        JsonNode composed = compose("""
                {"idea":"你们都是傻逼","accountIds":[%d]}""".formatted(weibo));
        assertThat(composed.at("/variants/0/verdict/action").asString()).isEqualToIgnoringCase("BLOCK");
        assertThat(composed.at("/variants/0/ready").asBoolean()).isFalse();
        long id = composed.at("/post/id").asLong();
        var submitted = Api.as(port, marketer).post("/api/v1/posts/" + id + "/submit", "");
        assertThat(submitted.statusCode()).isEqualTo(400);
        assertThat(json.readTree(submitted.body()).get("detail").asString()).contains("傻逼");
        assertThat(states(post(id))).containsExactly("DRAFT");
    }

    @Test
    void aVariantScheduledForLaterWaitsAndAnXTextOverItsLimitIsCutForTheNetwork() {
        String longIdea = "新品发布会 ".repeat(40) + "join us";
        Instant later = Instant.now().plus(Duration.ofDays(3)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        JsonNode composed = compose("""
                {"idea":"%s","accountIds":[%d],"scheduledAt":"%s"}""".formatted(longIdea, x, later));
        JsonNode variant = composed.at("/variants/0");
        assertThat(variant.at("/length/count").asInt()).isLessThanOrEqualTo(280);
        assertThat(variant.at("/variant/text").asString()).endsWith("…");
        long id = composed.at("/post/id").asLong();
        assertThat(Api.as(port, marketer)
                        .post("/api/v1/posts/" + id + "/submit", "")
                        .statusCode())
                .isEqualTo(200);
        assertThat(states(post(id))).containsExactly("SCHEDULED");
        assertThat(Instant.parse(post(id).at("/variants/0/variant/scheduledAt").asString()))
                .isEqualTo(later);
    }

    @Test
    void aVariantForADisconnectedAccountFailsWithItsReasonAndGoesOutWhenRetriedAfterReconnecting() {
        assertThat(Api.as(port, marketer)
                        .delete("/api/v1/accounts/" + weibo + "/connection")
                        .statusCode())
                .isEqualTo(204);
        long id = compose("""
                {"idea":"Thank you to everyone who came to the meetup yesterday!","accountIds":[%d]}""".formatted(weibo)).at("/post/id").asLong();
        assertThat(Api.as(port, marketer)
                        .post("/api/v1/posts/" + id + "/submit", "")
                        .statusCode())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> states(post(id)).equals(List.of("FAILED")));
        JsonNode failed = post(id).at("/variants/0/variant");
        assertThat(failed.get("failureReason").asString()).isIn("not-connected", "auth-expired");

        TestAccounts.connectToSandbox(port, weibo, marketer);
        var retried = Api.as(port, marketer)
                .post("/api/v1/posts/" + id + "/variants/" + failed.get("id").asLong() + "/retry", "");
        assertThat(retried.statusCode()).as(retried.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> states(post(id)).equals(List.of("PUBLISHED")));
        assertThat(post(id).at("/variants/0/variant/failureReason").asString(""))
                .isEmpty();
    }

    @Test
    void aViewerCannotComposeAndAStrangerCannotSeeThePost() {
        Credentials viewer = TestMembers.create(team, Role.VIEWER);
        assertThat(Api.as(port, viewer)
                        .post("/api/v1/posts", "{\"idea\":\"hi\",\"accountIds\":[%d]}".formatted(weibo))
                        .statusCode())
                .isEqualTo(403);
        long id = compose("{\"idea\":\"Hello\",\"accountIds\":[%d]}".formatted(weibo))
                .at("/post/id")
                .asLong();
        Credentials stranger = TestMembers.create(team, Role.MARKETER);
        assertThat(Api.as(port, stranger).get("/api/v1/posts/" + id).statusCode())
                .isEqualTo(404);
    }
}
