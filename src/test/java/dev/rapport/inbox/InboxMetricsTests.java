package dev.rapport.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.testing.Api;
import dev.rapport.testing.ApplicationTest;
import dev.rapport.testing.TestMembers.Credentials;
import dev.rapport.testing.WebSession;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The team sees in numbers, and over time, whether it answers the people who write to it. */
@ApplicationTest
class InboxMetricsTests extends InboxTestSupport {

    @Test
    void answeredMessagesCountInTheShareAndTheDaysChartAndThePageShowsThem() {
        Api.as(port, lead).post("/api/v1/policy/acknowledgement", "");
        JsonNode before = metrics(lead);

        String marker = UUID.randomUUID().toString().substring(0, 6);
        sandbox.comment(post, "ann.reader", "Is there a vegan option? " + marker);
        sandbox.comment(post, "ann.reader", "And can I bring my dog? " + marker);
        sandbox.comment(post, "bo.reader", "Looks delicious " + marker);
        ingestion.poll(accounts.find(account).orElseThrow());
        long ann = id(lead, "And can I bring my dog? " + marker);
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
}
