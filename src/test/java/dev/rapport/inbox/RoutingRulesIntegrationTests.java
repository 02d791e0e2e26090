package dev.rapport.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rapport.audit.AuditLog;
import dev.rapport.audit.AuditQuery;
import dev.rapport.connectors.spi.InboundItem;
import dev.rapport.team.Role;
import dev.rapport.testing.Api;
import dev.rapport.testing.ApplicationTest;
import dev.rapport.testing.TestMembers;
import dev.rapport.testing.TestMembers.Credentials;
import dev.rapport.testing.WebSession;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Admins edit the routing rules and the next conversation follows them; bad rules are refused in
 * the member's language; no one else may edit them.
 */
@ApplicationTest
class RoutingRulesIntegrationTests extends InboxTestSupport {

    @Autowired
    AuditLog audit;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    /** A word in every test message, so that a rule catches only this test's conversations. */
    String token;

    @BeforeEach
    void token() {
        token = "kw" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A billing question from someone new: a new conversation, which the default rules send to billing. */
    JsonNode billingQuestion() {
        String text =
                "我上个月被扣了两次钱，能退款吗？ " + token + " " + UUID.randomUUID().toString().substring(0, 6);
        InboundItem.Author author = new InboundItem.Author("did:" + UUID.randomUUID(), "buyer-" + token, null);
        InboundItem comment = new InboundItem(
                "c-" + UUID.randomUUID(),
                InboundItem.Kind.COMMENT,
                author,
                text,
                post,
                post,
                null,
                null,
                Instant.now());
        assertThat(ingestion.ingest(accounts.find(account).orElseThrow(), List.of(comment)))
                .isEqualTo(1);
        JsonNode conversation = conversationWith(lead, text);
        assertThat(conversation.get("intent").asString()).isEqualTo("BILLING");
        // Closed at once: no one may answer it (the sandbox does not know it), so it must not wait
        // at the head of a department's queue for the other tests.
        var closed = Api.as(port, lead)
                .post("/api/v1/conversations/" + conversation.get("id").asLong() + "/done", """
                        {"reason":"no-reply-needed","note":"routing test"}""");
        assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);
        return conversation;
    }

    String rule(String name, long departmentId, String more) {
        return """
                {"name":"%s","keywords":["%s"],"departmentId":%d,"strategy":"ROUND_ROBIN"%s}""".formatted(name, token.toUpperCase(), departmentId, more);
    }

    List<Long> order() {
        List<Long> ids = new ArrayList<>();
        json.readTree(Api.admin(port).get("/api/v1/inbox/rules?all=true").body())
                .forEach(rule -> ids.add(rule.get("id").asLong()));
        return ids;
    }

