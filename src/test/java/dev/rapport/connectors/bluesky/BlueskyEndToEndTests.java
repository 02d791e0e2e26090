package dev.rapport.connectors.bluesky;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.connectors.ConnectorEngine;
import dev.rapport.connectors.PublishOutcome;
import dev.rapport.connectors.spi.ConnectedAccount;
import dev.rapport.connectors.spi.Connection;
import dev.rapport.connectors.spi.ConnectorException;
import dev.rapport.connectors.spi.InboundItem;
import dev.rapport.connectors.spi.MediaItem;
import dev.rapport.connectors.spi.PublishReceipt;
import dev.rapport.connectors.spi.PublishRequest;
import dev.rapport.testing.AtprotoNetwork;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * One account's life on a real AT Protocol network: alice connects with her app password, publishes
 * a post with a link, a mention of bob, a hashtag and an image; bob follows, replies and likes; alice
 * reads that back as interactions, metrics and audience; her session is refreshed; the post is
 * deleted.
 */
@Tag("atproto")
class BlueskyEndToEndTests {

    static AtprotoNetwork network;
    static BlueskyConnector bluesky;
    static AudienceMember bob;
    final List<Duration> waits = new ArrayList<>();
    final ConnectorEngine engine = new ConnectorEngine(4, Duration.ofMillis(50), Duration.ofSeconds(5), waits::add);

    @BeforeAll
    static void start() {
        network = AtprotoNetwork.get();
        bluesky = BlueskyConnectorContractTests.connector(network);
        bob = new AudienceMember(network, network.bob());
    }

