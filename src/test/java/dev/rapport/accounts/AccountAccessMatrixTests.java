package dev.rapport.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.team.Role;
import dev.rapport.team.TeamManagement;
import dev.rapport.testing.Api;
import dev.rapport.testing.ApplicationTest;
import dev.rapport.testing.TestMembers;
import dev.rapport.testing.TestMembers.Credentials;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every account endpoint against every kind of member: admin, lead, the owner, a marketer holding
 * one grant (each of the four), and strangers of three roles. Strangers do not learn the account
 * exists (404); members who see it but lack the permission get 403.
 */
@ApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountAccessMatrixTests {

    static final Set<String> ADMIN = Set.of("admin");
    static final Set<String> VISIBLE =
            Set.of("admin", "lead", "owner", "PUBLISH", "RESPOND", "VIEW_ANALYTICS", "MANAGE_CREDENTIALS");
    static final Set<String> CREDENTIALS = Set.of("admin", "owner", "MANAGE_CREDENTIALS");
    static final Set<String> STRANGERS = Set.of("marketer", "responder", "viewer");

    @LocalServerPort
    int port;

    @Autowired
    TeamManagement team;

    @Autowired
    JsonMapper json;

    final Map<String, Credentials> members = new LinkedHashMap<>();
    long account;
    long secret;

    /** An endpoint and who may use it; everyone else visible gets 403, strangers 404. */
    record Endpoint(String method, String path, String body, Set<String> allowed, boolean hidesFromStrangers) {
        @Override
        public String toString() {
            return method + " " + path.replaceAll("\\d+", "{id}");
        }
    }

    @BeforeAll
    void fixture() {
        var admin = new Credentials(
                team.memberByEmail(TestMembers.ADMIN_EMAIL).orElseThrow().id(),
                TestMembers.ADMIN_EMAIL,
                TestMembers.ADMIN_PASSWORD);
        members.put("admin", admin);
        members.put("lead", TestMembers.create(team, Role.LEAD));
        members.put("owner", TestMembers.create(team, Role.MARKETER));
        for (AccountPermission permission : AccountPermission.values()) {
            members.put(permission.name(), TestMembers.create(team, Role.MARKETER));
        }
        members.put("marketer", TestMembers.create(team, Role.MARKETER));
        members.put("responder", TestMembers.create(team, Role.RESPONDER));
        members.put("viewer", TestMembers.create(team, Role.VIEWER));

        var owner = as("owner");
        var created = owner.post("/api/v1/accounts", """
                {"network":"linkedin","handle":"matrix-%s","purpose":"B2B","owners":[%d]}""".formatted(
                        UUID.randomUUID().toString().substring(0, 8),
                        members.get("owner").id()));
        account = json.readTree(created.body()).get("id").asLong();
        as("admin").post("/api/v1/accounts/" + account + "/decision", "{\"approve\":true}");
        for (AccountPermission permission : AccountPermission.values()) {
            var response = as("admin")
                    .put(
                            "/api/v1/accounts/" + account + "/grants",
                            "{\"memberId\":" + members.get(permission.name()).id() + ",\"permissions\":[\"" + permission
                                    + "\"]}");
            assertThat(response.statusCode()).isEqualTo(200);
        }
        var stored = owner.post(
                "/api/v1/accounts/" + account + "/secrets",
                "{\"kind\":\"API_KEY\",\"label\":\"matrix\",\"value\":\"key-" + UUID.randomUUID() + "\"}");
        secret = json.readTree(stored.body()).get("id").asLong();
    }

    Api as(String who) {
        return new Api(port).basic(members.get(who).email(), members.get(who).password());
    }

    List<Endpoint> endpoints() {
        return List.of(
                new Endpoint("GET", "/api/v1/accounts/" + account, null, VISIBLE, true),
                new Endpoint("GET", "/api/v1/accounts/" + account + "/grants", null, VISIBLE, true),
                new Endpoint(
                        "PUT",
                        "/api/v1/accounts/" + account + "/grants",
                        "{\"memberId\":" + members.get("viewer").id() + ",\"permissions\":[]}",
                        ADMIN,
                        false),
                new Endpoint("GET", "/api/v1/accounts/" + account + "/secrets", null, CREDENTIALS, true),
                new Endpoint(
                        "POST",
                        "/api/v1/accounts/" + account + "/secrets",
                        "{\"kind\":\"NOTE\",\"label\":\"note-%s\",\"value\":\"v\"}",
                        CREDENTIALS,
                        true),
                new Endpoint(
                        "POST",
                        "/api/v1/accounts/" + account + "/secrets/" + secret + "/reveal",
                        "{\"password\":\"%s\"}",
                        CREDENTIALS,
                        true));
    }

    Stream<Arguments> matrix() {
        List<Arguments> cases = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            for (String who : members.keySet()) {
                cases.add(Arguments.of(endpoint, who));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("matrix")
    void everyMemberGetsExactlyWhatTheirRoleAndGrantsAllow(Endpoint endpoint, String who) {
        String body = endpoint.body() == null
                ? null
                : endpoint.body().contains("password")
                        ? endpoint.body().formatted(members.get(who).password())
                        : endpoint.body().formatted(who);
        var response = as(who).send(endpoint.method(), endpoint.path(), body);
        if (endpoint.allowed().contains(who)) {
            assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
        } else if (STRANGERS.contains(who) && endpoint.hidesFromStrangers()) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(404);
        } else {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
        }
    }

    @ParameterizedTest(name = "the list of {0}")
    @MethodSource("listers")
    void theListShowsTheAccountToExactlyThoseWhoMaySeeIt(String who) {
        boolean listed = as(who).get("/api/v1/accounts").body().contains("\"id\":" + account + ",");
        assertThat(listed).isEqualTo(VISIBLE.contains(who));
    }

    Stream<String> listers() {
        return members.keySet().stream();
    }
}
