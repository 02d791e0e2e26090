package dev.rapport.inbox;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.rapport.accounts.AccountManagement;
import dev.rapport.connectors.spi.InboundItem;
import dev.rapport.team.Role;
import dev.rapport.team.TeamManagement;
import dev.rapport.testing.Api;
import dev.rapport.testing.ApplicationTest;
import dev.rapport.testing.TestAccounts;
import dev.rapport.testing.TestMembers;
import dev.rapport.testing.TestMembers.Credentials;
import dev.rapport.testing.WebSession;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A conversation past its target goes to its assignee, then to the department's leads, in the app and the chat group. */
@ApplicationTest
class EscalationIntegrationTests {

    static final String WECOM_KEY = "693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa";

    @LocalServerPort
    int port;

    @Autowired
    TeamManagement team;

    @Autowired
    JsonMapper json;

    @Autowired
    Ingestion ingestion;

    @Autowired
    AccountManagement accounts;

    @Autowired
    Escalation escalation;

    WireMockServer chat;
    Credentials marketer;
    Credentials responder;
    Credentials lead;
    long account;
    long desk;

    @BeforeEach
    void workspace() {
        chat = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        chat.start();
        marketer = TestMembers.create(team, Role.MARKETER);
        responder = TestMembers.create(team, Role.RESPONDER);
        lead = TestMembers.create(team, Role.LEAD);
        account = TestAccounts.active(port, marketer, lead, "weibo");
        var added = Api.admin(port)
                .post(
                        "/api/v1/departments",
                        "{\"name\":\"Desk " + UUID.randomUUID().toString().substring(0, 6) + "\"}");
        desk = json.readTree(added.body()).get("id").asLong();
        for (Credentials member : List.of(responder, lead)) {
            Api.admin(port).patch("/api/v1/members/" + member.id(), "{\"departmentId\":" + desk + "}");
        }
    }

    @AfterEach
    void stop() {
        chat.stop();
    }

    /** A question that came in ten minutes ago, given to the desk's responder: due in 4 hours (NORMAL). */
    long waitingConversation() {
        String text =
                "Where can I buy the pro plan? " + UUID.randomUUID().toString().substring(0, 6);
        var author = new InboundItem.Author("did:example:" + UUID.randomUUID(), "buyer", null);
        var comment = new InboundItem(
                "c-" + UUID.randomUUID(),
                InboundItem.Kind.COMMENT,
                author,
                text,
                "p-1",
                "p-1",
                null,
                "en",
                Instant.now().minus(Duration.ofMinutes(10)));
        ingestion.ingest(accounts.find(account).orElseThrow(), List.of(comment));
        for (JsonNode conversation :
                json.readTree(Api.admin(port).get("/api/v1/inbox?size=200").body())) {
            if (conversation.get("lastText").asString().equals(text)) {
                long id = conversation.get("id").asLong();
                var assigned = Api.admin(port)
                        .post(
                                "/api/v1/conversations/" + id + "/assign",
                                "{\"departmentId\":%d,\"assigneeId\":%d,\"note\":\"desk\"}"
                                        .formatted(desk, responder.id()));
                assertThat(assigned.statusCode()).as(assigned.body()).isEqualTo(200);
                return id;
            }
        }
        throw new AssertionError("no conversation with " + text);
    }

    Instant due(long id) {
        return Instant.parse(
                json.readTree(Api.admin(port).get("/api/v1/conversations/" + id).body())
                        .at("/conversation/dueAt")
                        .asString());
    }

    String home(Credentials member) {
        WebSession web = new WebSession(port);
        web.signIn(member.email(), member.password());
        return web.get("/").body();
    }

    @Test
    void pastItsTargetItGoesToTheAssigneeThenToTheLeadOnceEach() {
        chat.stubFor(
                post(urlPathEqualTo("/cgi-bin/webhook/send")).willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));
        String url = chat.baseUrl() + "/cgi-bin/webhook/send?key=" + WECOM_KEY;
        var set = Api.as(port, lead)
                .put("/api/v1/inbox/escalation/" + desk, "{\"kind\":\"WECOM\",\"url\":\"" + url + "\"}");
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
        assertThat(set.body())
                .contains("\"host\":\"localhost\"")
                .contains("\"configured\":true")
                .doesNotContain(WECOM_KEY);
        assertThat(Api.as(port, lead).get("/api/v1/inbox/escalation/" + desk).body())
                .doesNotContain(WECOM_KEY);

        long id = waitingConversation();
        Instant due = due(id);
        assertThat(home(responder)).doesNotContain("Escalated to you");

