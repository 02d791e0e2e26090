package dev.rapport.connectors.bluesky;

import dev.rapport.connectors.spi.ConnectorException;
import dev.rapport.connectors.spi.Moderation;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Reports to the moderation service the PDS forwards reports to, and replies hidden with the thread
 * gate of the account's own post.
 *
 * @see <a href="https://docs.bsky.app/docs/api/com-atproto-moderation-create-report">com.atproto.moderation.createReport</a>
 * @see <a href="https://docs.bsky.app/docs/advanced-guides/moderation">Moderation</a>
 */
final class Moderations {

    static final String THREADGATE = "app.bsky.feed.threadgate";

    private final Xrpc xrpc;

    Moderations(Xrpc xrpc) {
        this.xrpc = xrpc;
    }

    /** Reports the item (as spam, or as rude for abuse) with a strong reference to it. */
    void report(Session session, Moderation moderation) {
        JsonNode record = record(session, moderation.remoteId());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(
                "reasonType",
                moderation.reason() == Moderation.Reason.SPAM
                        ? "com.atproto.moderation.defs#reasonSpam"
                        : "com.atproto.moderation.defs#reasonRude");
        if (moderation.note() != null) {
            body.put("reason", moderation.note());
        }
        body.put(
                "subject",
                Map.of(
                        "$type",
                        "com.atproto.repo.strongRef",
                        "uri",
                        moderation.remoteId(),
                        "cid",
                        String.valueOf(Xrpc.text(record.path("cid")))));
        xrpc.procedure(session.service(), "com.atproto.moderation.createReport", session.accessJwt(), body);
    }

    /**
     * Adds the reply to the hidden replies of its thread's root, which must be the account's own
     * post: the thread gate (record key = the post's) is read, extended and written back.
     */
    void hide(Session session, Moderation moderation) {
        String rootUri = Xrpc.text(record(session, moderation.remoteId())
                .path("value")
                .path("reply")
                .path("root")
                .path("uri"));
        AtUri root = rootUri == null
                ? null
                : AtUri.parse(rootUri)
                        .filter(at -> at.did().equals(session.did()))
                        .orElse(null);
        if (root == null) {
            throw Posts.rejected("not-own-thread", "Only replies under the account's own posts can be hidden.");
        }
        Map<String, Object> gate = new LinkedHashMap<>();
        List<String> hidden = new ArrayList<>();
        try {
            JsonNode existing = xrpc.query(
                            session.service(),
                            "com.atproto.repo.getRecord",
                            session.accessJwt(),
                            Map.of("repo", session.did(), "collection", THREADGATE, "rkey", root.rkey()))
                    .path("value");
            existing.properties().forEach(field -> gate.put(field.getKey(), field.getValue()));
            existing.path("hiddenReplies").forEach(uri -> hidden.add(uri.asString()));
        } catch (ConnectorException.Rejected none) {
            // no thread gate yet: anyone may reply, nothing hidden
            gate.put("$type", THREADGATE);
            gate.put("post", rootUri);
            gate.put("createdAt", Posts.datetime(Instant.now().truncatedTo(ChronoUnit.MILLIS)));
        }
        if (!hidden.contains(moderation.remoteId())) {
            hidden.add(moderation.remoteId());
        }
        gate.put("hiddenReplies", hidden);
        xrpc.procedure(
                session.service(),
                "com.atproto.repo.putRecord",
                session.accessJwt(),
                Map.of("repo", session.did(), "collection", THREADGATE, "rkey", root.rkey(), "record", gate));
    }

    private JsonNode record(Session session, String uri) {
        AtUri at = AtUri.parse(uri).orElseThrow(() -> Posts.rejected("not-found", uri + " is not a Bluesky post."));
        try {
            return xrpc.query(
                    session.service(),
                    "com.atproto.repo.getRecord",
                    session.accessJwt(),
                    Map.of("repo", at.did(), "collection", at.collection(), "rkey", at.rkey()));
        } catch (ConnectorException.Rejected gone) {
            throw Posts.rejected("not-found", "The post is no longer on Bluesky.");
        }
    }
}
