package dev.rapport.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rapport.accounts.AccountManagement;
import dev.rapport.connectors.spi.InboundItem;
import dev.rapport.team.DepartmentView;
import dev.rapport.team.Role;
import dev.rapport.team.TeamManagement;
import dev.rapport.testing.Api;
import dev.rapport.testing.ApplicationTest;
import dev.rapport.testing.TestAccounts;
import dev.rapport.testing.TestMembers;
import dev.rapport.testing.TestMembers.Credentials;
import dev.rapport.testing.WebSession;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A department's targets and business hours, set through the API, decide when its conversations are due. */
@ApplicationTest
class ResponseTargetsIntegrationTests {

    /** A Saturday morning in Shanghai and Berlin alike: outside everyone's office hours. */
    static final Instant SATURDAY = Instant.parse("2026-06-06T03:00:00Z");

    static final String SHANGHAI_OFFICE = """
            {"targets":{"NORMAL":"PT2H"},
             "hours":{"timeZone":"Asia/Shanghai","days":["MONDAY","TUESDAY","WEDNESDAY","THURSDAY","FRIDAY"],
                      "opens":"09:00","closes":"18:00","holidays":["2026-10-01"]}}""";
    static final String AROUND_THE_CLOCK = """
            {"hours":{"aroundTheClock":true}}""";

    @LocalServerPort
    int port;

    @Autowired
    TeamManagement team;

    @Autowired
    JsonMapper json;

    @Autowired
    Ingestion ingestion;

    @Autowired
    AccountManagement accounts;

    Credentials marketer;
    long account;
    long sales;
    long berlin;

    @BeforeEach
    void workspace() {
        marketer = TestMembers.create(team, Role.MARKETER);
        Credentials lead = TestMembers.create(team, Role.LEAD);
        account = TestAccounts.active(port, marketer, lead, "weibo");
        sales = team.departments().stream()
                .filter(department -> "sales".equals(department.code()))
                .findFirst()
                .map(DepartmentView::id)
                .orElseThrow();
        var added = Api.admin(port)
                .post(
                        "/api/v1/departments",
                        "{\"name\":\"Berlin desk "
                                + UUID.randomUUID().toString().substring(0, 6) + "\"}");
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        berlin = json.readTree(added.body()).get("id").asLong();
    }

    @AfterEach
    void salesBackToTheDefaults() {
        // Other tests share the database: leave sales as they found it.
        assertThat(Api.admin(port)
                        .put("/api/v1/inbox/targets/" + sales, AROUND_THE_CLOCK)
                        .statusCode())
                .isEqualTo(200);
    }

    JsonNode conversation(long id) {
        return json.readTree(Api.admin(port).get("/api/v1/conversations/" + id).body())
                .get("conversation");
    }

    long purchaseQuestionOnSaturday() {
        String text =
                "Where can I buy the pro plan? " + UUID.randomUUID().toString().substring(0, 6);
        var author = new InboundItem.Author("did:example:" + UUID.randomUUID(), "buyer", null);
        var comment = new InboundItem(
                "c-" + UUID.randomUUID(), InboundItem.Kind.COMMENT, author, text, "p-1", "p-1", null, "en", SATURDAY);
        assertThat(ingestion.ingest(accounts.find(account).orElseThrow(), List.of(comment)))
                .isEqualTo(1);
        for (JsonNode conversation :
                json.readTree(Api.admin(port).get("/api/v1/inbox?size=200").body())) {
            if (conversation.get("lastText").asString().equals(text)) {
                return conversation.get("id").asLong();
            }
        }
        throw new AssertionError("no conversation with " + text);
    }