    @Test
    void anAdminAddsReordersChangesDisablesAndDeletesARuleAndTheNextConversationFollows() {
        Api admin = Api.admin(port);
        String name = "Refunds " + token + " → sales";
        var created = admin.post("/api/v1/inbox/rules", rule(name, department("sales"), ""));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode rule = json.readTree(created.body());
        long id = rule.get("id").asLong();
        assertThat(rule.get("enabled").asBoolean()).isTrue();
        assertThat(order()).last().isEqualTo(id);
        // Last, after "Billing → billing": billing still wins.
        assertThat(billingQuestion().get("departmentId").asLong()).isEqualTo(department("billing"));

        List<Long> first = new ArrayList<>(order());
        first.remove(id);
        first.add(0, id);
        var reordered = admin.put("/api/v1/inbox/rules/order", first.toString());
        assertThat(reordered.statusCode()).as(reordered.body()).isEqualTo(200);
        assertThat(json.readTree(reordered.body()).at("/0/id").asLong()).isEqualTo(id);
        JsonNode toSales = billingQuestion();
        assertThat(toSales.get("departmentId").asLong()).isEqualTo(department("sales"));
        assertThat(toSales.get("routedBy").asString()).isEqualTo(name);

        var changed = admin.put("/api/v1/inbox/rules/" + id, rule(name, department("production"), ""));
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(json.readTree(changed.body()).get("position").asInt()).isEqualTo(1);
        assertThat(billingQuestion().get("departmentId").asLong()).isEqualTo(department("production"));

        var disabled =
                admin.put("/api/v1/inbox/rules/" + id, rule(name, department("production"), ",\"enabled\":false"));
        assertThat(json.readTree(disabled.body()).get("enabled").asBoolean()).isFalse();
        assertThat(admin.get("/api/v1/inbox/rules").body()).doesNotContain(name);
        assertThat(admin.get("/api/v1/inbox/rules?all=true").body()).contains(name);
        assertThat(billingQuestion().get("departmentId").asLong()).isEqualTo(department("billing"));

        assertThat(admin.delete("/api/v1/inbox/rules/" + id).statusCode()).isEqualTo(204);
        assertThat(order()).doesNotContain(id);
        assertThat(admin.delete("/api/v1/inbox/rules/" + id).statusCode()).isEqualTo(404);

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(audit
                                .find(new AuditQuery(
                                        TestMembers.ADMIN_EMAIL,
                                        null,
                                        Instant.now().minusSeconds(120),
                                        null,
                                        0,
                                        500))
                                .entries()
                                .stream()
                                .filter(entry -> ("routing-rule:" + id).equals(entry.target())
                                        || "routing-rules".equals(entry.target()))
                                .map(entry -> entry.action())
                                .distinct())
                        .contains(
                                "inbox.rule-created",
                                "inbox.rule-reordered",
                                "inbox.rule-changed",
                                "inbox.rule-deleted"));
    }

    /** One page of questions from different people, all caught by this test's rule. */
    void ingestPage(int questions) {
        List<InboundItem> page = new ArrayList<>();
        for (int i = 0; i < questions; i++) {
            page.add(new InboundItem(
                    "c-" + UUID.randomUUID(),
                    InboundItem.Kind.COMMENT,
                    new InboundItem.Author("did:" + UUID.randomUUID(), "asker-" + i, null),
                    "Where is my parcel? " + token + " " + i,
                    post,
                    post,
                    null,
                    null,
                    Instant.now()));
        }
        assertThat(ingestion.ingest(accounts.find(account).orElseThrow(), page)).isEqualTo(questions);
    }

    /** Open conversations per member of a department. */
    Map<Long, Integer> spread(long departmentId) {
        Map<Long, Integer> spread = new java.util.TreeMap<>();
        jdbc.sql(
                        "SELECT assignee_id, COUNT(*) FROM conversation WHERE department_id = ? AND state = 'OPEN' GROUP BY assignee_id")
                .param(departmentId)
                .query(rs -> {
                    spread.put(rs.getLong(1), rs.getInt(2));
                });
        return spread;
    }

    @Test
    void aPageOfNewConversationsIsSpreadOverTheDepartmentInTurnOrByLoad() {
        var created = Api.admin(port).post("/api/v1/departments", "{\"name\":\"Deliveries " + token + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long deliveries = json.readTree(created.body()).get("id").asLong();
        List<Long> members = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Credentials member = TestMembers.create(team, Role.RESPONDER);
            Api.admin(port).patch("/api/v1/members/" + member.id(), "{\"departmentId\":" + deliveries + "}");
            members.add(member.id());
        }
        var rule = Api.admin(port).post("/api/v1/inbox/rules", rule("Parcels " + token, deliveries, ""));
        assertThat(rule.statusCode()).as(rule.body()).isEqualTo(201);
        long ruleId = json.readTree(rule.body()).get("id").asLong();
        List<Long> first = new ArrayList<>(order());
        first.remove(ruleId);
        first.add(0, ruleId);
        assertThat(Api.admin(port)
                        .put("/api/v1/inbox/rules/order", first.toString())
                        .statusCode())
                .isEqualTo(200);
        try {
            // In turn: six conversations in one page, two each.
            ingestPage(6);
            assertThat(spread(deliveries))
                    .containsOnlyKeys(members)
                    .allSatisfy((member, open) -> assertThat(open).isEqualTo(2));
            // By load: one member already has three more, so the next four go to the other two.
            var byLoad = Api.admin(port)
                    .put(
                            "/api/v1/inbox/rules/" + ruleId,
                            rule("Parcels " + token, deliveries, "").replace("ROUND_ROBIN", "LEAST_LOADED"));
            assertThat(byLoad.statusCode()).as(byLoad.body()).isEqualTo(200);
            jdbc.sql(
                            "UPDATE conversation SET assignee_id = ? WHERE id IN (SELECT id FROM conversation WHERE department_id = ? AND assignee_id = ? FETCH FIRST 1 ROWS ONLY)")
                    .params(members.get(0), deliveries, members.get(1))
                    .update();
            jdbc.sql(
                            "UPDATE conversation SET assignee_id = ? WHERE id IN (SELECT id FROM conversation WHERE department_id = ? AND assignee_id = ? FETCH FIRST 1 ROWS ONLY)")
                    .params(members.get(0), deliveries, members.get(2))
                    .update();
            // Now 4, 1, 1: four more make it 4, 3, 3.
            ingestPage(4);
            assertThat(spread(deliveries))
                    .containsEntry(members.get(0), 4)
                    .containsEntry(members.get(1), 3)
                    .containsEntry(members.get(2), 3);
        } finally {
            Api.admin(port).delete("/api/v1/inbox/rules/" + ruleId);
        }
    }

    @Test
    void aBadRuleIsRefusedWithAClearMessageInEitherLanguage() {
        Api english = Api.admin(port);
        Api chinese = Api.admin(port).language("zh-CN");
        assertRefused(
                english.post("/api/v1/inbox/rules", rule("No department", 987654, "")),
                400,
                "There is no department 987654");
        assertRefused(chinese.post("/api/v1/inbox/rules", rule("No department", 987654, "")), 400, "不存在部门 987654");

        Credentials billing = TestMembers.create(team, Role.RESPONDER);
        Api.admin(port).patch("/api/v1/members/" + billing.id(), "{\"departmentId\":" + department("billing") + "}");
        String elsewhere = rule("Person elsewhere", department("sales"), ",\"assigneeId\":" + billing.id());
        assertRefused(
                english.post("/api/v1/inbox/rules", elsewhere), 400, "is not an active member of this department");
        assertRefused(chinese.post("/api/v1/inbox/rules", elsewhere), 400, "不是这个部门中负责回复会话的在职成员");
        String inBilling = rule("Person in billing", department("billing"), ",\"assigneeId\":" + billing.id());
        var accepted = english.post("/api/v1/inbox/rules", inBilling);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(201);
        english.delete("/api/v1/inbox/rules/"
                + json.readTree(accepted.body()).get("id").asLong());

        String longKeyword = """
                {"name":"Long","keywords":["%s"],"departmentId":%d}""".formatted("x".repeat(RoutingRules.MAX_KEYWORD + 1), department("sales"));
        assertRefused(
                english.post("/api/v1/inbox/rules", longKeyword),
                400,
                "Keywords: at most 30, each up to 60 characters");
        assertRefused(chinese.post("/api/v1/inbox/rules", longKeyword), 400, "关键词最多 30 个，每个不超过 60 个字符");
        String comma = """
                {"name":"Comma","keywords":["refund, now"],"departmentId":%d}""".formatted(department("sales"));
        assertRefused(english.post("/api/v1/inbox/rules", comma), 400, "without commas");
        String network = """
                {"name":"Network","networks":["myspace"],"departmentId":%d}""".formatted(department("sales"));
        assertRefused(english.post("/api/v1/inbox/rules", network), 400, "“myspace” is not a network");
        String noName = """
                {"name":"  ","departmentId":%d}""".formatted(department("sales"));
        assertRefused(chinese.post("/api/v1/inbox/rules", noName), 400, "请为规则命名");

        List<Long> missingOne = order().subList(1, order().size());
        assertRefused(english.put("/api/v1/inbox/rules/order", missingOne.toString()), 409, "name every rule once");
        assertRefused(
                english.put("/api/v1/inbox/rules/987654", rule("Gone", department("sales"), "")),
                404,
                "There is no routing rule 987654");
    }

    @Test
    void onlyAdminsEditRules() {
        long someRule = order().get(0);
        String body = rule("Marketer's rule", department("sales"), "");
        for (Role role : List.of(Role.LEAD, Role.MARKETER, Role.RESPONDER, Role.VIEWER)) {
            Api member = Api.as(port, TestMembers.create(team, role));
            assertThat(member.get("/api/v1/inbox/rules").statusCode()).isEqualTo(200);
            assertRefused(member.post("/api/v1/inbox/rules", body), 403, "not allowed");
            assertRefused(member.put("/api/v1/inbox/rules/" + someRule, body), 403, "not allowed");
            assertRefused(member.put("/api/v1/inbox/rules/order", order().toString()), 403, "not allowed");
            assertRefused(member.delete("/api/v1/inbox/rules/" + someRule), 403, "not allowed");
        }
        assertThat(order()).contains(someRule);

        Credentials marketer = TestMembers.create(team, Role.MARKETER);
        WebSession page = new WebSession(port);
        page.signIn(marketer.email(), marketer.password());
        assertThat(page.get("/inbox/rules").statusCode()).isEqualTo(403);
        assertThat(page.get("/inbox").body()).doesNotContain("routing-rules-link");
    }

    @Test
    void theRulesPageAddsMovesDisablesAndDeletesARule() {
        WebSession admin = new WebSession(port);
        admin.signIn(TestMembers.ADMIN_EMAIL, TestMembers.ADMIN_PASSWORD);
        assertThat(admin.get("/inbox").body()).contains("routing-rules-link");
        assertThat(admin.get("/inbox/rules").body()).contains("id=\"routing-rules\"", "Billing → billing");

        admin.get("/inbox/rules/new");
        HttpResponse<String> refused = admin.post(
                "/inbox/rules",
                Map.of("name", "Page " + token, "keywords", "x".repeat(61), "departmentId", "" + department("sales")));
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("id=\"rule-refused\"", "Keywords: at most 30");

        HttpResponse<String> added = admin.post(
                "/inbox/rules",
                Map.of(
                        "name", "Page " + token,
                        "keywords", token + "\nanother word",
                        "departmentId", "" + department("sales"),
                        "strategy", "ROUND_ROBIN",
                        "enabled", "true"));
        assertThat(added.statusCode()).as(added.body()).isEqualTo(302);
        JsonNode rule =
                json
                        .readTree(Api.admin(port)
                                .get("/api/v1/inbox/rules?all=true")
                                .body())
                        .findParents("name")
                        .stream()
                        .filter(candidate -> candidate.get("name").asString().equals("Page " + token))
                        .findFirst()
                        .orElseThrow();
        long id = rule.get("id").asLong();
        assertThat(rule.get("keywords").toString()).contains(token, "another word");
        assertThat(order()).last().isEqualTo(id);

        admin.get("/inbox/rules");
        assertThat(admin.post("/inbox/rules/" + id + "/move", Map.of("by", "-1"))
                        .statusCode())
                .isEqualTo(302);
        List<Long> order = order();
        assertThat(order.get(order.size() - 2)).isEqualTo(id);
        admin.post("/inbox/rules/" + id + "/enabled", Map.of("enabled", "false"));
        assertThat(Api.admin(port).get("/api/v1/inbox/rules").body()).doesNotContain("Page " + token);
        assertThat(admin.get("/inbox/rules/" + id).body()).contains("Page " + token, "another word");
        admin.post("/inbox/rules/" + id + "/delete", Map.of());
        assertThat(order()).doesNotContain(id);
    }
}
