package dev.rapport.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.accounts.AccountManagement;
import dev.rapport.connectors.Connections;
import dev.rapport.connectors.PublishOutcome;
import dev.rapport.connectors.sandbox.SandboxConnector;
import dev.rapport.connectors.spi.PublishRequest;
import dev.rapport.team.Role;
import dev.rapport.team.TeamManagement;
import dev.rapport.testing.Api;
import dev.rapport.testing.Browser;
import dev.rapport.testing.BrowserTest;
import dev.rapport.testing.TestAccounts;
import dev.rapport.testing.TestMembers;
import dev.rapport.testing.TestMembers.Credentials;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The inbox journey, in Chinese: a sandbox comment asking about a double charge arrives, is routed
 * to billing, a billing responder answers it from the inbox, and the sandbox network shows the reply.
 */
@BrowserTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class InboxBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    TeamManagement team;

    @Autowired
    Connections connections;

    @Autowired
    SandboxConnector sandbox;

    @Autowired
    Ingestion ingestion;

    @Autowired
    AccountManagement accounts;

    @Test
    void aBillingQuestionReachesBillingAndIsAnsweredOnTheNetwork() {
        Credentials marketer = TestMembers.create(team, Role.MARKETER);
        Credentials lead = TestMembers.create(team, Role.LEAD);
        Credentials billing = TestMembers.create(team, Role.RESPONDER);
        long billingDepartment = team.departments().stream()
                .filter(department -> "billing".equals(department.code()))
                .findFirst()
                .orElseThrow()
                .id();
        assertThat(Api.admin(port)
                        .patch("/api/v1/members/" + billing.id(), "{\"departmentId\":" + billingDepartment + "}")
                        .statusCode())
                .isEqualTo(200);
        long account = TestAccounts.active(port, marketer, lead, "weibo");
        TestAccounts.connectToSandbox(port, account, marketer);
        PublishOutcome published = connections.publish(
                account, PublishRequest.text(UUID.randomUUID().toString(), "会员计划今天上线，欢迎提问！"));
        String question = "我上个月被扣了两次会员费，能退款吗？" + UUID.randomUUID().toString().substring(0, 4);
        sandbox.comment(published.receipt().remoteId(), "wang.customer", question);
        ingestion.poll(accounts.find(account).orElseThrow());

        try (Browser browser = new Browser(port, "zh-CN")) {
            browser.signIn(billing.email(), billing.password());
            browser.open("/inbox/metrics?lang=zh-CN&days=7");
            Answered before = Answered.of(browser.text("#comments-answered span"));
            browser.open("/inbox?lang=zh-CN&department=" + billingDepartment);
            assertThat(browser.text("#conversations")).contains(question).contains("账单");
            browser.resize(1280, 900).screenshot("20-inbox-zh");
            browser.click("#conversations a.open-conversation");
            assertThat(browser.text("#intent")).isEqualTo("账单");
            assertThat(browser.text("#department")).isEqualTo("账务");
            assertThat(browser.page()).contains("退款");
            // Why it is a billing question, in the member's language, not the classifier's codes.
            assertThat(browser.text("p.evidence")).contains("→ 账单").doesNotContain("intent:");
            String answer =
                    "您好！重复扣的会员费已退回，3 个工作日内到账。" + UUID.randomUUID().toString().substring(0, 4);
            browser.type("#reply-text", answer).submit("#send-reply");
            assertThat(browser.text("#sent")).isEqualTo("已在网络上发出。");
            assertThat(browser.text("#state")).isEqualTo("已回复");
            browser.screenshot("21-conversation-zh");
            assertThat(sandbox.posts())
                    .filteredOn(post -> post.text().equals(answer))
                    .singleElement()
                    .satisfies(post -> assertThat(post.replyTo()).isNotNull());

            // The team sees, in numbers, that it answered one more message.
            browser.open("/inbox/metrics?lang=zh-CN&days=7");
            Answered after = Answered.of(browser.text("#comments-answered span"));
            assertThat(after).isEqualTo(new Answered(before.answered() + 1, before.received()));
            assertThat(browser.text("#comments-answered strong"))
                    .isEqualTo(Math.round(100.0 * after.answered() / after.received()) + "%");
            // A responder sees every account's figures, named by number when the account is not theirs.
            assertThat(browser.text("#by-account")).contains("账号 #" + account + "（不在您负责的账号中）");
            browser.resize(1280, 1300).screenshot("30-metrics-zh");
        }
    }

    /** "的消息已回复（{received} 条中 {answered} 条）…" on the metrics page. */
    record Answered(int answered, int received) {
        static Answered of(String text) {
            Matcher numbers = Pattern.compile("（([\\d,]+) 条中 ([\\d,]+) 条）").matcher(text);
            assertThat(numbers.find()).as(text).isTrue();
            return new Answered(
                    Integer.parseInt(numbers.group(2).replace(",", "")),
                    Integer.parseInt(numbers.group(1).replace(",", "")));
        }
    }
}
