package dev.rapport.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.team.Role;
import dev.rapport.testing.Api;
import dev.rapport.testing.Browser;
import dev.rapport.testing.BrowserTest;
import dev.rapport.testing.TestMembers;
import dev.rapport.testing.TestMembers.Credentials;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;

/**
 * The inbox's settings pages, in English and Chinese: a lead sets their department's response-time
 * targets and business hours; an admin adds, reorders, edits and deletes a routing rule that the next
 * conversation follows; a lead adds a saved reply, which a reply may start from but not be sent as it is.
 */
@BrowserTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class InboxSettingsBrowserTests extends InboxTestSupport {

    static final Credentials ADMIN = new Credentials(0, TestMembers.ADMIN_EMAIL, TestMembers.ADMIN_PASSWORD);

    String token = "kw" + UUID.randomUUID().toString().substring(0, 8);

    long newDepartment(String name) {
        var added = Api.admin(port).post("/api/v1/departments", "{\"name\":\"" + name + "\"}");
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        return json.readTree(added.body()).get("id").asLong();
    }

    void join(Credentials member, long department) {
        var changed = Api.admin(port).patch("/api/v1/members/" + member.id(), "{\"departmentId\":" + department + "}");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
    }

    JsonNode targetsOf(long department) {
        for (JsonNode targets :
                json.readTree(Api.admin(port).get("/api/v1/inbox/targets").body())) {
            if (targets.get("departmentId").asLong() == department) {
                return targets;
            }
        }
        throw new AssertionError("no targets for department " + department);
    }

    /** A comment on the account's post from someone new: its conversation, as the admin's inbox shows it. */
    JsonNode comment(String handle, String text) {
        sandbox.comment(post, handle, text);
        ingestion.poll(accounts.find(account).orElseThrow());
        return conversationWith(ADMIN, text);
    }

    @Test
    void aLeadSetsTheirDepartmentsTargetsAndHoursAndOnlyReadsTheOthers() {
        long desk = newDepartment("Berlin desk " + token);
        long sales = department("sales");
        Credentials deskLead = TestMembers.create(team, Role.LEAD);
        join(deskLead, desk);

        try (Browser browser = new Browser(port, "en")) {
            browser.signIn(deskLead.email(), deskLead.password());
            browser.open("/inbox/targets?lang=en");
            assertThat(browser.text("h1")).isEqualTo("Response-time targets");
            // Their own department: editable, with its chat webhook; another one: read only.
            assertThat(browser.text("#targets-" + sales)).contains("Only admins and this department's leads");
            assertThat(browser.count("#save-targets-" + sales)).isZero();
            assertThat(browser.count("#webhook-" + sales)).isZero();
            assertThat(browser.text("#webhook-" + desk))
                    .contains("posted to this department's chat group")
                    .doesNotContain("''");

            browser.type("#target-" + desk + "-HIGH", "30")
                    .type("#target-" + desk + "-NORMAL", "90")
                    .type("#target-" + desk + "-LOW", "600")
                    .click("#around-" + desk)
                    .type("#zone-" + desk, "Europe/Berlin")
                    .click("#day-" + desk + "-5")
                    .set("#opens-" + desk, "08:00")
                    .set("#closes-" + desk, "16:30")
                    .type("#holidays-" + desk, "2026-12-24, 2026-12-25")
                    .submit("#save-targets-" + desk);
            assertThat(browser.text("#targets-saved-" + desk))
                    .isEqualTo("Saved. This department's waiting conversations are due anew.");
            browser.resize(1280, 900).screenshot("26-targets-en");

            JsonNode saved = targetsOf(desk);
            assertThat(saved.at("/targets/HIGH").asString()).isEqualTo("PT30M");
            assertThat(saved.at("/targets/NORMAL").asString()).isEqualTo("PT1H30M");
            assertThat(saved.at("/targets/LOW").asString()).isEqualTo("PT10H");
            JsonNode hours = saved.get("hours");
            assertThat(hours.get("aroundTheClock").asBoolean()).isFalse();
            assertThat(hours.get("timeZone").asString()).isEqualTo("Europe/Berlin");
            assertThat(hours.get("days").toString()).isEqualTo("[\"MONDAY\",\"TUESDAY\",\"WEDNESDAY\",\"THURSDAY\"]");
            assertThat(hours.get("opens").asString()).startsWith("08:00");
            assertThat(hours.get("closes").asString()).startsWith("16:30");
            assertThat(hours.get("holidays").toString()).isEqualTo("[\"2026-12-24\",\"2026-12-25\"]");

            // The page shows what is stored.
            assertThat(browser.attribute("#target-" + desk + "-NORMAL", "value"))
                    .isEqualTo("90");
            assertThat(browser.find("#around-" + desk).isSelected()).isFalse();
            assertThat(browser.attribute("#zone-" + desk, "value")).isEqualTo("Europe/Berlin");
            assertThat(browser.find("#day-" + desk + "-4").isSelected()).isTrue();
            assertThat(browser.find("#day-" + desk + "-5").isSelected()).isFalse();
            assertThat(browser.attribute("#opens-" + desk, "value")).isEqualTo("08:00");
            assertThat(browser.text("#holidays-" + desk)).isEqualTo("2026-12-24 2026-12-25");

            // A time zone that does not exist is refused, and nothing changes.
            browser.type("#zone-" + desk, "Mars/Olympus").submit("#save-targets-" + desk);
            assertThat(browser.text("#targets-refused-" + desk))
                    .isEqualTo("“Mars/Olympus” is not a time zone: use an IANA name such as Asia/Shanghai, "
                            + "Europe/Berlin or America/New_York.");
            assertThat(targetsOf(desk).at("/hours/timeZone").asString()).isEqualTo("Europe/Berlin");

            browser.open("/inbox/targets?lang=zh-CN");
            assertThat(browser.text("h1")).isEqualTo("响应时限");
            assertThat(browser.text("#targets-" + sales)).contains("只有管理员和本部门的负责人可以修改。");
            assertThat(browser.text("#webhook-" + desk)).contains("超过响应时限的会话会发送到该部门的群聊。");
            browser.type("#target-" + desk + "-NORMAL", "120").submit("#save-targets-" + desk);
            assertThat(browser.text("#targets-saved-" + desk)).isEqualTo("已保存。该部门待回复的会话已按新设置重新计算时限。");
            browser.screenshot("27-targets-zh");
            assertThat(targetsOf(desk).at("/targets/NORMAL").asString()).isEqualTo("PT2H");
            browser.type("#zone-" + desk, "Mars/Olympus").submit("#save-targets-" + desk);
            assertThat(browser.text("#targets-refused-" + desk)).startsWith("“Mars/Olympus”不是时区");
        }
    }

    @Test
    void anAdminAddsReordersEditsAndDeletesARuleThatTheNextConversationFollows() {
        long desk = newDepartment("Hangzhou desk " + token);
        Credentials deskResponder = TestMembers.create(team, Role.RESPONDER);
        join(deskResponder, desk);
        String ruleName = "Hangzhou " + token;
        Long rule = null;
        try (Browser browser = new Browser(port, "en")) {
            browser.signIn(TestMembers.ADMIN_EMAIL, TestMembers.ADMIN_PASSWORD);
            browser.open("/inbox/rules?lang=en");
            assertThat(browser.text("h1")).isEqualTo("Routing rules");
            browser.click("#add-rule");
            assertThat(browser.text("h1")).isEqualTo("Add a rule");
            browser.type("#rule-name", ruleName)
                    .type("#rule-keywords", token)
                    .select("#rule-department", String.valueOf(desk))
                    .click("#strategy-ROUND_ROBIN")
                    .submit("#save-rule");
            assertThat(browser.text("#rules-saved")).isEqualTo("Saved.");
            String last = browser.attribute("#routing-rules tbody tr.routing-rule:last-child", "id");
            rule = Long.valueOf(last.substring("rule-".length()));
            String row = "#rule-" + rule;
            assertThat(browser.text(row))
                    .contains(ruleName, "Keywords: " + token, "Hangzhou desk " + token, "In turn", "Enabled");

            // Added last, it comes after the built-in rules, one of which takes a question first.
            String question = "Do you ship to Hangzhou? " + token;
            long builtIn =
                    comment("first" + token, question).get("departmentId").asLong();
            assertThat(builtIn).isNotEqualTo(desk);

            // Moved to the top, step by step.
            for (int step = 0; step < 30 && !firstRule(browser).equals("rule-" + rule); step++) {
                browser.submit("#up-" + rule);
            }
            assertThat(firstRule(browser)).isEqualTo("rule-" + rule);
            assertThat(browser.text(row + " td:first-child")).isEqualTo("1");
            assertThat(browser.find("#up-" + rule).isEnabled()).isFalse();

            // Edited: a person of the desk answers, not whoever is next in turn.
            browser.click(row + " a.rule-name");
            assertThat(browser.text("h1")).isEqualTo("Edit the rule");
            assertThat(browser.attribute("#rule-keywords", "value")).isEqualTo(token);
            browser.select("#rule-person", String.valueOf(deskResponder.id())).submit("#save-rule");
            assertThat(browser.text("#rules-saved")).isEqualTo("Saved.");
            assertThat(firstRule(browser)).isEqualTo("rule-" + rule);
            assertThat(browser.text(row)).contains("Test RESPONDER").doesNotContain("In turn");

            JsonNode routed = comment("second" + token, question + " Asking again.");
            assertThat(routed.get("departmentId").asLong()).isEqualTo(desk);
            assertThat(routed.get("assigneeId").asLong()).isEqualTo(deskResponder.id());
            browser.open("/conversations/" + routed.get("id").asLong());
            assertThat(browser.text("#department")).isEqualTo("Hangzhou desk " + token);

            browser.open("/inbox/rules?lang=zh-CN");
            assertThat(browser.text("h1")).isEqualTo("分派规则");
            assertThat(browser.text(row)).contains("关键词: " + token);
            assertThat(browser.text("#up-" + rule)).isEqualTo("上移");
            browser.screenshot("28-rules-zh");

            browser.submit("#delete-" + rule);
            assertThat(browser.text("#rules-saved")).isEqualTo("已保存。");
            assertThat(browser.count(row)).isZero();
            rule = null;
            assertThat(comment("third" + token, question + " Third time.")
                            .get("departmentId")
                            .asLong())
                    .isEqualTo(builtIn);
        } finally {
            if (rule != null) {
                // Other tests route by the built-in rules: never leave this one at the top.
                Api.admin(port).delete("/api/v1/inbox/rules/" + rule);
            }
        }
    }

    static String firstRule(Browser browser) {
        return browser.attribute("#routing-rules tbody tr.routing-rule:first-child", "id");
    }

    @Test
    void aSavedReplyIsWhereAReplyStartsButNotWhatItSends() {
        String title = "Refund " + token;
        String text = "Hi {name}, we are sorry about the double charge. The refund is on its way (" + token + ").";
        String handle = "liwei" + token;
        JsonNode conversation = comment(handle, "I was charged twice this month, can I get a refund? " + token);
        long id = conversation.get("id").asLong();
        Long saved = null;
        try (Browser browser = new Browser(port, "en")) {
            browser.signIn(lead.email(), lead.password());
            browser.open("/inbox/saved-replies?lang=en");
            assertThat(browser.text("h1")).isEqualTo("Saved replies");
            // Leads keep the library; only admins set the rule, which is on.
            assertThat(browser.find("#personalise").isSelected()).isTrue();
            assertThat(browser.find("#personalise").isEnabled()).isFalse();
            browser.type("#saved-reply-title", title)
                    .type("#saved-reply-text", text)
                    .select("#saved-reply-language", "en")
                    .submit("#save-saved-reply");
            assertThat(browser.text("#saved-replies-saved")).isEqualTo("Saved.");
            for (JsonNode reply : json.readTree(
                    Api.as(port, lead).get("/api/v1/inbox/saved-replies").body())) {
                if (reply.get("title").asString().equals(title)) {
                    saved = reply.get("id").asLong();
                }
            }
            assertThat(saved).isNotNull();
            assertThat(browser.text("#saved-reply-" + saved)).contains(title, text, "English", "Every department");

            browser.open("/conversations/" + id + "?lang=en");
            browser.select("#saved-reply-picker", String.valueOf(saved));
            String filled = text.replace("{name}", handle);
            assertThat(browser.attribute("#reply-text", "value")).isEqualTo(filled);
            assertThat(browser.text("#not-personalised"))
                    .isEqualTo("This is still the saved reply “" + title + "” word for word. Personalise it before "
                            + "you send it: answer what this person asked, in your own words.");
            browser.screenshot("29-saved-reply-en");
            browser.submit("#send-reply");
            assertThat(browser.text("#refused")).startsWith("This is still the saved reply “" + title + "”");
            assertThat(browser.count("#sent")).isZero();
            assertThat(sandbox.posts())
                    .noneSatisfy(post -> assertThat(post.text()).isEqualTo(filled));

            browser.open("/conversations/" + id + "?lang=zh-CN");
            browser.select("#saved-reply-picker", String.valueOf(saved));
            assertThat(browser.text("#not-personalised"))
                    .isEqualTo("这仍是常用回复“" + title + "”的原文。发送前请先个性化：用你自己的话回应这个人提出的问题。");
            browser.submit("#send-reply");
            assertThat(browser.text("#refused")).startsWith("这仍是常用回复“" + title + "”的原文");

            String personal = "Hi " + handle + ", sorry about the double charge on your March invoice: the 49 yuan "
                    + "are back on your card by Friday (" + token + ").";
            browser.select("#saved-reply-picker", String.valueOf(saved));
            browser.type("#reply-text", personal).submit("#send-reply");
            assertThat(browser.text("#sent")).isEqualTo("已在网络上发出。");
            assertThat(sandbox.posts())
                    .filteredOn(post -> post.text().equals(personal))
                    .singleElement()
                    .satisfies(post -> assertThat(post.replyTo()).isNotNull());

            browser.open("/inbox/saved-replies?lang=zh-CN");
            assertThat(browser.text("h1")).isEqualTo("常用回复");
            browser.submit("#delete-saved-reply-" + saved);
            assertThat(browser.text("#saved-replies-saved")).isEqualTo("已保存。");
            assertThat(browser.count("#saved-reply-" + saved)).isZero();
            saved = null;
        } finally {
            if (saved != null) {
                Api.as(port, lead).delete("/api/v1/inbox/saved-replies/" + saved);
            }
        }
    }
}
