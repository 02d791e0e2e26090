package dev.rapport.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.team.Role;
import dev.rapport.team.TeamManagement;
import dev.rapport.testing.Api;
import dev.rapport.testing.ApplicationTest;
import dev.rapport.testing.TestMembers;
import dev.rapport.testing.TestMembers.Credentials;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@ApplicationTest
class AccountsApiIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    TeamManagement team;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    Credentials owner;
    Credentials lead;
    Credentials stranger;

    @BeforeEach
    void team() {
        owner = TestMembers.create(team, Role.MARKETER);
        lead = TestMembers.create(team, Role.LEAD);
        stranger = TestMembers.create(team, Role.MARKETER);
    }

    Api as(Credentials member) {
        return Api.as(port, member);
    }

    Api admin() {
        return Api.admin(port);
    }

    long requestedAccount(String network) {
        var response = as(owner).post("/api/v1/accounts", """
                {"network":"%s","handle":"brand-%s","purpose":"Customer care in China","owners":[%d]}""".formatted(
                        network, UUID.randomUUID().toString().substring(0, 8), owner.id()));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body()).get("id").asLong();
    }

    long activeAccount() {
        long id = requestedAccount("weibo");
        assertThat(as(lead).post("/api/v1/accounts/" + id + "/decision", "{\"approve\":true}")
                        .statusCode())
                .isEqualTo(200);
        return id;
    }

    @Test
    void aRequestWaitsForALeadAndARejectionNeedsAReason() {
        long id = requestedAccount("wechat");
        assertThat(json.readTree(as(owner).get("/api/v1/accounts/" + id).body())
                        .get("status")
                        .asString())
                .isEqualTo("REQUESTED");

        assertThat(as(owner)
                        .post("/api/v1/accounts/" + id + "/decision", "{\"approve\":true}")
                        .statusCode())
                .isEqualTo(403);
        assertThat(as(lead).post("/api/v1/accounts/" + id + "/decision", "{\"approve\":false}")
                        .statusCode())
                .isEqualTo(400);
        var rejected = as(lead).post(
                        "/api/v1/accounts/" + id + "/decision",
                        "{\"approve\":false,\"reason\":\"We already have one\"}");

        JsonNode account = json.readTree(rejected.body());
        assertThat(account.get("status").asString()).isEqualTo("REJECTED");
        assertThat(account.get("decisionNote").asString()).isEqualTo("We already have one");
        assertThat(as(owner).get("/api/v1/accounts/" + id).body()).contains("We already have one");
    }

    @Test
    void aDiscoveredAccountIsAdoptedByAnAdminAndARetiredOneStaysRetired() {
        var discovered = as(lead).post("/api/v1/accounts/discovered", """
                {"network":"zhihu","handle":"found-%s","purpose":"An intern opened it in 2023","owners":[%d]}""".formatted(
                        UUID.randomUUID().toString().substring(0, 8), owner.id()));
        assertThat(discovered.statusCode()).isEqualTo(201);
        long id = json.readTree(discovered.body()).get("id").asLong();
        assertThat(json.readTree(discovered.body()).get("status").asString()).isEqualTo("DISCOVERED");
        assertThat(as(owner)
                        .post(
                                "/api/v1/accounts/discovered",
                                "{\"network\":\"x\",\"handle\":\"h\",\"purpose\":\"p\",\"owners\":[" + owner.id()
                                        + "]}")
                        .statusCode())
                .isEqualTo(403);

        assertThat(as(lead).post("/api/v1/accounts/" + id + "/status", "{\"status\":\"ACTIVE\"}")
                        .statusCode())
                .isEqualTo(409);
        assertThat(admin().post("/api/v1/accounts/" + id + "/status", "{\"status\":\"ACTIVE\"}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(as(lead).post("/api/v1/accounts/" + id + "/status", "{\"status\":\"PAUSED\"}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(as(lead).post("/api/v1/accounts/" + id + "/status", "{\"status\":\"RETIRED\"}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(admin().post("/api/v1/accounts/" + id + "/status", "{\"status\":\"ACTIVE\"}")
                        .statusCode())
                .isEqualTo(409);
        assertThat(as(owner).get("/api/v1/accounts/" + id).body()).contains("\"status\":\"RETIRED\"");
    }

    @Test
    void viewersAndRespondersCannotRequestAccounts() {
        var viewer = TestMembers.create(team, Role.VIEWER);
        var response = as(viewer).post("/api/v1/accounts", """
                {"network":"x","handle":"nope-%s","purpose":"p","owners":[%d]}""".formatted(UUID.randomUUID(), viewer.id()));
        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void badInputIsAClearErrorAndNothingIsHalfSaved() {
        long before = jdbc.sql("SELECT COUNT(*) FROM account").query(Long.class).single();
        var unknown = as(owner).post("/api/v1/accounts", """
                {"network":"myspace","handle":"h","purpose":"p","owners":[%d]}""".formatted(owner.id()));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(json.readTree(unknown.body()).get("detail").asString()).contains("myspace");

        long id = requestedAccount("bluesky");
        String handle = json.readTree(as(owner).get("/api/v1/accounts/" + id).body())
                .get("handle")
                .asString();
        var duplicate = as(owner).post("/api/v1/accounts", """
                {"network":"bluesky","handle":"%s","purpose":"p","owners":[%d]}""".formatted(handle.toUpperCase(), owner.id()));
        assertThat(duplicate.statusCode()).isEqualTo(409);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM account").query(Long.class).single())
                .isEqualTo(before + 1);
    }

    @Test
    void strangersCannotReachAnAccountByIdAndGrantsOpenExactlyWhatTheyName() {
        long id = activeAccount();
        assertThat(as(stranger).get("/api/v1/accounts/" + id).statusCode()).isEqualTo(404);
        assertThat(as(stranger).get("/api/v1/accounts/" + id + "/secrets").statusCode())
                .isEqualTo(404);
        assertThat(as(stranger).get("/api/v1/accounts").body()).doesNotContain("\"id\":" + id + ",");

        assertThat(as(owner)
                        .put("/api/v1/accounts/" + id + "/grants", grant(stranger, "PUBLISH"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(admin().put("/api/v1/accounts/" + id + "/grants", grant(stranger, "PUBLISH"))
                        .statusCode())
                .isEqualTo(200);
        assertThat(as(stranger).get("/api/v1/accounts/" + id).statusCode()).isEqualTo(200);
        assertThat(as(stranger).get("/api/v1/accounts/" + id + "/secrets").statusCode())
                .isEqualTo(403);

        admin().put("/api/v1/accounts/" + id + "/grants", grant(stranger, "PUBLISH\",\"MANAGE_CREDENTIALS"));
        assertThat(as(stranger).get("/api/v1/accounts/" + id + "/secrets").statusCode())
                .isEqualTo(200);

        admin().put("/api/v1/accounts/" + id + "/grants", "{\"memberId\":" + stranger.id() + ",\"permissions\":[]}");
        assertThat(as(stranger).get("/api/v1/accounts/" + id).statusCode()).isEqualTo(404);
    }

    @Test
    void secretsAreWriteOnlyAndARevealNeedsThePasswordAndIsAudited() {
        long id = activeAccount();
        String value = "Brand-Weibo-" + UUID.randomUUID();
        var stored = as(owner).post("/api/v1/accounts/" + id + "/secrets", secret("PASSWORD", "main", value));
        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(201);
        assertThat(stored.body()).doesNotContain(value);
        long secretId = json.readTree(stored.body()).get("id").asLong();
        assertThat(as(owner).get("/api/v1/accounts/" + id + "/secrets").body())
                .doesNotContain(value)
                .contains("\"label\":\"main\"");

        var wrong = as(owner)
                .post("/api/v1/accounts/" + id + "/secrets/" + secretId + "/reveal", "{\"password\":\"guess\"}");
        assertThat(wrong.statusCode()).isEqualTo(400);
        var revealed = as(owner)
                .post(
                        "/api/v1/accounts/" + id + "/secrets/" + secretId + "/reveal",
                        "{\"password\":\"" + owner.password() + "\"}");
        assertThat(revealed.statusCode()).isEqualTo(200);
        assertThat(json.readTree(revealed.body()).get("value").asString()).isEqualTo(value);
        assertThat(revealed.headers().firstValue("Cache-Control")).hasValue("no-store");

        assertThat(jdbc.sql("SELECT COUNT(*) FROM secret_exposure WHERE secret_id = ? AND member_id = ?")
                        .params(secretId, owner.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        org.awaitility.Awaitility.await()
                .until(() -> admin().get("/api/v1/audit?action=secret.revealed")
                        .body()
                        .contains("secret:" + secretId));
    }

    @Test
    void guessingThePasswordAtARevealLocksTheMemberOutLikeFailedSignIns() {
        long id = activeAccount();
        long secretId = json.readTree(as(owner)
                        .post("/api/v1/accounts/" + id + "/secrets", secret("API_KEY", "k", "v-" + UUID.randomUUID()))
                        .body())
                .get("id")
                .asLong();
        String reveal = "/api/v1/accounts/" + id + "/secrets/" + secretId + "/reveal";
        String token = json.readTree(as(owner)
                        .post("/api/v1/me/tokens", "{\"name\":\"stolen\"}")
                        .body())
                .get("secret")
                .asString();
        var thief = new Api(port).bearer(token);
        for (int i = 0; i < 5; i++) {
            assertThat(thief.post(reveal, "{\"password\":\"guess " + i + "\"}").statusCode())
                    .isEqualTo(400);
        }
        var locked = thief.post(reveal, "{\"password\":\"" + owner.password() + "\"}");
        assertThat(locked.statusCode()).isEqualTo(400);
        assertThat(json.readTree(locked.body()).get("detail").asString()).contains("Too many wrong passwords");
        org.awaitility.Awaitility.await()
                .until(() -> admin().get("/api/v1/audit?action=sign-in.failed&actor=" + owner.email())
                        .body()
                        .contains("re-authentication"));
    }

    @Test
    void ownersManageNothingBeforeApprovalAndARejectedHandleMayBeRequestedAgain() {
        long requested = requestedAccount("weibo");
        assertThat(as(owner)
                        .post("/api/v1/accounts/" + requested + "/secrets", secret("NOTE", "n", "early"))
                        .statusCode())
                .isEqualTo(403);
        String handle = json.readTree(
                        as(owner).get("/api/v1/accounts/" + requested).body())
                .get("handle")
                .asString();
        as(lead).post("/api/v1/accounts/" + requested + "/decision", "{\"approve\":false,\"reason\":\"Wrong name\"}");

        var again = as(owner).post("/api/v1/accounts", """
                {"network":"weibo","handle":"%s","purpose":"Second try","owners":[%d]}""".formatted(handle, owner.id()));
        assertThat(again.statusCode()).isEqualTo(201);
    }

    @Test
    void weakEmptyOversizedAndReusedSecretsAreRefusedAndNothingIsStored() {
        long first = activeAccount();
        long second = activeAccount();
        String value = "Shared-Passphrase-" + UUID.randomUUID();
        assertThat(as(owner)
                        .post("/api/v1/accounts/" + first + "/secrets", secret("PASSWORD", "main", value))
                        .statusCode())
                .isEqualTo(201);

        var reused = as(owner).post("/api/v1/accounts/" + second + "/secrets", secret("PASSWORD", "main", value));
        assertThat(reused.statusCode()).isEqualTo(409);
        assertThat(json.readTree(reused.body()).get("detail").asString()).contains("already used");
        var weak =
                as(owner).post("/api/v1/accounts/" + second + "/secrets", secret("PASSWORD", "main", "password1234"));
        assertThat(weak.statusCode()).isEqualTo(400);
        assertThat(as(owner)
                        .post("/api/v1/accounts/" + second + "/secrets", secret("API_KEY", "key", ""))
                        .statusCode())
                .isEqualTo(400);
        assertThat(as(owner)
                        .post("/api/v1/accounts/" + second + "/secrets", secret("NOTE", "n", "x".repeat(4001)))
                        .statusCode())
                .isEqualTo(400);
        var recycled = as(owner).post("/api/v1/accounts/" + first + "/secrets", secret("PASSWORD", "main", value));
        assertThat(recycled.statusCode()).isEqualTo(409);

        assertThat(as(owner).get("/api/v1/accounts/" + second + "/secrets").body())
                .isEqualTo("[]");
    }

    @Test
    void secretsDueForRotationAreListedForTheirManagersOnly() {
        long id = activeAccount();
        as(owner)
                .post(
                        "/api/v1/accounts/" + id + "/secrets",
                        "{\"kind\":\"API_KEY\",\"label\":\"soon\",\"value\":\"k-" + UUID.randomUUID()
                                + "\",\"rotationDays\":7}");
        as(owner)
                .post(
                        "/api/v1/accounts/" + id + "/secrets",
                        "{\"kind\":\"API_KEY\",\"label\":\"later\",\"value\":\"k-" + UUID.randomUUID()
                                + "\",\"rotationDays\":90}");
        jdbc.sql(
                        "UPDATE secret SET changed_at = changed_at - INTERVAL '10' DAY WHERE account_id = ? AND label = 'soon'")
                .param(id)
                .update();

        JsonNode due = json.readTree(as(owner).get("/api/v1/vault/rotation-due").body());
        assertThat(due.findValuesAsString("label")).containsExactly("soon");
        assertThat(due.get(0).get("overdue").asBoolean()).isTrue();
        assertThat(as(stranger).get("/api/v1/vault/rotation-due").body()).doesNotContain("\"accountId\":" + id + ",");
    }

    @Test
    void noTableOfTheDatabaseHoldsTheSecretInPlainText() throws Exception {
        long id = activeAccount();
        String value = "Plaintext-Canary-" + UUID.randomUUID();
        as(owner).post("/api/v1/accounts/" + id + "/secrets", secret("API_KEY", "canary", value));

        var found = new java.util.ArrayList<String>();
        int tablesScanned = 0;
        try (var connection = dataSource.getConnection()) {
            var meta = connection.getMetaData();
            try (var tables = meta.getTables(null, null, "%", new String[] {"TABLE"})) {
                while (tables.next()) {
                    String schema = tables.getString("TABLE_SCHEM");
                    if (!"public".equalsIgnoreCase(schema)) {
                        continue; // the catalogs of H2 and PostgreSQL
                    }
                    String table = tables.getString("TABLE_NAME");
                    tablesScanned++;
                    try (var statement = connection.createStatement();
                            var rows = statement.executeQuery("SELECT * FROM \"" + schema + "\".\"" + table + "\"")) {
                        int columns = rows.getMetaData().getColumnCount();
                        while (rows.next()) {
                            for (int c = 1; c <= columns; c++) {
                                Object cell = rows.getObject(c);
                                String text = cell instanceof byte[] bytes
                                        ? new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1)
                                        : String.valueOf(cell);
                                if (text.contains(value) || text.contains(value.substring(0, 16))) {
                                    found.add(table);
                                }
                            }
                        }
                    }
                }
            }
        }
        assertThat(tablesScanned).as("every application table was read").isGreaterThan(10);
        assertThat(found).isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM secret WHERE label = 'canary'")
                        .query(Long.class)
                        .single())
                .isPositive();
    }

    @Autowired
    javax.sql.DataSource dataSource;

    static String grant(Credentials member, String permission) {
        return "{\"memberId\":" + member.id() + ",\"permissions\":[\"" + permission + "\"]}";
    }

    static String secret(String kind, String label, String value) {
        return "{\"kind\":\"" + kind + "\",\"label\":\"" + label + "\",\"value\":\"" + value + "\"}";
    }
}
