package dev.rapport.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rapport.team.Role;
import dev.rapport.team.TeamManagement;
import dev.rapport.testing.Api;
import dev.rapport.testing.ApplicationTest;
import dev.rapport.testing.TestAccounts;
import dev.rapport.testing.TestMembers;
import dev.rapport.testing.TestMembers.Credentials;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Images on posts: a network that needs one refuses the post without it; only real images are taken. */
@ApplicationTest
class PublishingMediaTests {

    @LocalServerPort
    int port;

    @Autowired
    TeamManagement team;

    @Autowired
    JsonMapper json;

    @Test
    void instagramNeedsAnImageAndOnlyRealImagesAreAttached() throws IOException {
        Credentials marketer = TestMembers.create(team, Role.MARKETER);
        Credentials lead = TestMembers.create(team, Role.LEAD);
        Api.as(port, marketer).post("/api/v1/policy/acknowledgement", "");
        long instagram = TestAccounts.active(port, marketer, lead, "instagram");
        TestAccounts.connectToSandbox(port, instagram, marketer);
        Api api = Api.as(port, marketer);
        var composed = api.post("/api/v1/posts", """
                {"idea":"Behind the scenes of our spring shoot: which look is your favourite?","accountIds":[%d]}""".formatted(instagram));
        assertThat(composed.statusCode()).as(composed.body()).isEqualTo(201);
        JsonNode post = json.readTree(composed.body());
        long id = post.at("/post/id").asLong();
        assertThat(post.at("/variants/0/findings").findValuesAsString("rule")).contains("media-required");
        assertThat(post.at("/variants/0/ready").asBoolean()).isFalse();

        var refused = api.post("/api/v1/posts/" + id + "/submit", "");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json.readTree(refused.body()).get("detail").asString()).contains("media-required");

        var notAnImage = api.upload(
                "/api/v1/posts/" + id + "/media",
                "photo.png",
                "<svg onload=alert(1)>".getBytes(StandardCharsets.UTF_8),
                Map.of());
        assertThat(notAnImage.statusCode()).isEqualTo(400);
        assertThat(json.readTree(notAnImage.body()).get("detail").asString()).contains("not a PNG");

        var attached =
                api.upload("/api/v1/posts/" + id + "/media", "look.png", png(), Map.of("altText", "Three looks"));
        assertThat(attached.statusCode()).as(attached.body()).isEqualTo(201);
        JsonNode media = json.readTree(attached.body());
        assertThat(media.get("mediaType").asString()).isEqualTo("image/png");
        assertThat(media.get("altText").asString()).isEqualTo("Three looks");

        JsonNode ready = json.readTree(api.get("/api/v1/posts/" + id).body());
        assertThat(ready.at("/variants/0/findings").findValuesAsString("rule")).doesNotContain("media-required");
        assertThat(ready.get("media")).hasSize(1);
        for (int i = 2; i <= 4; i++) {
            assertThat(api.upload("/api/v1/posts/" + id + "/media", "look" + i + ".png", png(), Map.of())
                            .statusCode())
                    .isEqualTo(201);
        }
        var fifth = api.upload("/api/v1/posts/" + id + "/media", "look5.png", png(), Map.of());
        assertThat(fifth.statusCode()).isEqualTo(400);
        assertThat(json.readTree(fifth.body()).get("detail").asString()).contains("at most 4");

        assertThat(api.post("/api/v1/posts/" + id + "/submit", "").statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> json.readTree(api.get("/api/v1/posts/" + id).body())
                        .at("/variants/0/variant/state")
                        .asString()
                        .equals("PUBLISHED"));
        // Once it is out, its images stay as they were.
        assertThat(api.upload("/api/v1/posts/" + id + "/media", "late.png", png(), Map.of())
                        .statusCode())
                .isEqualTo(409);
    }

    static byte[] png() throws IOException {
        BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        image.setRGB(1, 1, 0x2a7f62);
        var out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
