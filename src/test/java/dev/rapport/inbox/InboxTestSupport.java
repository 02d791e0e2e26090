package dev.rapport.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.accounts.AccountManagement;
import dev.rapport.connectors.Connections;
import dev.rapport.connectors.PublishOutcome;
import dev.rapport.connectors.sandbox.SandboxConnector;
import dev.rapport.connectors.spi.PublishRequest;
import dev.rapport.team.DepartmentView;
import dev.rapport.team.Role;
import dev.rapport.team.TeamManagement;
import dev.rapport.testing.Api;
import dev.rapport.testing.TestAccounts;
import dev.rapport.testing.TestMembers;
import dev.rapport.testing.TestMembers.Credentials;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the inbox's full-application tests share: a new sandbox account with a post to comment on,
 * departments by code, responders, and a conversation found by its text.
 */
abstract class InboxTestSupport {

    @LocalServerPort
    int port;

    @Autowired
    TeamManagement team;

    @Autowired
    JsonMapper json;

    @Autowired
    Connections connections;

    @Autowired
    SandboxConnector sandbox;

    @Autowired
    Ingestion ingestion;

    @Autowired
    AccountManagement accounts;

    Credentials marketer;
    Credentials lead;
    long account;
    String post;

    @BeforeEach
    void account() {
        marketer = TestMembers.create(team, Role.MARKETER);
        lead = TestMembers.create(team, Role.LEAD);
        account = TestAccounts.active(port, marketer, lead, "weibo");
        TestAccounts.connectToSandbox(port, account, marketer);
        PublishOutcome published = connections.publish(
                account, PublishRequest.text(UUID.randomUUID().toString(), "Our new plan is live. Questions welcome!"));
        assertThat(published.status()).isEqualTo(PublishOutcome.Status.PUBLISHED);
        post = published.receipt().remoteId();
    }

    long department(String code) {
        return team.departments().stream()
                .filter(department -> code.equals(department.code()))
                .findFirst()
                .map(DepartmentView::id)
                .orElseThrow();
    }

    /** A responder of the department who has acknowledged the policy, so may reply. */
    Credentials responder(String code) {
        Credentials member = TestMembers.create(team, Role.RESPONDER);
        var changed =
                Api.admin(port).patch("/api/v1/members/" + member.id(), "{\"departmentId\":" + department(code) + "}");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        Api.as(port, member).post("/api/v1/policy/acknowledgement", "");
        return member;
    }

    /** The conversation whose newest message is {@code text}, as {@code as} sees the inbox. */
    JsonNode conversationWith(Credentials as, String text) {
        for (int page = 0; page < 50; page++) {
            JsonNode conversations = json.readTree(
                    Api.as(port, as).get("/api/v1/inbox?size=200&page=" + page).body());
            for (JsonNode conversation : conversations) {
                if (conversation.get("lastText").asString().equals(text)) {
                    return conversation;
                }
            }
            if (conversations.size() < 200) {
                break;
            }
        }
        throw new AssertionError("no conversation with " + text);
    }

    /** The id of the conversation whose newest message is {@code text}. */
    long id(Credentials as, String text) {
        return conversationWith(as, text).get("id").asLong();
    }

    static void assertRefused(HttpResponse<String> response, int status, String message) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.body()).contains(message);
    }
}
