package dev.rapport.screening;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.team.Role;
import dev.rapport.team.TeamManagement;
import dev.rapport.testing.Api;
import dev.rapport.testing.ApplicationTest;
import dev.rapport.testing.TestMembers;
import dev.rapport.testing.TestMembers.Credentials;
import dev.rapport.testing.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The policy's life: the default is in place, members acknowledge it, a new version asks again. */
@ApplicationTest
class PolicyIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    TeamManagement team;

    @Autowired
    JsonMapper json;

    @Autowired
    Policies policies;

    @Test
    void aMemberSeesThePolicyFirstAndAcknowledgesItOnce() {
        Credentials marketer = TestMembers.create(team, Role.MARKETER);
        WebSession web = new WebSession(port);
        web.signInOnly(marketer.email(), marketer.password());

        var accounts = web.get("/accounts");
        assertThat(accounts.statusCode()).isEqualTo(302);
        assertThat(accounts.headers().firstValue("Location").orElseThrow()).endsWith("/policy");
        assertThat(web.get("/policy").body()).contains("I have read the policy and will follow it");

        JsonNode before =
                json.readTree(Api.as(port, marketer).get("/api/v1/policy").body());
        assertThat(before.get("acknowledged").asBoolean()).isFalse();
        assertThat(before.at("/policy/textZh").asString()).contains("社交媒体政策");
        assertThat(before.at("/policy/rules/categories/SEXIST/high").asString()).isEqualTo("BLOCK");

        assertThat(web.post("/policy/acknowledge", java.util.Map.of()).statusCode())
                .isEqualTo(302);

        assertThat(web.get("/accounts").statusCode()).isEqualTo(200);
        assertThat(json.readTree(Api.as(port, marketer).get("/api/v1/policy").body())
                        .get("acknowledged")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void aNewVersionAsksEveryoneAgainAndLeadsSeeWhoHasNot() {
        Credentials marketer = TestMembers.create(team, Role.MARKETER);
        Credentials lead = TestMembers.create(team, Role.LEAD);
        Api.as(port, marketer).post("/api/v1/policy/acknowledgement", "");
        int before = policies.current().version();

        String newVersion = """
                {"textEn":"Be kind. Never mention Project Falcon before launch.",
                 "textZh":"友善待人。发布前不得提及猎鹰计划。",
                 "rules":{"categories":{"OBSCENE":{"high":"BLOCK","medium":"BLOCK","low":"HOLD"}},
                          "terms":[{"text":"Project Falcon","action":"BLOCK","note":"confidential until launch"}]},
                 "note":"Project Falcon is confidential"}""";
        assertThat(Api.as(port, lead).put("/api/v1/policy", newVersion).statusCode())
                .isEqualTo(403);
        var published = Api.admin(port).put("/api/v1/policy", newVersion);
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
        JsonNode policy = json.readTree(published.body());
        assertThat(policy.get("version").asInt()).isEqualTo(before + 1);
        assertThat(policy.at("/rules/categories/OBSCENE/medium").asString()).isEqualTo("BLOCK");
        assertThat(policy.at("/rules/categories/SEXIST/medium").asString())
                .as("categories left out keep the default")
                .isEqualTo("HOLD");

        JsonNode acknowledgements = json.readTree(
                Api.as(port, lead).get("/api/v1/policy/acknowledgements").body());
        JsonNode mine = null;
        for (JsonNode entry : acknowledgements) {
            if (entry.at("/member/id").asLong() == marketer.id()) {
                mine = entry;
            }
        }
        assertThat(mine).isNotNull();
        assertThat(mine.get("version").asInt()).isEqualTo(before);
        assertThat(mine.get("current").asBoolean()).isFalse();
        assertThat(Api.as(port, marketer).get("/api/v1/policy/acknowledgements").statusCode())
                .isEqualTo(403);

        WebSession leadWeb = new WebSession(port);
        leadWeb.signInOnly(lead.email(), lead.password());
        assertThat(leadWeb.get("/policy").statusCode()).isEqualTo(200);
        leadWeb.post("/policy/acknowledge", java.util.Map.of());
        assertThat(leadWeb.get("/").body())
                .contains("have not acknowledged the social media policy (version " + (before + 1));
        assertThat(leadWeb.get("/members").body()).contains("policy not acknowledged");
    }

    @Test
    void withEnforcementAMemberWhoHasNotAcknowledgedMayNotPublish() {
        Credentials marketer = TestMembers.create(team, Role.MARKETER);
        assertThat(policies.enforced()).as("on by default").isTrue();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> policies.requireMayPublish(marketer.id()))
                .isInstanceOf(dev.rapport.core.Refusal.class)
                .hasMessage("policy.acknowledgement-required");
        Api.as(port, marketer).post("/api/v1/policy/acknowledgement", "");
        policies.requireMayPublish(marketer.id());
    }
}
