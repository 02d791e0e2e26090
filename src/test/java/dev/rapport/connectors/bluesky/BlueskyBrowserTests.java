package dev.rapport.connectors.bluesky;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.team.Role;
import dev.rapport.team.TeamManagement;
import dev.rapport.testing.Api;
import dev.rapport.testing.AtprotoNetwork;
import dev.rapport.testing.Browser;
import dev.rapport.testing.BrowserTest;
import dev.rapport.testing.TestMembers;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/**
 * The journey, in Chromium, against a real AT Protocol network on loopback: a marketer
 * connects the team's Bluesky account with an app password, publishes, and sees what the audience
 * (bob) did.
 */
@BrowserTest
@Tag("atproto")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BlueskyBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    TeamManagement team;

    @Autowired
    JsonMapper json;

    @Test
    void aMarketerConnectsBlueskyPublishesAndSeesTheAudienceReply() {
        AtprotoNetwork network = AtprotoNetwork.get();
        AtprotoNetwork.Account alice = network.alice();
        var marketer = TestMembers.create(team, Role.MARKETER);
        var requested = Api.as(port, marketer).post("/api/v1/accounts", """
                {"network":"bluesky","handle":"%s","purpose":"Developer community","owners":[%d]}""".formatted(
                        alice.handle() + "-" + UUID.randomUUID().toString().substring(0, 6), marketer.id()));
        long id = json.readTree(requested.body()).get("id").asLong();
        assertThat(Api.admin(port)
                        .post("/api/v1/accounts/" + id + "/decision", "{\"approve\":true}")
                        .statusCode())
                .isEqualTo(200);

        try (Browser browser = new Browser(port, "en")) {
            browser.signIn(marketer.email(), marketer.password());
            browser.open("/accounts/" + id + "?lang=en").submit("#connection-link");
            assertThat(browser.text("#status")).isEqualTo("not connected");

            browser.type("#bluesky-service", network.pdsUrl())
                    .type("#bluesky-identifier", alice.handle())
                    .type("#bluesky-appPassword", "wrong-app-password")
                    .submit("#connect-submit-bluesky");
            assertThat(browser.text("#connect-refused")).contains("did not accept");
            assertThat(browser.page()).doesNotContain("wrong-app-password");

            browser.type("#bluesky-service", network.pdsUrl())
                    .type("#bluesky-identifier", alice.handle())
                    .type("#bluesky-appPassword", alice.appPassword())
                    .submit("#connect-submit-bluesky");
            assertThat(browser.text("#connected")).contains("Connected");
            assertThat(browser.text("#status")).isEqualTo("connected");
            assertThat(browser.text("#remote-handle")).isEqualTo(alice.handle());
            assertThat(browser.page()).doesNotContain(alice.appPassword());

            String text = "Spring menu is out — what should we add? 春季菜单上线 " + UUID.randomUUID();
            browser.type("#test-post-text", text).submit("#test-post-submit");
            String url = browser.attribute("#test-post-published a", "href");
            assertThat(url).startsWith("https://bsky.app/profile/" + alice.handle() + "/post/");
            String postUri = "at://" + alice.did() + "/app.bsky.feed.post/" + url.substring(url.lastIndexOf('/') + 1);

            network.processAll();
            AudienceMember bob = new AudienceMember(network, network.bob());
            String reply =
                    "Oat milk please! 燕麦奶 " + UUID.randomUUID().toString().substring(0, 6);
            bob.reply(postUri, reply);
            bob.like(postUri);
            network.processAll();

            browser.open("/accounts/" + id + "/connection?lang=en");
            assertThat(browser.text("#activity")).contains(reply).contains("like");
            assertThat(browser.text("#followers")).contains("followers");
            browser.resize(1280, 1500).screenshot("10-connection-bluesky-en");
            browser.open("/accounts/" + id + "/connection?lang=zh-CN");
            assertThat(browser.text("#status")).isEqualTo("已连接");
            browser.screenshot("11-connection-bluesky-zh");
        }
    }
}
