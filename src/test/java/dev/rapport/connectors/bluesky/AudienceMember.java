package dev.rapport.connectors.bluesky;

import dev.rapport.testing.AtprotoNetwork;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Someone else on the test network (bob), acting with plain XRPC calls as any Bluesky app would. */
final class AudienceMember {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AtprotoNetwork network;
    private final AtprotoNetwork.Account account;
    private final String accessJwt;

    AudienceMember(AtprotoNetwork network, AtprotoNetwork.Account account) {
        this.network = network;
        this.account = account;
        this.accessJwt = call(
                        "com.atproto.server.createSession",
                        null,
                        Map.of("identifier", account.handle(), "password", account.password()))
                .get("accessJwt")
                .asString();
    }

    String did() {
        return account.did();
    }

    String handle() {
        return account.handle();
    }

    /** Replies to a post; answers the reply's at:// URI. */
    String reply(String postUri, String text) {
        Map<String, String> parent = strongRef(postUri);
        Map<String, Object> record = Map.of(
                "$type",
                "app.bsky.feed.post",
                "text",
                text,
                "reply",
                Map.of("root", parent, "parent", parent),
                "createdAt",
                now());
        return create("app.bsky.feed.post", record);
    }

    void like(String postUri) {
        create(
                "app.bsky.feed.like",
                Map.of("$type", "app.bsky.feed.like", "subject", strongRef(postUri), "createdAt", now()));
    }

    void follow(String did) {
        create("app.bsky.graph.follow", Map.of("$type", "app.bsky.graph.follow", "subject", did, "createdAt", now()));
    }

    /** The record behind an at:// URI, as its author wrote it. */
    JsonNode record(String uri) {
        AtUri at = AtUri.parse(uri).orElseThrow();
        return get("com.atproto.repo.getRecord?repo=" + at.did() + "&collection=" + at.collection() + "&rkey="
                        + at.rkey())
                .get("value");
    }

    private Map<String, String> strongRef(String uri) {
        AtUri at = AtUri.parse(uri).orElseThrow();
        JsonNode record = get("com.atproto.repo.getRecord?repo=" + at.did() + "&collection=" + at.collection()
                + "&rkey=" + at.rkey());
        return Map.of("uri", uri, "cid", record.get("cid").asString());
    }

    private String create(String collection, Map<String, Object> record) {
        return call(
                        "com.atproto.repo.createRecord",
                        accessJwt,
                        Map.of("repo", account.did(), "collection", collection, "record", record))
                .get("uri")
                .asString();
    }

    private JsonNode get(String pathAndQuery) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(network.pdsUrl() + "/xrpc/" + pathAndQuery))
                .header("Authorization", "Bearer " + accessJwt)
                .build();
        return send(request);
    }

    private JsonNode call(String nsid, String token, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(network.pdsUrl() + "/xrpc/" + nsid))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    private JsonNode send(HttpRequest request) {
        try {
            HttpResponse<String> response = network.http().send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(
                        request.uri().getPath() + " answered " + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String now() {
        return Posts.datetime(Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }
}
