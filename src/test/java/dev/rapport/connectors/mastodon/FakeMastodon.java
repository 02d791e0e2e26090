package dev.rapport.connectors.mastodon;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.rapport.connectors.spi.Connection;
import dev.rapport.connectors.spi.PublishReceipt;
import dev.rapport.testing.WebPushSender;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Mastodon server in this JVM (WireMock on 127.0.0.1): it keeps the statuses posted, honours
 * {@code Idempotency-Key} as Mastodon does (the same status again for a key it has seen), refuses a
 * blank status with Mastodon's 422, lists the account's statuses and notifications, and answers with
 * the entities of docs.joinmastodon.org (the bodies in {@code src/test/resources/mastodon}). It can
 * be told to misbehave on the next status posts.
 */
final class FakeMastodon implements AutoCloseable {

    static final String TOKEN = "ZA-Yj3aBD8U8Cm7lKUp-lm9O9BmDgdhHzDeqsY8tlL0";
    static final String ACCOUNT_ID = "109302871394721055";

    /** What the next {@code POST /api/v1/statuses} does instead of answering normally. */
    enum Misbehaviour {
        RESET_BEFORE_WRITE,
        RESET_AFTER_WRITE,
        SLOW_AFTER_WRITE,
        MALFORMED_AFTER_WRITE,
        SERVER_ERROR,
        RATE_LIMITED,
        UNAUTHORIZED
    }

    private static final Pattern URL = Pattern.compile("https?://(\\S+)");

    final WireMockServer server;
    final Duration slowness;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<String, ObjectNode> statuses = new LinkedHashMap<>();
    private final List<ObjectNode> notifications = new ArrayList<>();
    private final Map<String, String> idempotencyKeys = new HashMap<>();
    private final Deque<Misbehaviour> planned = new ArrayDeque<>();
    private long nextStatusId = 113563276218330947L;
    private long nextNotificationId = 34975900L;
    private final Map<String, String> subscription = new LinkedHashMap<>();
    private final WebPushSender pusher = new WebPushSender();
    private long nextSubscriptionId = 328182;
    private int unsubscriptions;
    private boolean legacyPushOnly;
    private boolean notificationReadsFail;
    private int created;