        escalation.escalate(due.plus(Duration.ofMinutes(1)));
        escalation.escalate(due.plus(Duration.ofMinutes(2)));
        assertThat(home(responder)).contains("Escalated to you: 1 waiting").contains("/conversations/" + id);
        assertThat(home(lead)).doesNotContain("Escalated to you");
        chat.verify(
                1,
                postRequestedFor(urlPathEqualTo("/cgi-bin/webhook/send"))
                        .withQueryParam("key", com.github.tomakehurst.wiremock.client.WireMock.equalTo(WECOM_KEY))
                        .withRequestBody(containing("\"msgtype\":\"text\""))
                        .withRequestBody(containing("Conversation " + id + " with buyer")));

        // A further half of the 4-hour target later: the desk's lead.
        escalation.escalate(due.plus(Duration.ofHours(2)).plus(Duration.ofMinutes(1)));
        escalation.escalate(due.plus(Duration.ofHours(3)));
        assertThat(home(lead)).contains("Escalated to you: 1 waiting");
        chat.verify(2, postRequestedFor(urlPathEqualTo("/cgi-bin/webhook/send")));

        // Closing it stops it: the notices go.
        var done = Api.admin(port).post("/api/v1/conversations/" + id + "/done", "{\"reason\":\"no-reply-needed\"}");
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        assertThat(home(responder)).doesNotContain("Escalated to you");
    }

    @Test
    void aMessageTheServiceRefusesIsRecordedAndSentAgain() {
        chat.stubFor(post(urlPathEqualTo("/robot/send"))
                .willReturn(okJson("{\"errcode\":310000,\"errmsg\":\"sign not match\"}")));
        String url = chat.baseUrl() + "/robot/send?access_token=dt-token-123";
        var set = Api.admin(port)
                .put(
                        "/api/v1/inbox/escalation/" + desk,
                        "{\"kind\":\"DINGTALK\",\"url\":\"" + url + "\",\"secret\":\"SECabc\"}");
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
        assertThat(set.body())
                .contains("\"signed\":true")
                .doesNotContain("dt-token-123")
                .doesNotContain("SECabc");

        long id = waitingConversation();
        escalation.escalate(due(id).plus(Duration.ofMinutes(1)));
        assertThat(Api.admin(port).get("/api/v1/inbox/escalation/" + desk).body())
                .contains("310000");

        chat.stubFor(post(urlPathEqualTo("/robot/send")).willReturn(aResponse().withStatus(500)));
        escalation.escalate(due(id).plus(Duration.ofMinutes(2)));
        assertThat(Api.admin(port).get("/api/v1/inbox/escalation/" + desk).body())
                .contains("HTTP 500");

        chat.stubFor(post(urlPathEqualTo("/robot/send")).willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));
        escalation.escalate(due(id).plus(Duration.ofMinutes(3)));
        escalation.escalate(due(id).plus(Duration.ofMinutes(4)));
        assertThat(Api.admin(port).get("/api/v1/inbox/escalation/" + desk).body())
                .doesNotContain("lastFailure");
        chat.verify(
                3,
                postRequestedFor(urlPathEqualTo("/robot/send"))
                        .withQueryParam("sign", com.github.tomakehurst.wiremock.client.WireMock.matching(".+")));
        var test = Api.admin(port).post("/api/v1/inbox/escalation/" + desk + "/test", "{}");
        assertThat(test.statusCode()).as(test.body()).isEqualTo(204);
    }

    @Test
    void onlyAdminsAndTheDepartmentsLeadsSeeOrChangeTheWebhook() {
        String body = "{\"kind\":\"SLACK\",\"url\":\"https://hooks.slack.com/services/T0/B0/X\"}";
        assertThat(Api.as(port, marketer)
                        .put("/api/v1/inbox/escalation/" + desk, body)
                        .statusCode())
                .isEqualTo(403);
        assertThat(Api.as(port, marketer)
                        .get("/api/v1/inbox/escalation/" + desk)
                        .statusCode())
                .isEqualTo(403);
        Credentials otherLead = TestMembers.create(team, Role.LEAD);
        assertThat(Api.as(port, otherLead)
                        .put("/api/v1/inbox/escalation/" + desk, body)
                        .statusCode())
                .isEqualTo(403);
        var invalid =
                Api.admin(port).put("/api/v1/inbox/escalation/" + desk, "{\"kind\":\"SLACK\",\"url\":\"ftp://x\"}");
        assertThat(invalid.statusCode()).isEqualTo(400);
    }
}
