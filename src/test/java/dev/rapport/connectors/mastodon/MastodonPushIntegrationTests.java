package dev.rapport.connectors.mastodon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rapport.connectors.Connections;
import dev.rapport.connectors.PublishOutcome;
import dev.rapport.connectors.PushDeliveries;
import dev.rapport.connectors.Pushes;
import dev.rapport.connectors.spi.PublishReceipt;
import dev.rapport.connectors.spi.PublishRequest;
import dev.rapport.inbox.Ingestion;
import dev.rapport.team.Role;
import dev.rapport.team.TeamManagement;
import dev.rapport.testing.Api;
import dev.rapport.testing.ApplicationTest;
import dev.rapport.testing.TestMembers;
import dev.rapport.testing.TestMembers.Credentials;
import dev.rapport.testing.WebSession;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Mastodon pushing to the running application: connecting a Mastodon account subscribes it to Web
 * Push (keys in the vault, audited); a reply pushed as Mastodon pushes it — encrypted to the
 * subscription's keys, signed with the server's VAPID key for Rapport's public origin — becomes one
 * inbox item, however often it is pushed and polled; a push that is tampered with, signed by another
 * key or sent to an unknown address is refused and makes nothing (the next poll still finds the
 * interaction); disconnecting ends the subscription.
 */
@ApplicationTest
class MastodonPushIntegrationTests {

