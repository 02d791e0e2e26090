package dev.rapport.connectors.mastodon;

import static com.github.tomakehurst.wiremock.client.WireMock.aMultipart;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.connectors.spi.Capability;
import dev.rapport.connectors.spi.ConnectorException;
import dev.rapport.connectors.spi.InboundItem;
import dev.rapport.connectors.spi.InboundItem.Kind;
import dev.rapport.connectors.spi.InteractionPage;
import dev.rapport.connectors.spi.MediaItem;
import dev.rapport.connectors.spi.Moderation;
import dev.rapport.connectors.spi.PublishReceipt;
import dev.rapport.connectors.spi.PublishRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the Mastodon connector sends and how it reads the answers, against the documented shapes. */
class MastodonConnectorTests {

    final FakeMastodon mastodon = new FakeMastodon(Duration.ZERO);
    final MastodonConnector connector = MastodonConnectorContractTests.connector(Duration.ofSeconds(5));

    @AfterEach
    void stop() {
        mastodon.close();
    }

    @Test
    void connectingKeepsTheAccountAndTheServersLimitsFromInstanceV2() {
        var account = connector.connect(
                Map.of("server", mastodon.baseUrl() + "/"), Map.of("accessToken", FakeMastodon.TOKEN));

        assertThat(account.remoteId()).isEqualTo(FakeMastodon.ACCOUNT_ID);
        assertThat(account.handle()).isEqualTo("@rapport_demo@mastodon.example");
        assertThat(account.settings())
                .containsEntry("server", mastodon.baseUrl())
                .containsEntry("accountId", FakeMastodon.ACCOUNT_ID)
                .containsEntry("maxCharacters", "1000")
                .containsEntry("charactersReservedPerUrl", "23")
                .containsEntry("maxMediaAttachments", "4")
                .containsEntry("imageSizeLimit", "16777216")
                .doesNotContainKey("accessToken");
        assertThat(account.settings().get("imageMimeTypes"))
                .contains("image/webp")
                .doesNotContain("video/");
        assertThat(account.credentials()).containsEntry("accessToken", FakeMastodon.TOKEN);
        assertThat(account.expiresAt()).isNull();
    }

    @Test
    void serversWithoutInstanceV2AreReadFromV1() {
        mastodon.server.stubFor(get(urlPathEqualTo("/api/v2/instance"))
                .atPriority(1)
                .willReturn(aResponse().withStatus(404).withBody(FakeMastodon.resource("error-not-found.json"))));
        mastodon.server.stubFor(get(urlPathEqualTo("/api/v1/instance"))
                .willReturn(aResponse().withStatus(200).withBody(FakeMastodon.resource("instance-v1.json"))));

        var account =
                connector.connect(Map.of("server", mastodon.baseUrl()), Map.of("accessToken", FakeMastodon.TOKEN));

        assertThat(account.settings())
                .containsEntry("maxCharacters", "5000")
                .containsEntry("maxMediaAttachments", "8")
                .containsEntry("domain", "pleroma.example");
        assertThat(account.handle()).isEqualTo("@rapport_demo@pleroma.example");
    }

    @Test
    void onlyHttpsServersWithoutCredentialsInTheAddressAreAccepted() {
        for (String server : List.of(
                "http://mastodon.social",
                "https://user:pass@mastodon.social",
                "https://mastodon.social/api",
                "ftp://x")) {
            assertThatThrownBy(() -> connector.connect(Map.of("server", server), Map.of("accessToken", "t")))
                    .as(server)
                    .isInstanceOfSatisfying(ConnectorException.Rejected.class, rejected -> {
                        assertThat(rejected.code()).isEqualTo("invalid-server");
                        assertThat(rejected.userMessage()).isNotBlank();
                    });
        }
        assertThat(MastodonServer.of("mastodon.social").base()).hasToString("https://mastodon.social");
    }

    @Test
    void theIdempotencyKeyIsSentAndTheSameOnEveryAttempt() {
        mastodon.misbehave(FakeMastodon.Misbehaviour.SERVER_ERROR);
        PublishRequest request = PublishRequest.text("variant-17", "Opening hours today: 11–22");

        assertThatThrownBy(() -> connector.publish(mastodon.connection(), request))
                .isInstanceOf(ConnectorException.Transient.class);
        PublishReceipt receipt = connector.publish(mastodon.connection(), request);
        PublishReceipt again = connector.publish(mastodon.connection(), request);

        mastodon.server.verify(
                3,
                postRequestedFor(urlPathEqualTo("/api/v1/statuses"))
                        .withHeader("Idempotency-Key", equalTo("variant-17")));
        assertThat(again)
                .as("Mastodon returns the status it made for a key it knows")
                .isEqualTo(receipt);
        assertThat(mastodon.statusesCreated()).isEqualTo(1);
    }

