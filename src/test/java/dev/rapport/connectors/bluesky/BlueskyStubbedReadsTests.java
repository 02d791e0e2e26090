package dev.rapport.connectors.bluesky;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.rapport.connectors.bluesky.BlueskyFaultTests.DID;
import static dev.rapport.connectors.bluesky.BlueskyFaultTests.resource;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.rapport.connectors.spi.Connection;
import dev.rapport.connectors.spi.InboundItem.Kind;
import dev.rapport.connectors.spi.InteractionPage;
import dev.rapport.connectors.spi.MediaItem;
import dev.rapport.connectors.spi.PublishRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What the connector sends and how it reads the answers, against lexicon-shaped stubs. */
class BlueskyStubbedReadsTests {

    static final String POST = "at://" + DID + "/app.bsky.feed.post/3lbxwhrootkey2";

    final WireMockServer pds = new WireMockServer(
            WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
    BlueskyConnector bluesky;
    Connection account;

    @BeforeEach
    void start() {
        pds.start();
        bluesky = BlueskyFaultTests.connector(Duration.ofSeconds(10));
        account = new Connection(
                7,
                Map.of("service", pds.baseUrl() + "/", "did", DID, "handle", "cafe.bsky.social"),
                Map.of("accessJwt", "access-1", "refreshJwt", "refresh-1"));
    }

    @AfterEach
    void stop() {
        pds.stop();
    }

    @Test
    void interactionsSinceACursorReadBackwardsUntilTheCursorAndComeOldestFirst() {
        pds.stubFor(get(urlPathEqualTo("/xrpc/app.bsky.notification.listNotifications"))
                .withQueryParam("cursor", absent())
                .willReturn(okJson(resource("listNotifications-page1.json"))));
        pds.stubFor(get(urlPathEqualTo("/xrpc/app.bsky.notification.listNotifications"))
                .withQueryParam("cursor", equalTo("2026-11-26T10:00:01.000Z::bafyreinextpage"))
                .willReturn(okJson(resource("listNotifications-page2.json"))));

        InteractionPage page = bluesky.interactions(account, "2026-11-26T10:00:00.000Z");

        assertThat(page.items()).extracting(item -> item.kind()).containsExactly(Kind.REPLY, Kind.FOLLOW, Kind.LIKE);
        assertThat(page.cursor()).isEqualTo("2026-11-26T10:00:03.500Z");
        var reply = page.items().get(0);
        assertThat(reply.text()).isEqualTo("多少钱？ How much is it?");
        assertThat(reply.subjectId()).isEqualTo(POST);
        assertThat(reply.language()).isEqualTo("zh");
        assertThat(reply.url()).isEqualTo("https://bsky.app/profile/bob.bsky.social/post/3lbxwreply0002");
        assertThat(reply.author().displayName()).isEqualTo("Bob");
        assertThat(page.items().get(1).author().displayName()).isNull();
        assertThat(page.items().get(1).text()).isNull();
        assertThat(page.items().get(2).subjectId()).isEqualTo(POST);
        assertThat(page.items().get(2).at()).isEqualTo(Instant.parse("2026-11-26T10:00:03.500Z"));
        pds.verify(
                2,
                getRequestedFor(urlPathEqualTo("/xrpc/app.bsky.notification.listNotifications"))
                        .withHeader("Authorization", equalTo("Bearer access-1")));
    }

    @Test
    void nothingNewKeepsTheCursor() {
        pds.stubFor(get(urlPathEqualTo("/xrpc/app.bsky.notification.listNotifications"))
                .willReturn(okJson(resource("listNotifications-page1.json"))));

        InteractionPage page = bluesky.interactions(account, "2026-11-26T10:00:03.500Z");

        assertThat(page.items()).isEmpty();
        assertThat(page.cursor()).isEqualTo("2026-11-26T10:00:03.500Z");
        pds.verify(1, getRequestedFor(urlPathEqualTo("/xrpc/app.bsky.notification.listNotifications")));
    }

    @Test
    void metricsComeFromTheAppViewsPostViews() {
        pds.stubFor(get(urlPathEqualTo("/xrpc/app.bsky.feed.getPosts"))
                .withQueryParam("uris", equalTo(POST))
                .willReturn(okJson(resource("getPosts.json"))));

        assertThat(bluesky.metrics(account, List.of(POST, "not-a-uri")))
                .singleElement()
                .satisfies(metrics -> {
                    assertThat(metrics.likes()).isEqualTo(17);
                    assertThat(metrics.reposts()).isEqualTo(2);
                    assertThat(metrics.replies()).isEqualTo(3);
                    assertThat(metrics.quotes()).isEqualTo(1);
                    assertThat(metrics.impressions()).isNull();
                    assertThat(metrics.clicks()).isNull();
                });
    }

    @Test
    void aReplyWithAnImageAndAMentionIsOneRecordShapedLikeTheLexicon() {
        pds.stubFor(get(urlPathEqualTo("/xrpc/com.atproto.identity.resolveHandle"))
                .withQueryParam("handle", equalTo("bob.bsky.social"))
                .willReturn(okJson("{\"did\":\"did:plc:bobbobbobbobbobbobbobbob\"}")));
        pds.stubFor(get(urlPathEqualTo("/xrpc/com.atproto.identity.resolveHandle"))
                .withQueryParam("handle", equalTo("nobody.bsky.social"))
                .willReturn(okJson("{\"error\":\"InvalidRequest\",\"message\":\"Unable to resolve handle\"}")
                        .withStatus(400)));
        pds.stubFor(get(urlPathEqualTo("/xrpc/com.atproto.repo.getRecord"))
                .withQueryParam("rkey", equalTo("3lbxwhparentk"))
                .willReturn(okJson(resource("getRecord-parent.json"))));
        pds.stubFor(post("/xrpc/com.atproto.repo.uploadBlob")
                .withHeader("Content-Type", equalTo("image/png"))
                .willReturn(okJson(resource("uploadBlob.json"))));
        pds.stubFor(post("/xrpc/com.atproto.repo.createRecord").willReturn(okJson(resource("createRecord.json"))));
        String parent = "at://did:plc:bobbobbobbobbobbobbobbob/app.bsky.feed.post/3lbxwhparentk";

        bluesky.publish(
                account,
                new PublishRequest(
                        "k-1",
                        "@bob.bsky.social 有的！@nobody.bsky.social",
                        List.of(new MediaItem("oat.png", "image/png", new byte[68], null)),
                        "https://example.com/oat",
                        parent,
                        "zh-CN"));

        JsonNode body = JsonMapper.builder()
                .build()
                .readTree(pds.findAll(postRequestedFor(urlPathEqualTo("/xrpc/com.atproto.repo.createRecord")))
                        .get(0)
                        .getBodyAsString());
        assertThat(body.get("repo").asString()).isEqualTo(DID);
        assertThat(body.get("rkey").asString()).isEqualTo(RecordKeys.forIdempotencyKey("k-1"));
        JsonNode record = body.get("record");
        assertThat(record.get("$type").asString()).isEqualTo("app.bsky.feed.post");
        assertThat(record.get("text").asString())
                .as("with images there is no card: the link goes into the text")
                .isEqualTo("@bob.bsky.social 有的！@nobody.bsky.social https://example.com/oat");
        assertThat(record.get("facets")).hasSize(2);
        assertThat(record.get("facets").get(0).get("index").get("byteEnd").asInt())
                .isEqualTo(16);
        assertThat(record.get("facets").get(1).get("features").get(0).get("uri").asString())
                .isEqualTo("https://example.com/oat");
        assertThat(record.get("langs").get(0).asString()).isEqualTo("zh-CN");
        assertThat(record.get("reply").get("root").get("uri").asString())
                .isEqualTo("at://" + DID + "/app.bsky.feed.post/3lbxwhrootkey2");
        assertThat(record.get("reply").get("parent").get("cid").asString())
                .isEqualTo("bafyreiparentparentparentparentparentparentparentparent2");
        JsonNode image = record.get("embed").get("images").get(0);
        assertThat(image.get("alt").asString()).isEmpty();
        assertThat(image.get("image").get("ref").get("$link").asString()).startsWith("bafkrei");
        assertThat(record.get("createdAt").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
    }

    @Test
    void aLinkNotInTheTextBecomesACard() {
        pds.stubFor(post("/xrpc/com.atproto.repo.createRecord").willReturn(okJson(resource("createRecord.json"))));

        bluesky.publish(account, new PublishRequest("k-2", "New menu", List.of(), "https://example.com/m", null, null));

        JsonNode record = JsonMapper.builder()
                .build()
                .readTree(pds.findAll(postRequestedFor(urlPathEqualTo("/xrpc/com.atproto.repo.createRecord")))
                        .get(0)
                        .getBodyAsString())
                .get("record");
        assertThat(record.get("text").asString()).isEqualTo("New menu");
        assertThat(record.has("facets")).isFalse();
        assertThat(record.get("embed").get("$type").asString()).isEqualTo("app.bsky.embed.external");
        assertThat(record.get("embed").get("external").get("uri").asString()).isEqualTo("https://example.com/m");
        assertThat(record.get("embed").get("external").get("description").asString())
                .isEmpty();
    }
}
