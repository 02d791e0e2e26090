package dev.rapport.team.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.team.Commands.ChangeMember;
import dev.rapport.team.Role;
import dev.rapport.team.TeamManagement;
import dev.rapport.testing.Api;
import dev.rapport.testing.ApplicationTest;
import dev.rapport.testing.TestMembers;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@ApplicationTest
class TeamApiIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    TeamManagement team;

    @Autowired
    JsonMapper json;

    Api admin() {
        return new Api(port).basic(TestMembers.ADMIN_EMAIL, TestMembers.ADMIN_PASSWORD);
    }

    @Test
    void adminInvitesMemberWhoSetsPasswordThroughTheLink() {
        String email = "invitee-" + UUID.randomUUID() + "@rapport.test";
        var response = admin().post(
                        "/api/v1/members",
                        "{\"name\":\"李雷\",\"email\":\"" + email + "\",\"role\":\"MARKETER\",\"language\":\"zh-CN\"}");
        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("member").get("passwordSet").asBoolean()).isFalse();
        String url = body.get("invitationUrl").asString();
        assertThat(url).startsWith("http://localhost:" + port + "/invitation/");

        team.acceptInvitation(url.substring(url.lastIndexOf('/') + 1), TestMembers.PASSWORD);

        assertThat(new Api(port)
                        .basic(email, TestMembers.PASSWORD)
                        .get("/api/v1/me/tokens")
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void malformedJsonIsA400ProblemInTheClientsLanguage() {
        var response = admin().language("zh-CN").post("/api/v1/departments", "{\"name\": ");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json.readTree(response.body()).get("detail").asString()).contains("JSON");
        assertThat(json.readTree(response.body()).get("title").asString()).isEqualTo("请求错误");
    }

    @Test
    void failedValidationIsA400NamingTheFields() {
        var response =
                admin().post("/api/v1/members", "{\"name\":\"\",\"email\":\"not-an-email\",\"language\":\"fr\"}");
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode errors = json.readTree(response.body()).get("errors");
        assertThat(errors.propertyNames()).contains("name", "email", "role", "language");
        assertThat(json.readTree(response.body()).get("detail").asString()).contains("email");
    }

    @Test
    void unknownThingsAre404Problems() {
        assertThat(admin().get("/api/v1/members/999999").statusCode()).isEqualTo(404);
        var unknownPath = admin().get("/api/v1/no-such-resource");
        assertThat(unknownPath.statusCode()).isEqualTo(404);
        assertThat(unknownPath.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void oversizedBodyIsA413Problem() {
        String name = "x".repeat(2 * 1024 * 1024);
        var response = admin().post("/api/v1/departments", "{\"name\":\"" + name + "\"}");
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(json.readTree(response.body()).get("status").asInt()).isEqualTo(413);
    }

    @Test
    void duplicateEmailIsA409AndNoStackTraceLeaks() {
        var member = TestMembers.create(team, Role.VIEWER);
        var response = admin().post(
                        "/api/v1/members",
                        "{\"name\":\"Again\",\"email\":\"" + member.email()
                                + "\",\"role\":\"VIEWER\",\"language\":\"en\"}");
        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(response.body())
                .contains(member.email())
                .doesNotContain("Exception")
                .doesNotContain("at dev.");
    }

    @Test
    void tokenWorksUntilRevokedThenStopsAtOnce() {
        var member = TestMembers.create(team, Role.MARKETER);
        var basic = new Api(port).basic(member.email(), member.password());
        var created = basic.post("/api/v1/me/tokens", "{\"name\":\"script\",\"expiresInDays\":30}");
        assertThat(created.statusCode()).isEqualTo(201);
        String secret = json.readTree(created.body()).get("secret").asString();
        long id = json.readTree(created.body()).get("token").get("id").asLong();
        assertThat(secret).startsWith("rpt_");
        assertThat(basic.get("/api/v1/me/tokens").body()).doesNotContain(secret);

        var bearer = new Api(port).bearer(secret);
        assertThat(bearer.get("/api/v1/members").statusCode()).isEqualTo(200);

        assertThat(basic.delete("/api/v1/me/tokens/" + id).statusCode()).isEqualTo(200);
        assertThat(bearer.get("/api/v1/members").statusCode()).isEqualTo(401);
    }

    @Test
    void aDeactivatedMembersTokenAndPasswordStopWorking() {
        var member = TestMembers.create(team, Role.MARKETER);
        var basic = new Api(port).basic(member.email(), member.password());
        String secret = json.readTree(
                        basic.post("/api/v1/me/tokens", "{\"name\":\"cli\"}").body())
                .get("secret")
                .asString();

        assertThat(admin().patch("/api/v1/members/" + member.id(), "{\"active\":false}")
                        .statusCode())
                .isEqualTo(200);

        assertThat(new Api(port).bearer(secret).get("/api/v1/members").statusCode())
                .isEqualTo(401);
        assertThat(basic.get("/api/v1/members").statusCode()).isEqualTo(401);
    }

    @Test
    void aTokenCannotCreateTokensAndEveryTokenExpires() {
        var member = TestMembers.create(team, Role.MARKETER);
        var created =
                new Api(port).basic(member.email(), member.password()).post("/api/v1/me/tokens", "{\"name\":\"ci\"}");
        JsonNode body = json.readTree(created.body());
        assertThat(body.get("token").get("expiresAt").asString()).isNotBlank();

        var minted =
                new Api(port).bearer(body.get("secret").asString()).post("/api/v1/me/tokens", "{\"name\":\"forever\"}");

        assertThat(minted.statusCode()).isEqualTo(403);
        assertThat(json.readTree(minted.body()).get("detail").asString()).contains("sign in with your password");
    }

    @Test
    void reactivatingAMemberDoesNotBringBackTheirTokens() {
        var member = TestMembers.create(team, Role.MARKETER);
        String secret = json.readTree(new Api(port)
                        .basic(member.email(), member.password())
                        .post("/api/v1/me/tokens", "{\"name\":\"cli\"}")
                        .body())
                .get("secret")
                .asString();
        admin().patch("/api/v1/members/" + member.id(), "{\"active\":false}");
        admin().patch("/api/v1/members/" + member.id(), "{\"active\":true}");

        assertThat(new Api(port).bearer(secret).get("/api/v1/members").statusCode())
                .isEqualTo(401);
        assertThat(new Api(port)
                        .basic(member.email(), member.password())
                        .get("/api/v1/members")
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void blankNamesAndAddressesAreRefusedAndADepartmentCanBeRemoved() {
        var member = TestMembers.create(team, Role.RESPONDER);
        long support = team.departments().stream()
                .filter(d -> "support".equals(d.code()))
                .findFirst()
                .orElseThrow()
                .id();

        assertThat(admin().patch("/api/v1/members/" + member.id(), "{\"email\":\"\"}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(admin().patch("/api/v1/members/" + member.id(), "{\"name\":\"   \"}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(admin().patch("/api/v1/members/" + member.id(), "{\"departmentId\":" + support + "}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(team.member(member.id()).departmentId()).isEqualTo(support);

        assertThat(admin().patch("/api/v1/members/" + member.id(), "{\"departmentId\":0}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(team.member(member.id()).departmentId()).isNull();
        assertThat(team.member(member.id()).email()).isEqualTo(member.email());
    }

    @Test
    void theLastAdminCannotBeDemotedOrDeactivated() {
        var testAdmin = team.memberByEmail(TestMembers.ADMIN_EMAIL).orElseThrow();
        team.members().stream()
                .filter(m -> m.role() == Role.ADMIN && m.active() && m.id() != testAdmin.id())
                .forEach(m -> team.change(m.id(), new ChangeMember(null, null, Role.VIEWER, null, null, null)));

        var demote = admin().patch("/api/v1/members/" + testAdmin.id(), "{\"role\":\"VIEWER\"}");
        var deactivate = admin().patch("/api/v1/members/" + testAdmin.id(), "{\"active\":false}");

        assertThat(demote.statusCode()).isEqualTo(409);
        assertThat(deactivate.statusCode()).isEqualTo(409);
        assertThat(team.member(testAdmin.id()).role()).isEqualTo(Role.ADMIN);
        assertThat(team.member(testAdmin.id()).active()).isTrue();
    }

    @Test
    void openApiDescribesTheApi() {
        var response = new Api(port).get("/v3/api-docs");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .contains("/api/v1/members", "/api/v1/departments", "/api/v1/me/tokens", "/api/v1/audit");
    }
}