    @Test
    void imagesAreUploadedAsMultipartWithTheirDescriptionAndAttached() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 1, 2, 3};
        var request = new PublishRequest(
                "variant-img",
                "Today's special 今日特价",
                List.of(new MediaItem("noodles.png", "image/png", png, "A bowl of hand-pulled noodles 拉面")),
                "https://rapport.example/menu",
                null,
                "zh-Hans");

        connector.publish(mastodon.connection(), request);

        mastodon.server.verify(postRequestedFor(urlPathEqualTo("/api/v2/media"))
                .withHeader("Content-Type", containing("multipart/form-data; boundary="))
                .withRequestBodyPart(aMultipart()
                        .withName("file")
                        .withHeader("Content-Type", equalTo("image/png"))
                        .withHeader("Content-Disposition", containing("filename=\"noodles.png\""))
                        .withBody(binaryEqualTo(png))
                        .build())
                .withRequestBodyPart(aMultipart()
                        .withName("description")
                        .withBody(equalTo("A bowl of hand-pulled noodles 拉面"))
                        .build()));
        mastodon.server.verify(postRequestedFor(urlPathEqualTo("/api/v1/statuses"))
                .withFormParam("media_ids[]", equalTo("22348641"))
                .withFormParam("status", equalTo("Today's special 今日特价\n\nhttps://rapport.example/menu"))
                .withFormParam("visibility", equalTo("public"))
                .withFormParam("language", equalTo("zh")));
        assertThat(connector.findPublished(mastodon.connection(), request)).isPresent();
    }

    @Test
    void anImageStillProcessingIsNotAttachedAndNothingIsPublished() {
        mastodon.server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo("/api/v2/media"))
                .atPriority(1)
                .willReturn(aResponse().withStatus(202).withBody(FakeMastodon.resource("media-processing.json"))));
        var request = new PublishRequest(
                "k", "Look", List.of(new MediaItem("a.png", "image/png", new byte[] {1}, null)), null, null, null);

        assertThatThrownBy(() -> connector.publish(mastodon.connection(), request))
                .isInstanceOfSatisfying(
                        ConnectorException.Transient.class,
                        failure -> assertThat(failure.writeMayHaveHappened()).isFalse());
        assertThat(mastodon.statusesCreated()).isZero();
    }

    @Test
    void contentTheServerRefusesIsRejectedWithTheServersOwnWords() {
        assertThatThrownBy(() -> connector.publish(mastodon.connection(), PublishRequest.text("k", " ")))
                .isInstanceOfSatisfying(ConnectorException.Rejected.class, rejected -> {
                    assertThat(rejected.code()).isEqualTo("unprocessable");
                    assertThat(rejected.userMessage()).isEqualTo("Validation failed: Text can't be blank");
                    assertThat(rejected.status()).isEqualTo(422);
                    assertThat(rejected.requestId()).startsWith("req-");
                });
    }

    @Test
    void aLostPublicationIsFoundByItsWordsEvenWithEntitiesLineBreaksAndLinks() {
        var request = new PublishRequest(
                "k1",
                "Fish & chips <today>\n\"50% off\" 半价!\nhttps://example.com/a?b=1&c=2",
                List.of(),
                null,
                null,
                null);
        PublishReceipt receipt = connector.publish(mastodon.connection(), request);

        assertThat(connector.findPublished(mastodon.connection(), request)).hasValue(receipt);
        assertThat(connector.findPublished(
                        mastodon.connection(),
                        new PublishRequest("k1", request.text(), List.of(), null, "113000000000000001", null)))
                .as("not if it answers another status")
                .isEmpty();
    }

    @Test
    void notificationsBecomeInteractionsOldestFirstWithPlainText() {
        mastodon.server.stubFor(get(urlPathEqualTo("/api/v1/notifications"))
                .atPriority(1)
                .willReturn(aResponse().withStatus(200).withBody(FakeMastodon.resource("notifications.json"))));

        InteractionPage page = connector.interactions(mastodon.connection(), null);

        assertThat(page.items())
                .extracting(InboundItem::kind)
                .containsExactly(
                        Kind.REPLY, Kind.FOLLOW, Kind.LIKE, Kind.REPOST, Kind.MENTION, Kind.DIRECT_MESSAGE, Kind.QUOTE);
        assertThat(page.cursor())
                .as("the newest notification, the skipped poll included")
                .isEqualTo("34975870");
        InboundItem reply = page.items().get(0);
        assertThat(reply.text())
                .isEqualTo("How much does it cost? 多少钱？\nIs there a \"student\" price & a #lunch set?\n\n"
                        + "See https://example.com/menu?lang=zh&page=2");
        assertThat(reply.remoteId()).isEqualTo("113563301122334455");
        assertThat(reply.subjectId()).isEqualTo("113563276218330947");
        assertThat(reply.language()).isEqualTo("zh");
        assertThat(reply.author().handle()).isEqualTo("@li_lei@social.example");
        assertThat(reply.author().displayName()).isEqualTo("李雷");
        assertThat(page.items().get(1).author().handle()).isEqualTo("@carol@chaos.example");
        assertThat(page.items().get(2).subjectId()).isEqualTo("113563276218330947");
        assertThat(page.items().get(3).author().handle())
                .as("a local account's handle gets the server's domain")
                .isEqualTo("@dave@mastodon.example");
        assertThat(page.items().get(4).subjectId())
                .as("a mention in someone else's thread")
                .isNull();
        assertThat(page.items().get(5).text()).isEqualTo("Can I book a table for 6 tonight? 今晚六位");
        InboundItem quote = page.items().get(6);
        assertThat(quote.text()).isEqualTo("Best noodles in town, go!");
        assertThat(quote.subjectId()).isEqualTo("113563276218330947");
        mastodon.server.verify(
                com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlPathEqualTo("/api/v1/notifications"))
                        .withQueryParam("limit", equalTo("80")));
    }

    @Test
    void aPushedNotificationIsReadAsThePollReadsItAndItsIdComesFromThePush() {
        PublishReceipt receipt = connector.publish(mastodon.connection(), PublishRequest.text("k", "Rye is back"));
        String notification = mastodon.reply(receipt, "Walnut loaf too?");

        List<InboundItem> pushed = connector.pushed(mastodon.connection(), notification);

        assertThat(pushed)
                .containsExactlyElementsOf(
                        connector.interactions(mastodon.connection(), null).items());
        assertThat(pushed.get(0).kind()).isEqualTo(InboundItem.Kind.REPLY);
        assertThat(connector.pushed(mastodon.connection(), "999"))
                .as("dismissed meanwhile")
                .isEmpty();
        assertThat(connector.pushReference(("{\"access_token\":\"x\",\"notification_id\":" + notification
                                + ",\"notification_type\":\"mention\"}")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .contains(notification);
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                        connector.pushReference("{\"title\":\"hi\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void metricsLeaveOutUnknownStatusesAndDeletingTwiceIsFine() {
        PublishReceipt receipt = connector.publish(mastodon.connection(), PublishRequest.text("k", "Count me"));
        mastodon.reply(receipt, "Nice");

        assertThat(connector.metrics(mastodon.connection(), List.of("1", receipt.remoteId())))
                .singleElement()
                .satisfies(metrics -> {
                    assertThat(metrics.replies()).isEqualTo(1);
                    assertThat(metrics.impressions()).isNull();
                    assertThat(metrics.clicks()).isNull();
                });
        connector.delete(mastodon.connection(), receipt.remoteId());
        connector.delete(mastodon.connection(), receipt.remoteId());
        assertThat(connector.metrics(mastodon.connection(), List.of(receipt.remoteId())))
                .isEmpty();
    }

    @Test
    void aReportNamesTheAuthorAndTheStatusWithTheDocumentedCategoryAndIsForwarded() {
        connector.report(
                mastodon.connection(),
                new Moderation(
                        "113563276218330999", "109385747206217421", null, Moderation.Reason.SPAM, "Sells followers"));
        connector.report(
                mastodon.connection(),
                new Moderation("113563276218331000", "109385747206217421", null, Moderation.Reason.ABUSE, null));

        var reports = mastodon.server.findAll(postRequestedFor(urlPathEqualTo("/api/v1/reports")));
        assertThat(reports).hasSize(2);
        assertThat(reports.get(0).getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(reports.get(0).getBodyAsString().split("&"))
                .containsExactlyInAnyOrder(
                        "account_id=109385747206217421",
                        "status_ids%5B%5D=113563276218330999",
                        "category=spam",
                        "forward=true",
                        "comment=Sells+followers");
        // Abuse is "other": "violation" would need the server's rule ids.
        assertThat(reports.get(1).getBodyAsString()).contains("category=other").doesNotContain("comment=");
        assertThat(connector.capabilities()).contains(Capability.REPORT).doesNotContain(Capability.HIDE);
        assertThatThrownBy(() -> connector.hide(
                        mastodon.connection(), new Moderation("1", "2", null, Moderation.Reason.SPAM, null)))
                .isInstanceOf(ConnectorException.Rejected.class);
    }

    @Test
    void theAudienceComesFromTheAccount() {
        var audience = connector.audience(mastodon.connection());
        assertThat(audience.followers()).isEqualTo(1287);
        assertThat(audience.following()).isEqualTo(143);
        assertThat(audience.demographics()).isEmpty();
    }

    @Test
    void aRevokedTokenIsAuthExpired() {
        var revoked = new dev.rapport.connectors.spi.Connection(
                7, mastodon.connection().settings(), Map.of("accessToken", "revoked"));
        assertThatThrownBy(() -> connector.audience(revoked))
                .isInstanceOfSatisfying(
                        ConnectorException.AuthExpired.class,
                        expired -> assertThat(expired.getMessage()).isEqualTo("The access token is invalid"));
    }
}