    @Test
    void aConversationIsDueInItsDepartmentsBusinessHoursAndFollowsReassignmentAndChanges() {
        var changed = Api.admin(port).put("/api/v1/inbox/targets/" + sales, SHANGHAI_OFFICE);
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        JsonNode body = json.readTree(changed.body());
        assertThat(body.at("/targets/HIGH").asString()).isEqualTo("PT1H");
        assertThat(body.at("/targets/NORMAL").asString()).isEqualTo("PT2H");
        assertThat(body.at("/hours/timeZone").asString()).isEqualTo("Asia/Shanghai");
        assertThat(body.at("/hours/opens").asString()).isEqualTo("09:00");
        assertThat(body.at("/hours/aroundTheClock").asBoolean()).isFalse();

        // Purchase intent goes to sales, priority NORMAL: 2 business hours from Monday 09:00 in Shanghai.
        long id = purchaseQuestionOnSaturday();
        JsonNode routed = conversation(id);
        assertThat(routed.get("departmentId").asLong()).isEqualTo(sales);
        assertThat(routed.get("priority").asString()).isEqualTo("NORMAL");
        assertThat(Instant.parse(routed.get("dueAt").asString())).isEqualTo("2026-06-08T03:00:00Z");

        // Reassigned to a desk in Berlin with its own target and hours: those apply from Saturday's message.
        var berlinDesk = Api.admin(port).put("/api/v1/inbox/targets/" + berlin, """
                {"targets":{"NORMAL":"PT1H"},
                 "hours":{"timeZone":"Europe/Berlin","days":["MONDAY","TUESDAY","WEDNESDAY","THURSDAY","FRIDAY"],
                          "opens":"09:00","closes":"17:00"}}""");
        assertThat(berlinDesk.statusCode()).as(berlinDesk.body()).isEqualTo(200);
        var reassigned = Api.admin(port)
                .post(
                        "/api/v1/conversations/" + id + "/assign",
                        "{\"departmentId\":%d,\"note\":\"Customer is in Germany\"}".formatted(berlin));
        assertThat(reassigned.statusCode()).as(reassigned.body()).isEqualTo(200);
        // Monday 09:00 CEST is 07:00 UTC; one hour later.
        assertThat(Instant.parse(conversation(id).get("dueAt").asString())).isEqualTo("2026-06-08T08:00:00Z");

        // The desk goes around the clock: its waiting conversation is due an hour after it arrived.
        assertThat(Api.admin(port).put("/api/v1/inbox/targets/" + berlin, """
                        {"targets":{"NORMAL":"PT1H"},"hours":{"aroundTheClock":true}}""").statusCode())
                .isEqualTo(200);
        assertThat(Instant.parse(conversation(id).get("dueAt").asString()))
                .isEqualTo(SATURDAY.plus(Duration.ofHours(1)));

        JsonNode all = json.readTree(
                Api.as(port, marketer).get("/api/v1/inbox/targets").body());
        assertThat(all.findValues("departmentId").stream().map(JsonNode::asLong))
                .contains(sales, berlin);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(Api.admin(port)
                                .get("/api/v1/audit?action=inbox.targets-changed&size=200")
                                .body())
                        .contains("\"target\":\"department:" + berlin + "\"")
                        .contains("NORMAL PT1H"));
    }

    @Test
    void onlyAdminsAndTheDepartmentsLeadsChangeItsTargets() {
        var byMarketer = Api.as(port, marketer).put("/api/v1/inbox/targets/" + berlin, SHANGHAI_OFFICE);
        assertThat(byMarketer.statusCode()).isEqualTo(403);

        Credentials lead = TestMembers.create(team, Role.LEAD);
        var elsewhere = Api.as(port, lead).language("zh-CN").put("/api/v1/inbox/targets/" + berlin, SHANGHAI_OFFICE);
        assertThat(elsewhere.statusCode()).isEqualTo(403);
        assertThat(json.readTree(elsewhere.body()).get("detail").asString()).isEqualTo("只有管理员和该部门的负责人可以修改其响应时限。");

        var moved = Api.admin(port).patch("/api/v1/members/" + lead.id(), "{\"departmentId\":" + berlin + "}");
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        var own = Api.as(port, lead).put("/api/v1/inbox/targets/" + berlin, SHANGHAI_OFFICE);
        assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
        assertThat(Api.as(port, lead)
                        .put("/api/v1/inbox/targets/" + sales, SHANGHAI_OFFICE)
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void aLeadSetsTheirDepartmentsHoursOnThePage() {
        Credentials lead = TestMembers.create(team, Role.LEAD);
        Api.admin(port).patch("/api/v1/members/" + lead.id(), "{\"departmentId\":" + berlin + "}");
        WebSession web = new WebSession(port);
        web.signIn(lead.email(), lead.password());
        assertThat(web.get("/inbox").body()).contains("id=\"targets-link\"");
        assertThat(web.get("/inbox/targets").body())
                .contains("id=\"save-targets-" + berlin + "\"")
                .doesNotContain("id=\"save-targets-" + sales + "\"");

        Map<String, String> form = new HashMap<>(Map.of(
                "target-HIGH", "30",
                "target-NORMAL", "120",
                "target-LOW", "1440",
                "timeZone", "Europe/Berlin",
                "day", "MONDAY,FRIDAY",
                "opens", "09:00",
                "closes", "17:00",
                "holidays", "2026-12-24 2026-12-31x"));
        assertThat(web.post("/inbox/targets/" + berlin, form).statusCode()).isEqualTo(302);
        assertThat(web.get("/inbox/targets").body())
                .contains("id=\"targets-refused-" + berlin + "\"")
                .contains("“2026-12-31x” is not a date");

        form.put("holidays", "2026-12-24\n2026-12-31");
        assertThat(web.postRaw("/inbox/targets/" + berlin, form, false).statusCode())
                .isEqualTo(403);
        assertThat(web.post("/inbox/targets/" + berlin, form).statusCode()).isEqualTo(302);
        assertThat(web.get("/inbox/targets").body()).contains("id=\"targets-saved-" + berlin + "\"");
        JsonNode desk = null;
        for (JsonNode department :
                json.readTree(Api.as(port, lead).get("/api/v1/inbox/targets").body())) {
            if (department.get("departmentId").asLong() == berlin) {
                desk = department;
            }
        }
        assertThat(desk).isNotNull();
        assertThat(desk.at("/targets/HIGH").asString()).isEqualTo("PT30M");
        assertThat(desk.at("/hours/days").toString()).isEqualTo("[\"MONDAY\",\"FRIDAY\"]");
        assertThat(desk.at("/hours/closes").asString()).isEqualTo("17:00");
        assertThat(desk.at("/hours/holidays").toString()).isEqualTo("[\"2026-12-24\",\"2026-12-31\"]");

        assertThat(web.post("/inbox/targets/" + sales, form).statusCode()).isEqualTo(403);
    }

    @Test
    void invalidTargetsAndHoursAreRefusedWithAReasonInTheMembersLanguage() {
        var admin = Api.admin(port);
        var zone =
                admin.put("/api/v1/inbox/targets/" + berlin, SHANGHAI_OFFICE.replace("Asia/Shanghai", "Mars/Olympus"));
        assertThat(zone.statusCode()).isEqualTo(400);
        assertThat(json.readTree(zone.body()).get("detail").asString())
                .isEqualTo("“Mars/Olympus” is not a time zone: use an IANA name such as Asia/Shanghai, "
                        + "Europe/Berlin or America/New_York.");

        var backwards = admin.language("zh-CN")
                .put("/api/v1/inbox/targets/" + berlin, SHANGHAI_OFFICE.replace("\"18:00\"", "\"08:00\""));
        assertThat(backwards.statusCode()).isEqualTo(400);
        assertThat(json.readTree(backwards.body()).get("detail").asString())
                .isEqualTo("下班时间（08:00）须晚于上班时间（09:00）；00:00 表示午夜下班。");

        var tooShort = admin.language("en").put("/api/v1/inbox/targets/" + berlin, """
                {"targets":{"HIGH":"PT30S"},"hours":{"aroundTheClock":true}}""");
        assertThat(tooShort.statusCode()).isEqualTo(400);
        assertThat(json.readTree(tooShort.body()).get("detail").asString())
                .isEqualTo("The HIGH target must be between 1 minute and 30 days, in whole minutes.");

        var noDays = admin.put(
                "/api/v1/inbox/targets/" + berlin, SHANGHAI_OFFICE.replaceAll("\"days\":\\[[^]]*]", "\"days\":[]"));
        assertThat(noDays.statusCode()).isEqualTo(400);
        assertThat(json.readTree(noDays.body()).get("detail").asString())
                .isEqualTo("Choose at least one working day, or around the clock.");

        assertThat(admin.put("/api/v1/inbox/targets/" + berlin, "{\"targets\":{}}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(admin.put("/api/v1/inbox/targets/999999", AROUND_THE_CLOCK).statusCode())
                .isEqualTo(404);
        // Nothing of that was kept: the desk still has the defaults.
        assertThat(admin.get("/api/v1/inbox/targets").body())
                .contains("{\"departmentId\":" + berlin
                        + ",\"targets\":{\"HIGH\":\"PT1H\",\"NORMAL\":\"PT4H\",\"LOW\":\"PT24H\"}");
    }
}