    FakeMastodon(Duration slowness) {
        this.slowness = slowness;
        server = new WireMockServer(
                options().bindAddress("127.0.0.1").dynamicPort().extensions(new Behaviour()));
        server.start();
        server.stubFor(any(anyUrl()).atPriority(10).willReturn(json(401, resource("error-unauthorized.json"))));
        String bearer = "Bearer " + TOKEN;
        server.stubFor(get(urlPathEqualTo("/api/v1/accounts/verify_credentials"))
                .withHeader("Authorization", equalTo(bearer))
                .willReturn(json(200, resource("verify_credentials.json"))));
        server.stubFor(get(urlPathEqualTo("/api/v2/instance")).willReturn(json(200, resource("instance-v2.json"))));
        server.stubFor(post(urlPathEqualTo("/api/v1/statuses"))
                .withHeader("Authorization", equalTo(bearer))
                .willReturn(aResponse().withTransformers(Behaviour.NAME)));
        server.stubFor(post(urlPathEqualTo("/api/v2/media"))
                .withHeader("Authorization", equalTo(bearer))
                .willReturn(json(200, resource("media-attachment.json"))));
        server.stubFor(post(urlPathEqualTo("/api/v1/reports"))
                .withHeader("Authorization", equalTo(bearer))
                .willReturn(json(200, resource("report.json"))));
        for (var route : List.of(
                post(urlPathEqualTo("/api/v1/push/subscription")),
                delete(urlPathEqualTo("/api/v1/push/subscription")),
                get(urlPathMatching("/api/v1/notifications/[^/]+")),
                get(urlPathMatching("/api/v1/accounts/[0-9]+/statuses")),
                get(urlPathMatching("/api/v1/statuses/[^/]+")),
                delete(urlPathMatching("/api/v1/statuses/[^/]+")),
                get(urlPathEqualTo("/api/v1/notifications")))) {
            server.stubFor(route.withHeader("Authorization", equalTo(bearer))
                    .willReturn(aResponse().withTransformers(Behaviour.NAME)));
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    Connection connection() {
        return new Connection(
                7,
                Map.of("server", baseUrl(), "accountId", ACCOUNT_ID, "domain", "mastodon.example"),
                Map.of("accessToken", TOKEN));
    }

    synchronized void misbehave(Misbehaviour... next) {
        planned.addAll(List.of(next));
    }

    /** How many statuses the posts made (not how many posts were sent). */
    synchronized int statusesCreated() {
        return created;
    }

    /**
     * Someone on another server replies to one of the account's statuses, mentioning it; returns the
     * notification's id.
     */
    synchronized String reply(PublishReceipt publication, String text) {
        ObjectNode notification = (ObjectNode) read("notification-mention.json");
        ObjectNode status = (ObjectNode) notification.get("status");
        String statusId = Long.toString(++nextStatusId);
        status.put("id", statusId);
        status.put("in_reply_to_id", publication.remoteId());
        status.put("url", "https://social.example/@li_lei/" + statusId);
        status.put("uri", "https://social.example/users/li_lei/statuses/" + statusId);
        status.put(
                "content",
                "<p><span class=\"h-card\" translate=\"no\"><a href=\"https://mastodon.example/@rapport_demo\""
                        + " class=\"u-url mention\">@<span>rapport_demo</span></a></span> " + escape(text) + "</p>");
        String now = Instant.now().toString();
        status.put("created_at", now);
        notification.put("id", Long.toString(++nextNotificationId));
        notification.put("group_key", "ungrouped-" + nextNotificationId);
        notification.put("created_at", now);
        notifications.add(notification);
        ObjectNode ours = statuses.get(publication.remoteId());
        if (ours != null) {
            ours.put("replies_count", ours.path("replies_count").asLong() + 1);
        }
        return notification.path("id").asString();
    }

    /**
     * The token's Web Push subscription, as Mastodon 4.4 keeps it: the form fields Rapport sent
     * ({@code subscription[endpoint]}, {@code subscription[keys][p256dh]}…); empty when there is none.
     * Answers with the server's VAPID key, and {@code standard} as asked.
     */
    synchronized Map<String, String> pushSubscription() {
        return Map.copyOf(subscription);
    }

    /** Whether reading one notification ({@code GET /api/v1/notifications/:id}) answers 503. */
    synchronized void failNotificationReads(boolean fail) {
        notificationReadsFail = fail;
    }

    /** From now on, answer subscriptions as Mastodon before 4.4 does: without {@code standard}. */
    synchronized void pushLegacyOnly() {
        legacyPushOnly = true;
    }

    /** How many times a subscription was removed. */
    synchronized int pushUnsubscriptions() {
        return unsubscriptions;
    }

    private ResponseDefinition pushSubscription(Request request) {
        if (request.getMethod().getName().equals("DELETE")) {
            subscription.clear();
            unsubscriptions++;
            return ok(json.createObjectNode());
        }
        subscription.clear();
        form(request.getBodyAsString()).forEach((name, values) -> subscription.put(name, values.get(0)));
        ObjectNode answer = json.createObjectNode();
        answer.put("id", ++nextSubscriptionId);
        answer.put("endpoint", subscription.get("subscription[endpoint]"));
        if (!legacyPushOnly) {
            answer.put("standard", Boolean.parseBoolean(subscription.get("subscription[standard]")));
        }
        ObjectNode alerts = answer.putObject("alerts");
        subscription.forEach((name, value) -> {
            if (name.startsWith("data[alerts][")) {
                alerts.put(name.substring("data[alerts][".length(), name.length() - 1), Boolean.parseBoolean(value));
            }
        });
        answer.put("server_key", pusher.serverKey());
        answer.put("policy", subscription.getOrDefault("data[policy]", "all"));
        return ok(answer);
    }

    /**
     * The body and headers of a push of this notification, as Mastodon's {@code WebPushRequest} makes
     * them: the {@code Web::NotificationSerializer} JSON, encrypted to the subscription's keys
     * ({@code aes128gcm}), and {@code Authorization: vapid t=…,k=…} for the endpoint's origin.
     */
    synchronized Push push(String notificationId) {
        String endpoint = subscription.get("subscription[endpoint]");
        if (endpoint == null) {
            throw new IllegalStateException("Rapport has not subscribed");
        }
        ObjectNode payload = json.createObjectNode();
        payload.put("access_token", TOKEN);
        payload.put("preferred_locale", "en");
        payload.put("notification_id", Long.parseLong(notificationId));
        payload.put("notification_type", "mention");
        payload.put("icon", "https://social.example/avatars/li_lei.png");
        payload.put("title", "Li Lei mentioned you");
        payload.put("body", "A question");
        byte[] body = WebPushSender.encrypt(
                json.writeValueAsBytes(payload),
                subscription.get("subscription[keys][p256dh]"),
                subscription.get("subscription[keys][auth]"));
        java.net.URI uri = java.net.URI.create(endpoint);
        String origin = uri.getScheme() + "://" + uri.getRawAuthority();
        return new Push(uri.getRawPath(), body, pusher.authorization(origin), pusher.forgedAuthorization(origin));
    }

    /** A push as sent: where to (the path of the endpoint), the body, and its authorizations. */
    record Push(String path, byte[] body, String authorization, String forgedAuthorization) {}

    private synchronized ResponseDefinition answer(Request request) {
        String path = request.getUrl().split("\\?")[0];
        if (path.equals("/api/v1/push/subscription")) {
            return pushSubscription(request);
        }
        if (request.getMethod().getName().equals("POST")) {
            return postStatus(request);
        }
        if (path.equals("/api/v1/notifications")) {
            return notifications(request);
        }
        if (path.startsWith("/api/v1/notifications/") && notificationReadsFail) {
            return json(503, "{\"error\":\"Service Unavailable\"}").build();
        }
        if (path.startsWith("/api/v1/notifications/")) {
            String id = URLDecoder.decode(path.substring("/api/v1/notifications/".length()), StandardCharsets.UTF_8);
            return notifications.stream()
                    .filter(notification -> notification.path("id").asString().equals(id))
                    .findFirst()
                    .map(this::ok)
                    .orElseGet(() -> json(404, resource("error-not-found.json")).build());
        }
        if (path.startsWith("/api/v1/accounts/")) {
            ArrayNode page = json.createArrayNode();
            List<ObjectNode> newestFirst = new ArrayList<>(statuses.values());
            java.util.Collections.reverse(newestFirst);
            newestFirst.stream().limit(40).forEach(page::add);
            return ok(page);
        }
        String id = URLDecoder.decode(path.substring("/api/v1/statuses/".length()), StandardCharsets.UTF_8);
        ObjectNode status = statuses.get(id);
        if (status == null) {
            return json(404, resource("error-not-found.json")).build();
        }
        if (request.getMethod().getName().equals("DELETE")) {
            statuses.remove(id);
            ObjectNode deleted = status.deepCopy();
            deleted.put("text", MastodonText.plain(status.path("content").asString()));
            return ok(deleted);
        }
        return ok(status);
    }

    private ResponseDefinition postStatus(Request request) {
        Misbehaviour misbehaviour = planned.poll();
        if (misbehaviour == Misbehaviour.RESET_BEFORE_WRITE) {
            return ResponseDefinitionBuilder.responseDefinition()
                    .withFault(Fault.CONNECTION_RESET_BY_PEER)
                    .build();
        }
        if (misbehaviour == Misbehaviour.SERVER_ERROR) {
            return json(500, "{\"error\":\"We're sorry, but something went wrong on our end.\"}")
                    .build();
        }
        if (misbehaviour == Misbehaviour.UNAUTHORIZED) {
            return json(401, resource("error-unauthorized.json")).build();
        }
        if (misbehaviour == Misbehaviour.RATE_LIMITED) {
            return json(429, resource("error-rate-limited.json"))
                    .withHeader("X-RateLimit-Limit", "300")
                    .withHeader("X-RateLimit-Remaining", "0")
                    .withHeader(
                            "X-RateLimit-Reset", Instant.now().plusSeconds(45).toString())
                    .build();
        }
        String key = request.getHeader("Idempotency-Key");
        if (key != null && statuses.containsKey(idempotencyKeys.get(key))) {
            return ok(statuses.get(idempotencyKeys.get(key)));
        }
        Map<String, List<String>> form = form(request.getBodyAsString());
        String text = form.getOrDefault("status", List.of("")).get(0);
        List<String> media = form.getOrDefault("media_ids[]", List.of());
        if (text.isBlank() && media.isEmpty()) {
            return json(422, resource("error-unprocessable.json")).build();
        }
        ObjectNode status = (ObjectNode) read("status.json");
        String id = Long.toString(++nextStatusId);
        status.put("id", id);
        status.put("created_at", Instant.now().toString());
        status.put("uri", "https://mastodon.example/users/rapport_demo/statuses/" + id);
        status.put("url", "https://mastodon.example/@rapport_demo/" + id);
        status.put("content", html(text));
        status.put(
                "visibility", form.getOrDefault("visibility", List.of("public")).get(0));
        status.put("language", form.getOrDefault("language", List.of("en")).get(0));
        List<String> replyTo = form.get("in_reply_to_id");
        if (replyTo != null) {
            status.put("in_reply_to_id", replyTo.get(0));
        }
        ArrayNode attachments = status.putArray("media_attachments");
        media.forEach(mediaId -> attachments.add(((ObjectNode) read("media-attachment.json")).put("id", mediaId)));
        statuses.put(id, status);
        created++;
        if (key != null) {
            idempotencyKeys.put(key, id);
        }
        if (misbehaviour == Misbehaviour.RESET_AFTER_WRITE) {
            return ResponseDefinitionBuilder.responseDefinition()
                    .withFault(Fault.CONNECTION_RESET_BY_PEER)
                    .build();
        }
        if (misbehaviour == Misbehaviour.MALFORMED_AFTER_WRITE) {
            return json(200, "{\"id\":\"" + id + "\",\"created_at\":\"20").build();
        }
        if (misbehaviour == Misbehaviour.SLOW_AFTER_WRITE) {
            return json(200, json.writeValueAsString(status))
                    .withFixedDelay((int) slowness.toMillis())
                    .build();
        }
        return ok(status);
    }

    /** {@code min_id} pages forward from the cursor, {@code since_id} takes the newest above it. */
    private ResponseDefinition notifications(Request request) {
        int limit = Math.min(80, Integer.parseInt(parameter(request, "limit", "40")));
        String minId = parameter(request, "min_id", null);
        String sinceId = parameter(request, "since_id", null);
        String after = minId != null ? minId : sinceId;
        Comparator<ObjectNode> byId =
                Comparator.comparing(node -> node.path("id").asString(), MastodonNotifications.ID_ORDER);
        List<ObjectNode> newer = notifications.stream()
                .filter(node -> after == null
                        || MastodonNotifications.ID_ORDER.compare(
                                        node.path("id").asString(), after)
                                > 0)
                .sorted(minId != null ? byId : byId.reversed())
                .limit(limit)
                .sorted(byId.reversed())
                .toList();
        ArrayNode page = json.createArrayNode();
        newer.forEach(page::add);
        return ok(page);
    }

    private static String parameter(Request request, String name, String fallback) {
        var parameter = request.queryParameter(name);
        return parameter.isPresent() ? parameter.firstValue() : fallback;
    }

    /** Mastodon's rendering of plain text: paragraphs, line breaks, escaped characters, links. */
    static String html(String text) {
        StringBuilder html = new StringBuilder();
        for (String paragraph : text.strip().split("\n\n+")) {
            String escaped = escape(paragraph).replace("\n", "<br />");
            Matcher url = URL.matcher(escaped);
            StringBuilder linked = new StringBuilder();
            while (url.find()) {
                String href = url.group();
                String scheme = href.substring(0, href.indexOf("//") + 2);
                url.appendReplacement(
                        linked,
                        Matcher.quoteReplacement("<a href=\"" + href
                                + "\" target=\"_blank\" rel=\"nofollow noopener noreferrer\" translate=\"no\">"
                                + "<span class=\"invisible\">" + scheme + "</span><span class=\"\">"
                                + url.group(1) + "</span><span class=\"invisible\"></span></a>"));
            }
            url.appendTail(linked);
            html.append("<p>").append(linked).append("</p>");
        }
        return html.toString();
    }

    static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    private static Map<String, List<String>> form(String body) {
        Map<String, List<String>> form = new HashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            String[] parts = pair.split("=", 2);
            String name = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
            String value = parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "";
            form.computeIfAbsent(name, ignored -> new ArrayList<>()).add(value);
        }
        return form;
    }

    private ResponseDefinition ok(JsonNode body) {
        return json(200, json.writeValueAsString(body)).build();
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return ResponseDefinitionBuilder.responseDefinition()
                .withStatus(status)
                .withHeader("Content-Type", "application/json; charset=utf-8")
                .withHeader("X-Request-Id", "req-" + Long.toHexString(System.nanoTime()))
                .withBody(body);
    }

    private JsonNode read(String name) {
        return json.readTree(resource(name));
    }

    static String resource(String name) {
        try (InputStream in = FakeMastodon.class.getResourceAsStream("/mastodon/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no stub body " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop();
    }

    private final class Behaviour implements ResponseDefinitionTransformerV2 {
        static final String NAME = "fake-mastodon";

        @Override
        public ResponseDefinition transform(ServeEvent serveEvent) {
            return answer(serveEvent.getRequest());
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public String getName() {
            return NAME;
        }
    }
}
