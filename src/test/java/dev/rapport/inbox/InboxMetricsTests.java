package dev.rapport.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.accounts.AccountManagement;
import dev.rapport.connectors.Connections;
import dev.rapport.connectors.PublishOutcome;
import dev.rapport.connectors.sandbox.SandboxConnector;
import dev.rapport.connectors.spi.PublishRequest;
import dev.rapport.team.Role;
import dev.rapport.team.TeamManagement;
import dev.rapport.testing.Api;
import dev.rapport.testing.ApplicationTest;
import dev.rapport.testing.TestAccounts;
import dev.rapport.testing.TestMembers;
import dev.rapport.testing.TestMembers.Credentials;
import dev.rapport.testing.WebSession;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The team sees in numbers, and over time, whether it answers the people who write to it. */
@ApplicationTest
class InboxMetricsTests {

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

    @Test
    void answeredMessagesCountInTheShareAndTheDaysChartAndThePageShowsThem() {
        Credentials marketer = TestMembers.create(team, Role.MARKETER);
        Credentials lead = TestMembers.create(team, Role.LEAD);
        Api.as(port, lead).post("/api/v1/policy/acknowledgement", "");
        long account = TestAccounts.active(port, marketer, lead, "weibo");
        TestAccounts.connectToSandbox(port, account, marketer);
        PublishOutcome published = connections.publish(
                account, PublishRequest.text(UUID.randomUUID().toString(), "Spring menu tasting on Saturday!"));
        String post = published.receipt().remoteId();
        JsonNode before = metrics(lead);

        String marker = UUID.randomUUID().toString().substring(0, 6);
        sandbox.comment(post, "ann.reader", "Is there a vegan option? " + marker);
        sandbox.comment(post, "ann.reader", "And can I bring my dog? " + marker);
        sandbox.comment(post, "bo.reader", "Looks delicious " + marker);
        ingestion.poll(accounts.find(account).orElseThrow());
        long ann = conversation(lead, "And can I bring my dog? " + marker);
        var reply = Api.as(port, lead).post("/api/v1/conversations/" + ann + "/replies", """
                {"text":"Yes to both: a vegan menu, and dogs are welcome on the terrace."}""");
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(201);

        JsonNode after = metrics(lead);
        // Ann's two messages were answered by the one reply; Bo's praise waits.
        assertThat(after.at("/comments/received").asInt()
                        - before.at("/comments/received").asInt())
                .isEqualTo(3);
        assertThat(after.at("/comments/answered").asInt()
                        - before.at("/comments/answered").asInt())
                .isEqualTo(2);
        assertThat(after.at("/comments/share").asInt())
                .isEqualTo(Math.round(100f
                        * after.at("/comments/answered").asInt()
                        / after.at("/comments/received").asInt()));
        // The last 30 days, one bar per day; today's carries both conversations.
        JsonNode over = after.get("over");
        assertThat(over.size()).isBetween(30, 31);
        JsonNode today = over.get(over.size() - 1);
        JsonNode todayBefore = before.get("over").get(before.get("over").size() - 1);
        assertThat(today.get("group").asString())
                .isEqualTo(LocalDate.now(java.time.ZoneId.of(team.workspace().timeZone()))
                        .toString());
        assertThat(today.get("conversations").asInt()
                        - todayBefore.get("conversations").asInt())
                .isEqualTo(2);
        assertThat(today.get("answered").asInt() - todayBefore.get("answered").asInt())
                .isEqualTo(1);

        WebSession web = new WebSession(port);
        web.signIn(lead.email(), lead.password());
        String page = web.get("/inbox/metrics?days=7&lang=en").body();
        assertThat(page)
                .contains("Are we in the conversation?")
                .contains("id=\"chart\"")
                .contains(after.at("/comments/share").asInt() + "%")
                .contains("By department");
        assertThat(page.split("class=\"received\"").length - 1).isEqualTo(8);
        assertThat(web.get("/inbox/metrics?lang=zh-CN").body())
                .contains("我们真的在与受众对话吗？")
                .contains("按部门");
    }

    JsonNode metrics(Credentials as) {
        var response = Api.as(port, as).get("/api/v1/inbox/metrics");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    long conversation(Credentials as, String lastText) {
        for (JsonNode conversation :
                json.readTree(Api.as(port, as).get("/api/v1/inbox?size=200").body())) {
            if (conversation.get("lastText").asString().equals(lastText)) {
                return conversation.get("id").asLong();
            }
        }
        throw new AssertionError("no conversation ends with " + lastText);
    }
}
