package dev.rapport.team.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.team.Role;
import dev.rapport.team.TeamManagement;
import dev.rapport.testing.Api;
import dev.rapport.testing.ApplicationTest;
import dev.rapport.testing.TestMembers;
import dev.rapport.testing.TestMembers.Credentials;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every API endpoint against every role, and without credentials: the documented rules, no more, no less. */
@ApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiAuthorizationTests {

    static final Set<Role> EVERYONE = Set.of(Role.values());
    static final Set<Role> ADMINS = Set.of(Role.ADMIN);
    static final Set<Role> ADMINS_AND_LEADS = Set.of(Role.ADMIN, Role.LEAD);
    static final Set<Role> INBOX = Set.of(Role.ADMIN, Role.LEAD, Role.MARKETER, Role.RESPONDER);
    static final String AUTHZ = "authz ";

    /** An endpoint, a body that makes a valid request, and the roles it admits. */
    record Endpoint(String method, String path, String body, Set<Role> allowed) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    TeamManagement team;

    @Autowired
    JsonMapper json;

    final Map<Role, Credentials> members = new EnumMap<>(Role.class);
    long someMember;
    long ruleToChange;
    long ruleToDelete;
    long savedReply;

    @BeforeAll
    void members() {
        for (Role role : Role.values()) {
            members.put(role, TestMembers.create(team, role));
        }
        someMember = TestMembers.create(team, Role.VIEWER).id();
        ruleToChange = created("/api/v1/inbox/rules", rule("change"));
        ruleToDelete = created("/api/v1/inbox/rules", rule("delete"));
        savedReply = created("/api/v1/inbox/saved-replies", savedReply("saved"));
    }

    /** Rules and saved replies are the whole workspace's: what this class added goes again. */
    @AfterAll
    void removeRulesAndSavedReplies() {
        Api admin = Api.admin(port);
        for (JsonNode rule :
                json.readTree(admin.get("/api/v1/inbox/rules?all=true").body())) {
            if (rule.get("name").asString().startsWith(AUTHZ)) {
                admin.delete("/api/v1/inbox/rules/" + rule.get("id").asLong());
            }
        }
        for (JsonNode reply :
                json.readTree(admin.get("/api/v1/inbox/saved-replies").body())) {
            if (reply.get("title").asString().startsWith(AUTHZ)) {
                admin.delete("/api/v1/inbox/saved-replies/" + reply.get("id").asLong());
            }
        }
    }

    /** A rule that no message matches. */
    String rule(String name) {
        return """
                {"name":"%s%s","keywords":["never-%s"],"departmentId":%d}""".formatted(
                AUTHZ, name, UUID.randomUUID(), team.departments().get(0).id());
    }

    static String savedReply(String title) {
        return """
                {"title":"%s%s","text":"Thank you, {name}: %s","language":"en"}""".formatted(AUTHZ, title, UUID.randomUUID());
    }

    long created(String path, String body) {
        var response = Api.admin(port).post(path, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body()).get("id").asLong();
    }

    /** Every rule's id, in the current order. */
    String ruleOrder() {
        return json.readTree(Api.admin(port).get("/api/v1/inbox/rules?all=true").body()).findValues("id").stream()
                .map(id -> String.valueOf(id.asLong()))
                .collect(Collectors.joining(",", "[", "]"));
    }

    List<Endpoint> endpoints() {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        return List.of(
                new Endpoint("GET", "/api/v1/members", null, EVERYONE),
                new Endpoint("GET", "/api/v1/members/" + someMember, null, EVERYONE),
                new Endpoint(
                        "POST",
                        "/api/v1/members",
                        "{\"name\":\"N\",\"email\":\"m-" + unique
                                + "-%s@rapport.test\",\"role\":\"VIEWER\",\"language\":\"en\"}",
                        ADMINS),
                new Endpoint("PATCH", "/api/v1/members/" + someMember, "{\"name\":\"Renamed %s\"}", ADMINS),
                new Endpoint("GET", "/api/v1/departments", null, EVERYONE),
                new Endpoint("POST", "/api/v1/departments", "{\"name\":\"Dept " + unique + " %s\"}", ADMINS),
                new Endpoint("GET", "/api/v1/me/tokens", null, EVERYONE),
                new Endpoint("POST", "/api/v1/me/tokens", "{\"name\":\"t %s\"}", EVERYONE),
                new Endpoint("GET", "/api/v1/audit", null, ADMINS),
                new Endpoint("GET", "/api/v1/audit/verification", null, ADMINS),
                new Endpoint("GET", "/api/v1/approvals", null, Set.of(Role.ADMIN, Role.LEAD)),
                new Endpoint("GET", "/api/v1/publishing/rules", null, EVERYONE),
                new Endpoint(
                        "PUT",
                        "/api/v1/publishing/rules",
                        "{\"approval\":\"WHEN_HELD\",\"approvalAccounts\":[],\"promotionalMax\":20,\"automationMax\":30}",
                        ADMINS),
                new Endpoint(
                        "GET", "/api/v1/inbox", null, Set.of(Role.ADMIN, Role.LEAD, Role.MARKETER, Role.RESPONDER)),
                new Endpoint("GET", "/api/v1/inbox/rules", null, EVERYONE),
                new Endpoint("GET", "/api/v1/inbox/targets", null, EVERYONE),
                // Leads may change their own department's targets; these test members have none.
                new Endpoint(
                        "PUT",
                        "/api/v1/inbox/targets/" + team.departments().get(0).id(),
                        "{\"hours\":{\"aroundTheClock\":true}}",
                        ADMINS),
                new Endpoint("GET", "/api/v1/inbox/rules?all=true", null, EVERYONE),
                // The order names every rule: it goes before a rule is added or deleted.
                new Endpoint("PUT", "/api/v1/inbox/rules/order", ruleOrder(), ADMINS),
                new Endpoint("PUT", "/api/v1/inbox/rules/" + ruleToChange, rule("changed %s"), ADMINS),
                new Endpoint("DELETE", "/api/v1/inbox/rules/" + ruleToDelete, null, ADMINS),
                new Endpoint("POST", "/api/v1/inbox/rules", rule("new %s"), ADMINS),
                new Endpoint("GET", "/api/v1/inbox/saved-replies", null, INBOX),
                new Endpoint("GET", "/api/v1/inbox/saved-replies/" + savedReply, null, INBOX),
                new Endpoint("POST", "/api/v1/inbox/saved-replies", savedReply("new %s"), ADMINS_AND_LEADS),
                new Endpoint(
                        "PUT", "/api/v1/inbox/saved-replies/" + savedReply, savedReply("changed %s"), ADMINS_AND_LEADS),
                new Endpoint("GET", "/api/v1/inbox/saved-replies/personalisation", null, INBOX),
                new Endpoint("PUT", "/api/v1/inbox/saved-replies/personalisation", "{\"required\":true}", ADMINS),
                // The chat webhook: admins and the department's leads (these test members have none).
                new Endpoint(
                        "GET",
                        "/api/v1/inbox/escalation/" + team.departments().get(0).id(),
                        null,
                        ADMINS),
                new Endpoint("GET", "/api/v1/inbox/metrics", null, EVERYONE),
                new Endpoint("GET", "/api/v1/calendar", null, EVERYONE),
                new Endpoint("GET", "/api/v1/content-mix", null, EVERYONE),
                new Endpoint("GET", "/actuator/prometheus", null, ADMINS));
    }

    Stream<Arguments> matrix() {
        List<Arguments> cases = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            for (Role role : Role.values()) {
                cases.add(Arguments.of(endpoint, role));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("matrix")
    void everyRoleGetsExactlyWhatItMay(Endpoint endpoint, Role role) {
        Credentials member = members.get(role);
        String body = endpoint.body() == null
                ? null
                : endpoint.body().formatted(role.name().toLowerCase());
        var response =
                new Api(port).basic(member.email(), member.password()).send(endpoint.method(), endpoint.path(), body);
        if (endpoint.allowed().contains(role)) {
            assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
        } else {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        }
    }

    Stream<Endpoint> everyEndpoint() {
        return endpoints().stream();
    }

    @ParameterizedTest(name = "{0} without credentials")
    @MethodSource("everyEndpoint")
    void withoutCredentialsEveryEndpointIs401(Endpoint endpoint) {
        String body = endpoint.body() == null ? null : endpoint.body().formatted("anonymous");
        var response = new Api(port).send(endpoint.method(), endpoint.path(), body);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("\"status\":401");
    }

    @ParameterizedTest(name = "{0} with a wrong token")
    @MethodSource("everyEndpoint")
    void withAnUnknownTokenEveryEndpointIs401(Endpoint endpoint) {
        String body = endpoint.body() == null ? null : endpoint.body().formatted("forged");
        var response = new Api(port).bearer("rpt_forged").send(endpoint.method(), endpoint.path(), body);
        assertThat(response.statusCode()).isEqualTo(401);
    }
}
