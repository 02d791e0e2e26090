package dev.rapport.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.accounts.Networks;
import dev.rapport.team.Role;
import dev.rapport.team.TeamManagement;
import dev.rapport.testing.Api;
import dev.rapport.testing.ApplicationTest;
import dev.rapport.testing.TestMembers;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@ApplicationTest
class NetworkProfilesIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    TeamManagement team;

    @Autowired
    JsonMapper json;

    @AfterEach
    void builtIn() {
        Api.admin(port).delete("/api/v1/network-profiles/weibo/changes");
    }

    @Test
    void everyRegistryNetworkHasAProfileAndEveryFactHasASourceOrSaysWhyNot() {
        JsonNode profiles =
                json.readTree(Api.admin(port).get("/api/v1/network-profiles").body());
        List<String> networks = new ArrayList<>();
        for (JsonNode profile : profiles) {
            networks.add(profile.get("network").asString());
            for (String fact : List.of(
                    "textLimit", "hashtags", "links", "media", "languages", "tone", "postingWindows", "postingApi")) {
                JsonNode node = profile.get(fact);
                assertThat(node.get("value"))
                        .as(profile.get("network") + " " + fact)
                        .isNotNull();
                assertThat(!node.path("source").isNull() || node.path("note").isString())
                        .as(profile.get("network") + " " + fact + " has a source or a note")
                        .isTrue();
            }
            assertThat(profile.at("/tone/value/en").asString()).isNotBlank();
            assertThat(profile.at("/tone/value/zh-CN").asString()).isNotBlank();
        }
        assertThat(networks)
                .containsExactlyInAnyOrderElementsOf(Networks.CODES.stream()
                        .filter(code -> !code.equals("other"))
                        .toList());
        JsonNode weibo = json.readTree(
                Api.admin(port).get("/api/v1/network-profiles/weibo").body());
        assertThat(weibo.at("/hashtags/value/style").asString()).isEqualTo("weibo");
        JsonNode x =
                json.readTree(Api.admin(port).get("/api/v1/network-profiles/x").body());
        assertThat(x.at("/textLimit/value/counting").asString()).isEqualTo("twitter-weighted");
    }

    @Test
    void aTextIsMeasuredTheNetworksWay() {
        var response = Api.as(port, TestMembers.create(team, Role.MARKETER))
                .post("/api/v1/network-profiles/x/length", "{\"text\":\"" + "字".repeat(141) + "\"}");
        JsonNode measured = json.readTree(response.body());
        assertThat(measured.get("count").asInt()).isEqualTo(282);
        assertThat(measured.get("max").asInt()).isEqualTo(280);
        assertThat(measured.get("over").asBoolean()).isTrue();

        JsonNode mastodon = json.readTree(Api.admin(port)
                .post("/api/v1/network-profiles/mastodon/length", """
                        {"text":"hello","settings":{"maxCharacters":"11000"}}""")
                .body());
        assertThat(mastodon.get("max").asInt())
                .as("the server's own limit wins")
                .isEqualTo(11000);
    }

    @Test
    void anAdminAdjustsAProfileWithAReasonThatBecomesItsSourceAndOthersCannot() {
        var marketer = Api.as(port, TestMembers.create(team, Role.MARKETER));
        String change = """
                {"hashtagsMax":3,"toneZh":"轻松、有话题感","reason":"Our Weibo audience responds to three topics"}""";
        assertThat(marketer.put("/api/v1/network-profiles/weibo", change).statusCode())
                .isEqualTo(403);
        assertThat(Api.admin(port)
                        .put("/api/v1/network-profiles/weibo", "{\"hashtagsMax\":3}")
                        .statusCode())
                .as("a reason is required")
                .isEqualTo(400);

        JsonNode changed = json.readTree(
                Api.admin(port).put("/api/v1/network-profiles/weibo", change).body());

        assertThat(changed.at("/hashtags/value/recommendedMax").asInt()).isEqualTo(3);
        assertThat(changed.at("/hashtags/note").asString())
                .contains(TestMembers.ADMIN_EMAIL)
                .contains("three topics");
        assertThat(changed.at("/tone/value/zh-CN").asString()).isEqualTo("轻松、有话题感");
        assertThat(changed.at("/textLimit/source").asString())
                .as("unchanged facts keep their source")
                .startsWith("http");
        assertThat(json.readTree(marketer.get("/api/v1/network-profiles/weibo").body())
                        .at("/hashtags/value/recommendedMax")
                        .asInt())
                .isEqualTo(3);

        JsonNode reset = json.readTree(
                Api.admin(port).delete("/api/v1/network-profiles/weibo/changes").body());
        assertThat(reset.at("/hashtags/value/recommendedMax").asInt()).isEqualTo(2);
    }
}
