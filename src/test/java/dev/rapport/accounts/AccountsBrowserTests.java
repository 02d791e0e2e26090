package dev.rapport.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.team.Role;
import dev.rapport.team.TeamManagement;
import dev.rapport.testing.Browser;
import dev.rapport.testing.BrowserTest;
import dev.rapport.testing.TestMembers;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@BrowserTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AccountsBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    TeamManagement team;

    @Test
    void requestApproveStoreRevealThenOffboardTheOwnerAndRotate() {
        var marketer = TestMembers.create(team, Role.MARKETER);
        var lead = TestMembers.create(team, Role.LEAD);
        String handle = "acme-weibo-" + UUID.randomUUID().toString().substring(0, 6);
        String accountPage;
        try (Browser browser = new Browser(port, "en")) {
            browser.signIn(marketer.email(), marketer.password());
            browser.open("/accounts")
                    .select("#network", "weibo")
                    .type("#handle", handle)
                    .type("#purpose", "Customer care for mainland China")
                    .submit("#request-submit");
            assertThat(browser.text("#account-status")).isEqualTo("requested");
            assertThat(browser.text("#account-owners")).isEqualTo("Test MARKETER");
            accountPage = browser.path();
        }
        try (Browser browser = new Browser(port, "zh-CN")) {
            browser.signIn(lead.email(), lead.password());
            browser.open(accountPage + "?lang=zh-CN");
            browser.screenshot("09-account-request-zh");
            browser.open(accountPage + "?lang=en").submit("#approve");
            assertThat(browser.text("#account-status")).isEqualTo("active");
        }
        try (Browser browser = new Browser(port, "en")) {
            browser.signIn(marketer.email(), marketer.password());
            browser.open(accountPage);
            String password = browser.text("#suggested-password");
            browser.select("#kind", "PASSWORD")
                    .type("#label", "main login")
                    .type("#value", password)
                    .submit("#secret-submit");
            assertThat(browser.text("#stored")).contains("Stored");
            assertThat(browser.page()).doesNotContain(password);
            browser.screenshot("07-account-vault-en");

            String secretId =
                    browser.attribute("#secrets button[id^=reveal-]", "id").substring("reveal-".length());
            browser.type("#reveal-password-" + secretId, "not my password").submit("#reveal-" + secretId);
            assertThat(browser.text("#reveal-refused")).contains("current password is not right");

            browser.type("#reveal-password-" + secretId, marketer.password()).submit("#reveal-" + secretId);
            assertThat(browser.text("#revealed-" + secretId)).isEqualTo(password);
        }
        long accountId = Long.parseLong(accountPage.substring(accountPage.lastIndexOf('/') + 1));
        try (Browser admin = new Browser(port, "en")) {
            admin.signIn(TestMembers.ADMIN_EMAIL, TestMembers.ADMIN_PASSWORD);
            // The shared admin may have chosen Chinese in another journey: this one reads English.
            admin.open("/members/" + marketer.id() + "?lang=en").click("#offboarding-link");
            admin.submit("#offboard");
            assertThat(admin.text("#offboarding-refused")).contains("Choose a new owner for " + handle);

            admin.select("#owner-" + accountId, String.valueOf(lead.id())).submit("#offboard");
            assertThat(admin.page()).contains("Rotation tasks: 1 outstanding");
            admin.screenshot("08-offboarding-en");
        }
        try (Browser browser = new Browser(port, "en")) {
            browser.signIn(lead.email(), lead.password());
            browser.open(accountPage);
            browser.select("#kind", "PASSWORD")
                    .type("#label", "main login")
                    .type("#value", browser.text("#suggested-password"))
                    .submit("#secret-submit");
            assertThat(browser.text("#stored")).contains("Stored");
        }
        try (Browser admin = new Browser(port, "en")) {
            admin.signIn(TestMembers.ADMIN_EMAIL, TestMembers.ADMIN_PASSWORD);
            admin.open("/members/" + marketer.id() + "/offboarding?lang=en");
            assertThat(admin.page()).contains("Rotation tasks: 0 outstanding");
            assertThat(admin.text("#rotation-tasks")).contains("done");
        }
    }
}
