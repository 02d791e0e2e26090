package dev.rapport.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rapport.team.Role;
import dev.rapport.team.TeamManagement;
import dev.rapport.testing.Api;
import dev.rapport.testing.ApplicationTest;
import dev.rapport.testing.TestMembers;
import dev.rapport.testing.TestMembers.Credentials;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@ApplicationTest
class OffboardingIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    TeamManagement team;

    @Autowired
    JsonMapper json;

    Api as(Credentials member) {
        return Api.as(port, member);
    }

    Api admin() {
        return Api.admin(port);
    }

    long account(Credentials owner) {
        var created = as(owner).post("/api/v1/accounts", """
                {"network":"xiaohongshu","handle":"shop-%s","purpose":"Product launches","owners":[%d]}""".formatted(
                        UUID.randomUUID().toString().substring(0, 8), owner.id()));
        long id = json.readTree(created.body()).get("id").asLong();
        admin().post("/api/v1/accounts/" + id + "/decision", "{\"approve\":true}");
        return id;
    }

    long secret(Credentials by, long account) {
        var stored = as(by).post(
                        "/api/v1/accounts/" + account + "/secrets",
                        "{\"kind\":\"PASSWORD\",\"label\":\"login\",\"value\":\"Unique-" + UUID.randomUUID() + "\"}");
        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(201);
        return json.readTree(stored.body()).get("id").asLong();
    }

    @Test
    void offboardingEndsAccessReassignsAccountsAndTracksRotationUntilDone() {
        var leaver = TestMembers.create(team, Role.MARKETER);
        var colleague = TestMembers.create(team, Role.MARKETER);
        long owned = account(leaver);
        long shared = account(colleague);
        secret(leaver, owned);
        secret(colleague, shared);
        admin().put(
                        "/api/v1/accounts/" + shared + "/grants",
                        "{\"memberId\":" + leaver.id() + ",\"permissions\":[\"MANAGE_CREDENTIALS\"]}");

        var refused = admin().post("/api/v1/members/" + leaver.id() + "/offboarding", "{\"leaving\":true}");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json.readTree(refused.body()).get("detail").asString()).contains("shop-");
        assertThat(as(leaver).get("/api/v1/accounts").statusCode())
                .as("nothing happened yet")
                .isEqualTo(200);

        var done = admin().post(
                        "/api/v1/members/" + leaver.id() + "/offboarding",
                        "{\"leaving\":true,\"newOwners\":{\"" + owned + "\":" + colleague.id() + "}}");
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        JsonNode status = json.readTree(done.body());
        assertThat(status.get("ownedAccounts").size()).isZero();
        assertThat(status.get("rotationTasks").size()).isEqualTo(2);
        assertThat(as(leaver).get("/api/v1/accounts").statusCode()).isEqualTo(401);
        assertThat(team.member(leaver.id()).active()).isFalse();
        assertThat(json.readTree(as(colleague).get("/api/v1/accounts/" + owned).body())
                        .get("owners")
                        .toString())
                .isEqualTo("[" + colleague.id() + "]");
        assertThat(admin().get("/api/v1/accounts/" + shared + "/grants").body())
                .doesNotContain("\"memberId\":" + leaver.id());

        as(colleague)
                .post(
                        "/api/v1/accounts/" + owned + "/secrets",
                        "{\"kind\":\"PASSWORD\",\"label\":\"login\",\"value\":\"Rotated-" + UUID.randomUUID() + "\"}");
        JsonNode after = json.readTree(
                admin().get("/api/v1/members/" + leaver.id() + "/offboarding").body());
        assertThat(after.get("rotationTasks").findValues("doneAt"))
                .filteredOn(v -> !v.isNull())
                .hasSize(1);
    }

    @Test
    void aDeactivationOnTheTeamPageOpensRotationTasksToo() {
        var member = TestMembers.create(team, Role.MARKETER);
        long owned = account(member);
        secret(member, owned);
        admin().patch("/api/v1/members/" + member.id(), "{\"active\":false}");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode status = json.readTree(admin().get("/api/v1/members/" + member.id() + "/offboarding")
                    .body());
            assertThat(status.get("rotationTasks").size()).isEqualTo(1);
            assertThat(status.get("ownedAccounts").size())
                    .as("the account waits for a new owner")
                    .isEqualTo(1);
        });
    }

    @Test
    void aDemotedOwnerKeepsTheNameButLosesTheRights() {
        var member = TestMembers.create(team, Role.MARKETER);
        long owned = account(member);
        secret(member, owned);
        assertThat(admin().patch("/api/v1/members/" + member.id(), "{\"role\":\"VIEWER\"}")
                        .statusCode())
                .isEqualTo(200);

        assertThat(as(member).get("/api/v1/accounts/" + owned + "/secrets").statusCode())
                .isEqualTo(403);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(
                                json.readTree(admin().get("/api/v1/members/" + member.id() + "/offboarding")
                                                .body())
                                        .get("rotationTasks")
                                        .size())
                        .isEqualTo(1));
    }

    @Test
    void aSecretTheMemberStoredThemselvesIsRotatedEvenAfterTheirGrantWasRemoved() {
        var leaver = TestMembers.create(team, Role.MARKETER);
        var owner = TestMembers.create(team, Role.MARKETER);
        long shared = account(owner);
        admin().put(
                        "/api/v1/accounts/" + shared + "/grants",
                        "{\"memberId\":" + leaver.id() + ",\"permissions\":[\"MANAGE_CREDENTIALS\"]}");
        secret(leaver, shared);
        admin().put("/api/v1/accounts/" + shared + "/grants", "{\"memberId\":" + leaver.id() + ",\"permissions\":[]}");

        var done = admin().post("/api/v1/members/" + leaver.id() + "/offboarding", "{\"leaving\":true}");

        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        assertThat(json.readTree(done.body()).get("rotationTasks").size()).isEqualTo(1);
    }

    @Test
    void onlyAdminsOffboardAndNobodyOffboardsThemselves() {
        var member = TestMembers.create(team, Role.MARKETER);
        var lead = TestMembers.create(team, Role.LEAD);
        assertThat(as(lead).post("/api/v1/members/" + member.id() + "/offboarding", "{\"leaving\":true}")
                        .statusCode())
                .isEqualTo(403);
        long adminId = team.memberByEmail(TestMembers.ADMIN_EMAIL).orElseThrow().id();
        assertThat(admin().post("/api/v1/members/" + adminId + "/offboarding", "{\"leaving\":true}")
                        .statusCode())
                .isEqualTo(400);
    }
}
