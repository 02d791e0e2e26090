package dev.rapport.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rapport.team.Role;
import dev.rapport.team.TeamManagement;
import dev.rapport.testing.Api;
import dev.rapport.testing.ApplicationTest;
import dev.rapport.testing.TestMembers;
import dev.rapport.testing.TestMembers.Credentials;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

@ApplicationTest
class CapacityIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    TeamManagement team;

    @Autowired
    JsonMapper json;

    Api as(Credentials member) {
        return Api.as(port, member);
    }

    java.net.http.HttpResponse<String> request(Credentials by, Credentials owner, String override) {
        return as(by).post("/api/v1/accounts", """
                {"network":"douyin","handle":"cap-%s","purpose":"Short videos","owners":[%d]%s}""".formatted(
                        UUID.randomUUID().toString().substring(0, 8),
                        owner.id(),
                        override == null ? "" : ",\"capacityOverride\":\"" + override + "\""));
    }

    @Test
    void theFifthAccountOfAMarketerIsRefusedUnlessALeadOverridesWithAReason() {
        var marketer = TestMembers.create(team, Role.MARKETER);
        var lead = TestMembers.create(team, Role.LEAD);
        for (int i = 0; i < 4; i++) {
            assertThat(request(marketer, marketer, null).statusCode()).isEqualTo(201);
        }
        var refused = request(marketer, marketer, null);
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(json.readTree(refused.body()).get("detail").asString()).contains("already owns 4 accounts");
        assertThat(request(marketer, marketer, "I am sure").statusCode())
                .as("marketers cannot override")
                .isEqualTo(409);
        assertThat(request(lead, marketer, "").statusCode())
                .as("an override needs a reason")
                .isEqualTo(409);

        var overridden = request(lead, marketer, "Covering the launch for two weeks");
        assertThat(overridden.statusCode()).isEqualTo(201);
        var admin = new Api(port).basic(TestMembers.ADMIN_EMAIL, TestMembers.ADMIN_PASSWORD);
        await().until(() ->
                admin.get("/api/v1/audit?action=capacity.overridden").body().contains("Covering the launch"));
        assertThat(admin.get("/api/v1/accounts/capacity").body()).contains("\"memberId\":" + marketer.id() + ",");
    }

    @Test
    void onlyAdminsChangeTheLimit() {
        var lead = TestMembers.create(team, Role.LEAD);
        assertThat(as(lead).put("/api/v1/accounts/capacity", "{\"limit\":6}").statusCode())
                .isEqualTo(403);
        var admin = new Api(port).basic(TestMembers.ADMIN_EMAIL, TestMembers.ADMIN_PASSWORD);
        assertThat(admin.put("/api/v1/accounts/capacity", "{\"limit\":0}").statusCode())
                .isEqualTo(400);
        assertThat(admin.put("/api/v1/accounts/capacity", "{\"limit\":4}").statusCode())
                .isEqualTo(200);
    }
}
