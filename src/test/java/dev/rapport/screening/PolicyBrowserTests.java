package dev.rapport.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rapport.team.Role;
import dev.rapport.team.TeamManagement;
import dev.rapport.testing.Browser;
import dev.rapport.testing.BrowserTest;
import dev.rapport.testing.TestMembers;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The policy journey: a member is shown the policy first and acknowledges it; writing a text, they
 * see which words break it and why; an admin publishes a new version with a confidential term, and
 * the member is asked again and finds the term marked.
 */
@BrowserTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PolicyBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    TeamManagement team;

    @Test
    void acknowledgeCheckWhileWritingAndAcknowledgeANewVersion() {
        var marketer = TestMembers.create(team, Role.MARKETER);
        try (Browser member = new Browser(port, "zh-CN")) {
            member.signInOnly(marketer.email(), marketer.password());
            assertThat(member.path()).startsWith("/policy");
            member.open("/policy?lang=zh-CN");
            assertThat(member.text("#policy-text")).contains("社交媒体政策");
            member.screenshot("15-policy-acknowledge-zh");
            member.submit("#acknowledge");
            assertThat(member.path()).isEqualTo("/");

            member.open("/policy/check?lang=zh-CN").type("#check-text", "新品今晚发布！你们这群傻逼别来捣乱");
            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(
                            () -> assertThat(member.text("#verdict-action")).contains("已拦截"));
            assertThat(member.text("#screened-text mark.screen-block")).isEqualTo("傻逼");
            assertThat(member.text("#verdict-reason")).contains("傻逼");
            member.screenshot("16-policy-check-zh");

            try (Browser admin = new Browser(port, "en")) {
                admin.signIn(TestMembers.ADMIN_EMAIL, TestMembers.ADMIN_PASSWORD);
                admin.open("/policy/edit?lang=en")
                        .type("#terms", "Project Falcon | block | confidential until launch")
                        .type("#note", "Project Falcon is confidential")
                        .submit("#publish-policy");
                assertThat(admin.text("#published")).contains("is published");
                admin.open("/members?lang=en");
                assertThat(admin.page()).contains("policy not acknowledged");
            }

            member.open("/accounts?lang=en");
            assertThat(member.path()).startsWith("/policy");
            member.submit("#acknowledge");
            member.open("/policy/check?lang=en").type("#check-text", "Sneak peek: PROJECT FALCON lands in May");
            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(
                            () -> assertThat(member.text("#verdict-action")).contains("Blocked"));
            assertThat(member.text("#screened-text mark")).isEqualTo("PROJECT FALCON");
            assertThat(member.text("#verdict-reason")).contains("confidential until launch");
        }
    }
}