    static final String PUBLIC_URL = "https://rapport.example";

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("rapport.scheduler.enabled", () -> "false");
        registry.add("rapport.connectors.base-delay", () -> "1ms");
        registry.add("rapport.public-url", () -> PUBLIC_URL + "/");
    }

    @LocalServerPort
    int port;

    @Autowired
    TeamManagement team;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Connections connections;

    @Autowired
    Pushes pushes;

    @Autowired
    Ingestion ingestion;

    /** The hourly task that subscribes the accounts without a subscription (the scheduler is off here). */
    @Autowired
    @org.springframework.beans.factory.annotation.Qualifier("pushSubscriptionsTask")
    com.github.kagkarlsson.scheduler.task.helper.RecurringTask<Void> sweep;

    final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    FakeMastodon mastodon;
    Credentials owner;
    long account;
    PublishReceipt post;

    @BeforeEach
    void connectedAccountWithAPost() {
        mastodon = new FakeMastodon(Duration.ofMillis(300));
        owner = TestMembers.create(team, Role.MARKETER);
        var requested = Api.as(port, owner).post("/api/v1/accounts", """
                {"network":"mastodon","handle":"bakery-%s","purpose":"Fediverse community","owners":[%d]}""".formatted(
                        UUID.randomUUID().toString().substring(0, 6), owner.id()));
        account = json.readTree(requested.body()).get("id").asLong();
        Api.admin(port).post("/api/v1/accounts/" + account + "/decision", "{\"approve\":true}");
        var connected = Api.as(port, owner).post("/api/v1/accounts/" + account + "/connection", """
                {"connector":"mastodon","values":{"server":"%s","accessToken":"%s"}}""".formatted(
                        mastodon.baseUrl(), FakeMastodon.TOKEN));
        assertThat(connected.statusCode()).as(connected.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> pushes.pushing(account));
        PublishOutcome published = connections.publish(
                account, PublishRequest.text(UUID.randomUUID().toString(), "Rye is back."));
        assertThat(published.status()).isEqualTo(PublishOutcome.Status.PUBLISHED);
        post = published.receipt();
    }

    @AfterEach
    void stop() {
        mastodon.close();
    }

    @Test
    void connectingSubscribesWithKeysInTheVaultAndIsAudited() {
        Map<String, String> subscription = mastodon.pushSubscription();

        assertThat(subscription.get("subscription[endpoint]")).matches(PUBLIC_URL + "/push/[A-Za-z0-9_-]{43}");
        assertThat(subscription.get("subscription[standard]")).isEqualTo("true");
        assertThat(subscription.get("subscription[keys][p256dh]")).hasSize(87);
        assertThat(subscription)
                .containsEntry("data[alerts][mention]", "true")
                .containsEntry("data[alerts][favourite]", "true")
                .containsEntry("data[alerts][reblog]", "true")
                .containsEntry("data[alerts][follow]", "true");
        String auth = subscription.get("subscription[keys][auth]");
        assertThat(jdbc.sql(
                                "SELECT COUNT(*) FROM secret WHERE account_id = ? AND kind = 'CONNECTION' AND label = 'push'"
                                        + " AND retired_at IS NULL")
                        .param(account)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT * FROM push_subscription WHERE account_id = ?")
                        .param(account)
                        .query()
                        .singleRow()
                        .values())
                .map(String::valueOf)
                .noneMatch(value -> value.contains(auth));
        await().atMost(Duration.ofSeconds(10)).until(() -> audited("connection.push-subscribed") == 1);

        WebSession browser = new WebSession(port);
        browser.signIn(owner.email(), owner.password());
        assertThat(browser.get("/accounts/" + account + "/connection").body())
                .contains("id=\"push\"", "pushed by the network as they happen");
        assertThat(json.readTree(Api.as(port, owner)
                                .get("/api/v1/accounts/" + account + "/connection")
                                .body())
                        .get("push")
                        .asString())
                .isEqualTo("PUSHING");
    }

    @Test
    void aPushedReplyIsOneInboxItemHoweverOftenItIsPushedAndPolled() throws Exception {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String notification = mastodon.reply(post, "Do you still bake the walnut loaf? " + marker);
        FakeMastodon.Push push = mastodon.push(notification);

        assertThat(deliver(push.path(), push.body(), push.authorization()).statusCode())
                .isEqualTo(201);
        assertThat(deliver(push.path(), push.body(), push.authorization()).statusCode())
                .isEqualTo(201);
        FakeMastodon.Push again = mastodon.push(notification); // a redelivery, encrypted afresh
        assertThat(deliver(again.path(), again.body(), again.authorization()).statusCode())
                .isEqualTo(201);

        await().atMost(Duration.ofSeconds(10)).until(() -> pushesInFlight() == 0);
        assertThat(items(marker)).isEqualTo(1);
        ingestion.poll();
        assertThat(items(marker)).isEqualTo(1);
    }

    @Test
    void aTamperedOrForgedPushIsRefusedAndMakesNothingUntilThePollFindsIt() throws Exception {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String notification = mastodon.reply(post, "Is the walnut loaf vegan? " + marker);
        FakeMastodon.Push push = mastodon.push(notification);
        byte[] tampered = push.body().clone();
        tampered[tampered.length - 5] ^= 0x01;

        assertThat(deliver(push.path(), tampered, push.authorization()).statusCode())
                .isEqualTo(400);
        assertThat(deliver(push.path(), push.body(), push.forgedAuthorization()).statusCode())
                .isEqualTo(401);
        assertThat(deliver(push.path(), push.body(), null).statusCode()).isEqualTo(401);
        assertThat(deliver(push.path(), push.body(), push.authorization(), "aesgcm")
                        .statusCode())
                .isEqualTo(415);
        assertThat(deliver("/push/unknown-subscription", push.body(), push.authorization())
                        .statusCode())
                .isEqualTo(410);
        assertThat(deliver(push.path(), new byte[PushDeliveries.MAX_BODY + 1], push.authorization())
                        .statusCode())
                .isEqualTo(413);

        await().atMost(Duration.ofSeconds(10)).until(() -> pushesInFlight() == 0);
        assertThat(items(marker)).isZero();
        ingestion.poll();
        assertThat(items(marker)).as("polling is the safety net").isEqualTo(1);
    }

    @Test
    void aPushWhoseNotificationCannotBeReadIsLeftToTheNextPoll() throws Exception {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        FakeMastodon.Push push = mastodon.push(mastodon.reply(post, "Gluten-free options? " + marker));
        mastodon.failNotificationReads(true);

        assertThat(deliver(push.path(), push.body(), push.authorization()).statusCode())
                .as("the push itself is fine")
                .isEqualTo(201);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> mastodon.server
                                .findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                                        com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching(
                                                "/api/v1/notifications/[0-9]+")))
                                .size()
                        >= 4);
        await().atMost(Duration.ofSeconds(10)).until(() -> pushesInFlight() == 0);
        assertThat(items(marker)).isZero();

        ingestion.poll();
        assertThat(items(marker)).isEqualTo(1);
    }

    @Test
    void disconnectingEndsTheSubscriptionAndLaterPushesAreGone() throws Exception {
        FakeMastodon.Push push = mastodon.push(mastodon.reply(post, "Open on Sunday?"));

        var disconnected = Api.as(port, owner).delete("/api/v1/accounts/" + account + "/connection");

        assertThat(disconnected.statusCode()).as(disconnected.body()).isLessThan(300);
        assertThat(mastodon.pushUnsubscriptions()).isEqualTo(1);
        assertThat(mastodon.pushSubscription()).isEmpty();
        assertThat(deliver(push.path(), push.body(), push.authorization()).statusCode())
                .isEqualTo(410);
        await().atMost(Duration.ofSeconds(10)).until(() -> audited("connection.push-unsubscribed") == 1);
    }

    @Test
    void theHourlySweepSubscribesAnAccountThatHasNoSubscriptionAndOnlyThatOnce() throws Exception {
        // As for an account connected before rapport.public-url was set: no subscription at all.
        String before = mastodon.pushSubscription().get("subscription[endpoint]");
        jdbc.sql("DELETE FROM push_subscription WHERE account_id = ?")
                .param(account)
                .update();
        assertThat(pushes.status(account)).isEqualTo(Pushes.Status.PENDING);

        sweep.execute(null, null);

        assertThat(pushes.pushing(account)).isTrue();
        String after = mastodon.pushSubscription().get("subscription[endpoint]");
        assertThat(after).startsWith(PUBLIC_URL + "/push/").isNotEqualTo(before);
        await().atMost(Duration.ofSeconds(10)).until(() -> audited("connection.push-subscribed") == 2);

        // The next sweep leaves a subscribed account alone.
        sweep.execute(null, null);
        assertThat(mastodon.pushSubscription().get("subscription[endpoint]")).isEqualTo(after);
        assertThat(audited("connection.push-subscribed")).isEqualTo(2);
    }

    @Test
    void aServerThatCannotPushTheStandardWayIsUnsubscribedAndPolled() {
        mastodon.pushLegacyOnly();
        int before = mastodon.pushUnsubscriptions();

        var again = Api.as(port, owner).post("/api/v1/accounts/" + account + "/connection", """
                {"connector":"mastodon","values":{"server":"%s","accessToken":"%s"}}""".formatted(
                        mastodon.baseUrl(), FakeMastodon.TOKEN));

        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> pushes.status(account) == Pushes.Status.UNSUPPORTED);
        assertThat(json.readTree(Api.as(port, owner)
                                .get("/api/v1/accounts/" + account + "/connection")
                                .body())
                        .get("push")
                        .asString())
                .isEqualTo("UNSUPPORTED");
        assertThat(mastodon.pushUnsubscriptions()).isEqualTo(before + 1);
        assertThat(mastodon.pushSubscription()).isEmpty();
        assertThat(jdbc.sql(
                                "SELECT COUNT(*) FROM secret WHERE account_id = ? AND label = 'push' AND retired_at IS NULL")
                        .param(account)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private HttpResponse<String> deliver(String path, byte[] body, String authorization) throws Exception {
        return deliver(path, body, authorization, "aes128gcm");
    }

    /** As Mastodon's push worker sends it, to Rapport's real address. */
    private HttpResponse<String> deliver(String path, byte[] body, String authorization, String encoding)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/octet-stream")
                .header("Content-Encoding", encoding)
                .header("TTL", "172800")
                .header("Urgency", "normal")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Pushes handed to the inbox and not yet taken: each is an event publication until its listener
     * returns (completed publications are deleted), written before the push is answered.
     */
    private long pushesInFlight() {
        return jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE event_type LIKE ?")
                .param("%InteractionPushed")
                .query(Long.class)
                .single();
    }

    private long items(String marker) {
        return jdbc.sql("SELECT COUNT(*) FROM inbox_item WHERE account_id = ? AND text LIKE ?")
                .params(account, "%" + marker + "%")
                .query(Long.class)
                .single();
    }

    private long audited(String action) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = ? AND target = ?")
                .params(action, "account:" + account)
                .query(Long.class)
                .single();
    }
}
