package dev.rapport.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rapport.team.Role;
import dev.rapport.team.TeamManagement;
import dev.rapport.testing.Api;
import dev.rapport.testing.Browser;
import dev.rapport.testing.BrowserTest;
import dev.rapport.testing.TestAccounts;
import dev.rapport.testing.TestMembers;
import dev.rapport.testing.TestMembers.Credentials;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/**
 * The composer journey: a marketer writes one idea for three networks, fixes what the live lint
 * points out, submits; a lead approves; the sandbox network publishes it. A post the policy holds
 * waits with its reason, in Chinese.
 */
@BrowserTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PublishingBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    TeamManagement team;

    @Autowired
    JsonMapper json;

    @Test
    void composeForThreeNetworksFixTheFindingsSubmitApproveAndSeeItPublished() {
        Credentials marketer = TestMembers.create(team, Role.MARKETER);
        Credentials lead = TestMembers.create(team, Role.LEAD);
        List<Long> accounts = List.of(
                TestAccounts.active(port, marketer, lead, "weibo"),
                TestAccounts.active(port, marketer, lead, "x"),
                TestAccounts.active(port, marketer, lead, "bluesky"));
        accounts.forEach(id -> TestAccounts.connectToSandbox(port, id, marketer));
        // An admin decides that these accounts' posts need a lead's approval.
        try (Browser admin = new Browser(port, "en")) {
            admin.signIn(TestMembers.ADMIN_EMAIL, TestMembers.ADMIN_PASSWORD);
            admin.open("/publishing/rules?lang=en").click("#approval-ACCOUNTS");
            accounts.forEach(id -> admin.click("#rule-account-" + id));
            admin.submit("#save-rules");
            assertThat(admin.text("#rules-saved")).isNotBlank();
        }
        assertThat(json.readTree(Api.admin(port).get("/api/v1/publishing/rules").body())
                        .get("approval")
                        .asString())
                .isEqualTo("ACCOUNTS");
        long weibo = accounts.get(0);

        try (Browser browser = new Browser(port, "en")) {
            browser.signIn(marketer.email(), marketer.password());
            browser.open("/compose?lang=en")
                    .type("#idea", "Our new #AI assistant is here: what would you ask it first? Tell us below!");
            accounts.forEach(id -> browser.click("#account-" + id));
            browser.submit("#compose-submit");
            assertThat(browser.path()).startsWith("/posts/");
            long variant = variantOf(browser, weibo);
            browser.screenshot("17-composer-en");
            // Weibo closes its topics: #AI# — and the same text goes to three networks.
            assertThat(browser.count("#findings-" + variant + " [data-rule='hashtag-style']"))
                    .isEqualTo(1);
            assertThat(browser.count("#findings-" + variant + " [data-rule='cross-posted']"))
                    .isEqualTo(1);
            assertThat(browser.text("#findings-" + variant)).contains("#AI#");

            browser.type("#text-" + variant, "新助手来了 #AI助手#：你最想先问它什么？在评论里告诉我们！");
            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(browser.count("#lint-" + variant + " .finding"))
                            .isZero());
            assertThat(browser.text("#clean-" + variant)).contains("Fits the network");
            browser.submit("#save-" + variant);
            // Bluesky's audience is in Shanghai: its variant is planned in that zone.
            long bluesky = accounts.get(2);
            assertThat(Api.as(port, marketer)
                            .put("/api/v1/accounts/" + bluesky + "/time-zone", "{\"timeZone\":\"Asia/Shanghai\"}")
                            .statusCode())
                    .isEqualTo(200);
            browser.open(browser.path() + "?lang=en");
            long blueskyVariant = variantOf(browser, bluesky);
            browser.set("#scheduled-at-" + blueskyVariant, "2030-12-24T09:00").submit("#save-" + blueskyVariant);
            assertThat(browser.text("#when-" + blueskyVariant))
                    .contains("2030-12-24 09:00")
                    .contains("Asia/Shanghai");
            browser.submit("#submit-post");
            assertThat(browser.text("#state-" + variant)).isEqualTo("Pending approval");
            String post = browser.path();

            try (Browser leader = new Browser(port, "en")) {
                leader.signIn(lead.email(), lead.password());
                leader.open("/approvals?lang=en");
                assertThat(leader.text("#approvals")).contains("Our new #AI assistant");
                leader.open(post + "?lang=en").submit("#approve");
                assertThat(leader.text("#state-" + variant)).isIn("Scheduled", "Publishing", "Published");
            }
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                browser.open(post + "?lang=en");
                assertThat(browser.text("#state-" + variant)).isEqualTo("Published");
            });
            assertThat(browser.text("#published-" + variant)).contains("https://");
            assertThat(browser.text("#state-" + blueskyVariant)).isEqualTo("Scheduled");
            String id = post.substring("/posts/".length());
            assertThat(json.readTree(Api.as(port, marketer)
                                    .get("/api/v1/posts/" + id)
                                    .body())
                            .findValuesAsString("scheduledAt"))
                    .contains("2030-12-24T01:00:00Z");
            browser.screenshot("18-post-published-en");

            // A promotional post approved for the same account pushes the month's mix over 20 %.
            var promotional = Api.as(port, marketer).post("/api/v1/posts", """
                    {"idea":"Flash sale: 30%% off everything today, order now!","accountIds":[%d],
                     "contentType":"PROMOTIONAL","scheduledAt":"%s"}""".formatted(
                            weibo, java.time.Instant.now().plusSeconds(120)));
            long promo = json.readTree(promotional.body()).at("/post/id").asLong();
            assertThat(Api.as(port, marketer)
                            .post("/api/v1/posts/" + promo + "/submit", "")
                            .statusCode())
                    .isEqualTo(200);
            assertThat(Api.as(port, lead)
                            .post("/api/v1/posts/" + promo + "/approve", "{}")
                            .statusCode())
                    .isEqualTo(200);
            browser.open("/calendar?lang=en&account=" + weibo);
            assertThat(browser.text("#chip-" + variant)).contains("Published");
            assertThat(browser.text("#mix-warning")).contains("Promotional posts are 50%");
            browser.resize(1400, 1000).screenshot("22-calendar-en");
        }

        try (Browser browser = new Browser(port, "zh-CN")) {
            browser.signIn(marketer.email(), marketer.password());
            browser.open("/compose?lang=zh-CN").type("#idea", "新品真他妈的好用，快来试试");
            browser.click("#account-" + weibo).submit("#compose-submit");
            long held = variantOf(browser, weibo);
            assertThat(browser.text("#screen-" + held)).contains("暂缓");
            assertThat(browser.text("#marked-" + held + " mark")).contains("他妈");
            browser.submit("#submit-post");
            assertThat(browser.text("#state-" + held)).isEqualTo("待审批");
            assertThat(browser.text("#held-" + held)).contains("他妈");
            browser.screenshot("19-post-held-zh");
        } finally {
            Api.admin(port).put("/api/v1/publishing/rules", """
                    {"approval":"WHEN_HELD","approvalAccounts":[],"promotionalMax":20,"automationMax":30}""");
        }
    }

    /** The id of the account's variant on a post page. */
    private static long variantOf(Browser browser, long accountId) {
        return Long.parseLong(browser.attribute("section.variant[data-account='" + accountId + "']", "id")
                .substring("variant-".length()));
    }
}
