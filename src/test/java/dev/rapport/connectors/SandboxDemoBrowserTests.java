package dev.rapport.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rapport.testing.Browser;
import dev.rapport.testing.BrowserTest;
import dev.rapport.testing.TestMembers;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A new user's first run with the demo workspace: its accounts are connected to the sandbox
 * network, labelled as simulated, and its audience answers a post (an hour of it per second here).
 */
@BrowserTest
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "rapport.demo=true",
            "rapport.sandbox.speed=3600",
            "spring.datasource.url=jdbc:h2:mem:demo-sandbox;MODE=PostgreSQL;DB_CLOSE_DELAY=-1"
        })
class SandboxDemoBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theDemoAccountsAreConnectedToALivingSimulatedNetwork() {
        long weibo = jdbc.sql("SELECT id FROM account WHERE network = 'weibo' AND status = 'ACTIVE'")
                .query(Long.class)
                .single();
        try (Browser browser = new Browser(port, "en")) {
            browser.signIn(TestMembers.ADMIN_EMAIL, TestMembers.ADMIN_PASSWORD);
            browser.open("/connections?lang=en");
            assertThat(browser.text("#connection-" + weibo))
                    .contains("sandbox · simulated")
                    .contains("connected");
            browser.screenshot("12-connections-en");

            browser.open("/accounts/" + weibo + "/connection?lang=en");
            assertThat(browser.text("#simulated")).isEqualTo("sandbox · simulated");
            browser.type("#test-post-text", "新口味投票：你们最想要哪一款？Which flavour should we make next? 🍵")
                    .submit("#test-post-submit");
            assertThat(browser.text("#test-post-published")).contains("Published");

            await().atMost(Duration.ofSeconds(40))
                    .pollInterval(Duration.ofSeconds(2))
                    .untilAsserted(() -> {
                        browser.open("/accounts/" + weibo + "/connection?lang=zh-CN");
                        assertThat(browser.find("#activity")
                                        .findElements(org.openqa.selenium.By.cssSelector("li.conversation")))
                                .as("the simulated audience comments")
                                .isNotEmpty();
                    });
            assertThat(browser.text("#followers")).matches("\\d+ 位关注者");
            browser.resize(1280, 1500).screenshot("13-sandbox-activity-zh");
        }
    }

    @Test
    void theNetworkProfilesShowTheirSourcesAndAnAdminAdjustsOne() {
        try (Browser browser = new Browser(port, "en")) {
            browser.signIn(TestMembers.ADMIN_EMAIL, TestMembers.ADMIN_PASSWORD);
            browser.open("/networks?lang=zh-CN");
            assertThat(browser.text("#x-limit")).isEqualTo("280");
            assertThat(browser.text("#x")).contains("加权计数");
            assertThat(browser.attribute("#x a.source", "href")).startsWith("https://");
            browser.resize(1280, 1500).screenshot("14-networks-zh");

            browser.open("/networks?lang=en");
            browser.click("#wechat details summary")
                    .type("#change-wechat input[name=hashtagsMax]", "1")
                    .type("#change-wechat input[name=reason]", "Our articles carry one topic tag")
                    .submit("#change-wechat button[type=submit]");
            assertThat(browser.text("#wechat"))
                    .contains("adjusted for this workspace")
                    .contains("at most 1 per post");
            browser.click("#wechat details summary").submit("#wechat form.inline button");
            assertThat(browser.text("#wechat")).doesNotContain("adjusted for this workspace");
        }
    }
}