    @Test
    void publishReadBackRefreshAndDelete() throws IOException {
        AtprotoNetwork.Account alice = network.alice();
        ConnectedAccount connected = bluesky.connect(
                Map.of("service", network.pdsUrl(), "identifier", "@" + alice.handle()),
                Map.of("appPassword", alice.appPassword()));
        assertThat(connected.remoteId()).isEqualTo(alice.did());
        assertThat(connected.handle()).isEqualTo(alice.handle());
        assertThat(connected.expiresAt()).isNull();
        assertThat(connected.credentials()).containsKeys("appPassword", "accessJwt", "refreshJwt");
        Connection connection = new Connection(1, connected.settings(), connected.credentials());
        bob.follow(alice.did());

        String key = UUID.randomUUID().toString();
        String text = "☕️ 春季菜单 with @" + bob.handle() + " #咖啡 https://example.com/menu";
        PublishRequest request = new PublishRequest(
                key,
                text,
                List.of(new MediaItem("menu.png", "image/png", png(), "The spring menu, handwritten")),
                null,
                null,
                "zh");
        PublishOutcome outcome = engine.publish(bluesky, connection, request);
        assertThat(outcome.status()).isEqualTo(PublishOutcome.Status.PUBLISHED);
        PublishReceipt post = outcome.receipt();
        assertThat(post.remoteId()).startsWith("at://" + alice.did() + "/app.bsky.feed.post/");
        assertThat(post.url()).startsWith("https://bsky.app/profile/" + alice.handle() + "/post/");

        JsonNode record = bob.record(post.remoteId());
        assertThat(record.get("text").asString()).isEqualTo(text);
        assertThat(record.get("langs").get(0).asString()).isEqualTo("zh");
        assertThat(record.get("embed").get("$type").asString()).isEqualTo("app.bsky.embed.images");
        assertThat(record.get("embed").get("images").get(0).get("alt").asString())
                .isEqualTo("The spring menu, handwritten");
        Map<String, String> facets = new HashMap<>();
        record.get("facets").forEach(facet -> {
            int start = facet.get("index").get("byteStart").asInt();
            int end = facet.get("index").get("byteEnd").asInt();
            String covered = new String(
                    text.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    start,
                    end - start,
                    java.nio.charset.StandardCharsets.UTF_8);
            JsonNode feature = facet.get("features").get(0);
            facets.put(
                    covered,
                    feature.get("$type").asString() + " "
                            + feature.properties().stream()
                                    .filter(entry -> !entry.getKey().equals("$type"))
                                    .findFirst()
                                    .orElseThrow()
                                    .getValue()
                                    .asString());
        });
        assertThat(facets)
                .containsEntry("@" + bob.handle(), "app.bsky.richtext.facet#mention " + bob.did())
                .containsEntry("#咖啡", "app.bsky.richtext.facet#tag 咖啡")
                .containsEntry("https://example.com/menu", "app.bsky.richtext.facet#link https://example.com/menu");

        // A retried write with the same record key cannot make a second post.
        assertThatThrownBy(() -> bluesky.publish(connection, request))
                .isInstanceOfSatisfying(
                        ConnectorException.Transient.class,
                        lost -> assertThat(lost.writeMayHaveHappened()).isTrue());
        PublishOutcome again = engine.publish(bluesky, connection, request);
        assertThat(again.receipt()).isEqualTo(post);

        network.processAll();
        String reply = bob.reply(post.remoteId(), "Is the oat latte back? 燕麦拿铁回来了吗？");
        bob.like(post.remoteId());
        network.processAll();

        List<InboundItem> items = bluesky.interactions(connection, null).items();
        assertThat(items)
                .filteredOn(item -> post.remoteId().equals(item.subjectId()))
                .extracting(InboundItem::kind)
                .containsExactlyInAnyOrder(InboundItem.Kind.REPLY, InboundItem.Kind.LIKE);
        assertThat(items)
                .filteredOn(item -> item.remoteId().equals(reply))
                .singleElement()
                .satisfies(item -> {
                    assertThat(item.kind()).isEqualTo(InboundItem.Kind.REPLY);
                    assertThat(item.text()).isEqualTo("Is the oat latte back? 燕麦拿铁回来了吗？");
                    assertThat(item.author().remoteId()).isEqualTo(bob.did());
                    assertThat(item.author().handle()).isEqualTo(bob.handle());
                    assertThat(item.inReplyTo()).isEqualTo(post.remoteId());
                });
        assertThat(items).anySatisfy(item -> {
            assertThat(item.kind()).isEqualTo(InboundItem.Kind.FOLLOW);
            assertThat(item.author().remoteId()).isEqualTo(bob.did());
        });
        assertThat(items).extracting(InboundItem::at).isSorted();

        assertThat(bluesky.metrics(connection, List.of(post.remoteId())))
                .singleElement()
                .satisfies(metrics -> {
                    assertThat(metrics.likes()).isEqualTo(1);
                    assertThat(metrics.replies()).isEqualTo(1);
                    assertThat(metrics.reposts()).isZero();
                    assertThat(metrics.impressions()).isNull();
                });
        assertThat(bluesky.audience(connection).followers()).isGreaterThanOrEqualTo(1);

        // Alice answers bob in his thread: the reply's root is her post.
        PublishReceipt answer = bluesky.publish(
                connection, PublishRequest.reply(UUID.randomUUID().toString(), "Yes! 回来了", reply));
        JsonNode answerRecord = bob.record(answer.remoteId());
        assertThat(answerRecord.get("reply").get("root").get("uri").asString()).isEqualTo(post.remoteId());
        assertThat(answerRecord.get("reply").get("parent").get("uri").asString())
                .isEqualTo(reply);

        ConnectedAccount refreshed = bluesky.refresh(connection);
        // Tokens issued in the same second can be equal; the refresh token is rotated every time.
        assertThat(refreshed.credentials().get("refreshJwt"))
                .isNotEqualTo(connected.credentials().get("refreshJwt"));
        Connection renewed = new Connection(1, refreshed.settings(), refreshed.credentials());
        assertThat(bluesky.audience(renewed).followers()).isGreaterThanOrEqualTo(1);
        Map<String, String> revokedRefresh = new HashMap<>(refreshed.credentials());
        revokedRefresh.put("refreshJwt", connected.credentials().get("refreshJwt"));
        assertThat(bluesky.refresh(new Connection(1, refreshed.settings(), revokedRefresh))
                        .credentials())
                .as("a used refresh token falls back to the app password")
                .containsKey("accessJwt");
        Map<String, String> broken = new HashMap<>(refreshed.credentials());
        broken.put("accessJwt", "not-a-token");
        assertThatThrownBy(() -> bluesky.audience(new Connection(1, refreshed.settings(), broken)))
                .isInstanceOf(ConnectorException.AuthExpired.class);

        bluesky.delete(renewed, post.remoteId());
        assertThat(bluesky.findPublished(renewed, request)).isEmpty();
    }

    private static byte[] png() throws IOException {
        BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        image.setRGB(3, 3, 0xC0FFEE);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
