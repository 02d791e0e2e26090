package dev.rapport.connectors.sandbox;

import dev.rapport.connectors.spi.ConnectorException;
import dev.rapport.connectors.spi.InboundItem;
import dev.rapport.connectors.spi.InteractionPage;
import dev.rapport.connectors.spi.MetricsSnapshot;
import dev.rapport.connectors.spi.PublishRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * One sandbox account: its posts, the comments added by hand, the replies that answered comments,
 * and the simulation's derived state. Thread-safe (every method holds the account's lock); reactions
 * are computed lazily, in publication order, so that when they are computed never changes what they
 * are.
 */
final class SandboxAccount {

    private static final long HOUR = 3_600_000;
    private static final long FOLLOW_SLACK = 24 * HOUR;

    private final long accountId;
    private final long seed;
    private final SandboxCoefficients c;
    private final SandboxAudience audience;
    private final SandboxFollowers followers;
    private final List<SandboxPublished> timeline = new ArrayList<>();
    private final Map<String, SandboxPublished> byId = new HashMap<>();
    private final Map<String, SandboxPublished> byKey = new HashMap<>();
    private final List<AudienceComment> audienceComments = new ArrayList<>();
    /** Comments and direct messages that expect an answer, by when they arrived. */
    private final TreeMap<Long, List<String>> answerable = new TreeMap<>();
    /** Every comment and direct message, by id, with when it arrived. */
    private final Map<String, Long> conversations = new HashMap<>();
    /** When each comment was first answered. */
    private final Map<String, Long> answeredAt = new HashMap<>();

    private final Map<Long, Double> unansweredByHour = new HashMap<>();
    private int computed;

    private record AudienceComment(long seq, InboundItem item) {}

    SandboxAccount(long accountId, long seed, SandboxCoefficients coefficients) {
        this.accountId = accountId;
        this.seed = seed;
        this.c = coefficients;
        this.audience = SandboxAudience.generate(seed, accountId, coefficients);
        this.followers = new SandboxFollowers(audience);
    }

    SandboxAudience audience() {
        return audience;
    }

    synchronized SandboxConnector.Post publish(long seq, PublishRequest request, Instant at) {
        if (timeline.size() >= c.maxPostsPerAccount()) {
            forgetOldest();
        }
        var post = new SandboxConnector.Post(
                "sb-" + seq,
                accountId,
                request.idempotencyKey(),
                request.text(),
                request.link(),
                request.replyTo(),
                at);
        var published = new SandboxPublished(
                post, seq, SandboxPostTraits.of(request.text(), request.link(), request.language()));
        timeline.add(published);
        byId.put(post.id(), published);
        byKey.putIfAbsent(post.idempotencyKey(), published);
        if (post.replyTo() != null) {
            answeredAt.putIfAbsent(post.replyTo(), at.toEpochMilli());
        }
        return post;
    }

    /** Whether a reply may answer this id: one of the account's posts, comments or direct messages. */
    synchronized boolean knows(String remoteId) {
        if (byId.containsKey(remoteId) || conversations.containsKey(remoteId)) {
            return true;
        }
        computeReactions();
        return conversations.containsKey(remoteId);
    }

    synchronized Optional<SandboxConnector.Post> findPublished(String idempotencyKey) {
        return Optional.ofNullable(byKey.get(idempotencyKey)).map(SandboxPublished::post);
    }

    /** What the account's team reported or hid, as the network keeps it: item id → what was done. */
    private final Map<String, String> moderated = new HashMap<>();

    synchronized void moderate(String remoteId, String what) {
        if (!knows(remoteId)) {
            throw new ConnectorException.Rejected("not-found", "The sandbox has no item " + remoteId + ".", 404, null);
        }
        moderated.merge(remoteId, what, (before, now) -> before.contains(now) ? before : before + "," + now);
    }

    synchronized Map<String, String> moderated() {
        return Map.copyOf(moderated);
    }

    synchronized boolean delete(String remoteId) {
        SandboxPublished published = byId.get(remoteId);
        if (published == null) {
            return false;
        }
        // Its reactions happened (people followed because of it); compute them before it goes.
        computeReactions();
        int index = timeline.indexOf(published);
        timeline.remove(index);
        computed--;
        byId.remove(remoteId);
        byKey.remove(published.post().idempotencyKey(), published);
        return true;
    }

    synchronized @Nullable InboundItem comment(String postId, SandboxPerson author, String text, Instant at) {
        SandboxPublished post = byId.get(postId);
        if (post == null) {
            return null;
        }
        long seq = audienceComments.size() + 1;
        var item = new InboundItem(
                "sb-a" + accountId + "-m" + seq,
                InboundItem.Kind.COMMENT,
                new InboundItem.Author(author.remoteId(), author.handle(), author.displayName()),
                text,
                postId,
                postId,
                null,
                null,
                at);
        audienceComments.add(new AudienceComment(seq, item));
        post.addAudienceComment();
        register(item, CommentIntent.QUESTION);
        return item;
    }

    synchronized InteractionPage interactions(@Nullable SandboxCursor cursor, Instant now) {
        computeReactions();
        long until = now.toEpochMilli();
        long from = cursor == null ? until - c.reactionWindow().toMillis() : cursor.at();
        List<InboundItem> simulated = new ArrayList<>();
        long oldestPost = from - c.reactionWindow().toMillis() - FOLLOW_SLACK;
        for (int i = timeline.size() - 1; i >= 0; i--) {
            SandboxPublished published = timeline.get(i);
            if (published.post().at().toEpochMilli() < oldestPost) {
                break;
            }
            if (published.reactions() == null) {
                continue;
            }
            for (InboundItem item : published.reactions().items()) {
                long at = item.at().toEpochMilli();
                if (at <= until && (cursor == null ? at > from : cursor.before(at, item.remoteId()))) {
                    simulated.add(item);
                }
            }
        }
        simulated.sort(SandboxReactions.CHRONOLOGICAL);
        long manualSeq = cursor == null ? 0 : cursor.manualSeq();
        List<InboundItem> page = new ArrayList<>();
        SandboxCursor next;
        if (cursor == null) {
            page.addAll(simulated.subList(Math.max(0, simulated.size() - c.pageSize()), simulated.size()));
            next = new SandboxCursor(until, "", audienceComments.size());
        } else if (simulated.size() > c.pageSize()) {
            page.addAll(simulated.subList(0, c.pageSize()));
            InboundItem last = page.get(page.size() - 1);
            next = new SandboxCursor(last.at().toEpochMilli(), last.remoteId(), audienceComments.size());
        } else {
            page.addAll(simulated);
            next = new SandboxCursor(until, "", audienceComments.size());
        }
        for (AudienceComment comment : audienceComments) {
            if (comment.seq() > manualSeq
                    || (cursor == null && comment.item().at().toEpochMilli() > from)) {
                page.add(comment.item());
            }
        }
        page.sort(SandboxReactions.CHRONOLOGICAL);
        return new InteractionPage(List.copyOf(page), next.encode());
    }

    synchronized List<MetricsSnapshot> metrics(List<String> remoteIds, Instant now) {
        computeReactions();
        long until = now.toEpochMilli();
        List<MetricsSnapshot> snapshots = new ArrayList<>();
        for (String remoteId : remoteIds) {
            SandboxPublished published = byId.get(remoteId);
            if (published != null) {
                snapshots.add(metrics(published, until, now));
            }
        }
        return snapshots;
    }

    synchronized SandboxFollowers.Snapshot audience(Instant now) {
        computeReactions();
        return followers.at(now.toEpochMilli());
    }

    synchronized List<SandboxConnector.Post> posts() {
        return timeline.stream().map(SandboxPublished::post).toList();
    }

    /** The intent of a simulated comment or direct message, if the simulation wrote it. */
    synchronized Optional<CommentIntent> intentOf(String remoteId) {
        computeReactions();
        return timeline.stream()
                .map(SandboxPublished::reactions)
                .filter(reactions -> reactions != null && reactions.intents().containsKey(remoteId))
                .map(reactions -> reactions.intents().get(remoteId))
                .findFirst();
    }

    synchronized boolean answered(String remoteId) {
        return answeredAt.containsKey(remoteId);
    }

    private MetricsSnapshot metrics(SandboxPublished published, long until, Instant now) {
        SandboxReactions reactions = published.reactions();
        if (reactions == null) {
            return new MetricsSnapshot(published.post().id(), 0L, 0, 0, published.audienceComments(), 0, 0L, now);
        }
        long likes = 0;
        long reposts = 0;
        long replies = published.audienceComments();
        for (InboundItem item : reactions.items()) {
            if (item.at().toEpochMilli() > until) {
                break;
            }
            switch (item.kind()) {
                case LIKE -> likes++;
                case REPOST -> reposts++;
                case COMMENT -> replies++;
                default -> {}
            }
        }
        long impressions = SandboxReactions.countUntil(reactions.impressions(), until);
        long clicks = SandboxReactions.countUntil(reactions.clicks(), until);
        return new MetricsSnapshot(published.post().id(), impressions, likes, reposts, replies, 0, clicks, now);
    }

    /** Computes, in publication order, the reactions to every post not yet simulated. */
    private void computeReactions() {
        for (; computed < timeline.size(); computed++) {
            SandboxPublished published = timeline.get(computed);
            if (!published.simulated() || published.reactions() != null) {
                continue;
            }
            double unanswered = unansweredShare(published.post().at().toEpochMilli());
            SandboxReactions reactions = SandboxReactions.simulate(published, unanswered, audience, followers, c, seed);
            published.reactions(reactions);
            for (InboundItem item : reactions.items()) {
                CommentIntent intent = reactions.intents().get(item.remoteId());
                if (intent != null) {
                    register(item, intent);
                }
            }
        }
    }

    private void register(InboundItem item, CommentIntent intent) {
        long at = item.at().toEpochMilli();
        conversations.put(item.remoteId(), at);
        if (intent.expectsAnswer()) {
            answerable.computeIfAbsent(at, key -> new ArrayList<>(1)).add(item.remoteId());
        }
    }

    /**
     * The share of comments left unanswered, as the audience saw it at the start of the hour {@code
     * at} falls in: comments that arrived within the responsiveness window and are older than the
     * grace period, not answered by then. Zero when there were none.
     */
    private double unansweredShare(long at) {
        long hour = at - Math.floorMod(at, HOUR);
        return unansweredByHour.computeIfAbsent(hour, start -> {
            long from = start - c.responsivenessWindow().toMillis();
            long to = start - c.answerGrace().toMillis();
            if (to < from) {
                return 0.0;
            }
            int total = 0;
            int unanswered = 0;
            for (List<String> ids : answerable.subMap(from, true, to, true).values()) {
                for (String id : ids) {
                    total++;
                    Long answered = answeredAt.get(id);
                    if (answered == null || answered > start) {
                        unanswered++;
                    }
                }
            }
            return total == 0 ? 0.0 : (double) unanswered / total;
        });
    }

    /** Forgets the oldest post, keeping the account's memory bounded. */
    private void forgetOldest() {
        computeReactions();
        SandboxPublished oldest = timeline.remove(0);
        computed--;
        byId.remove(oldest.post().id());
        byKey.remove(oldest.post().idempotencyKey(), oldest);
        SandboxReactions reactions = oldest.reactions();
        if (reactions != null) {
            for (String id : reactions.intents().keySet()) {
                Long at = conversations.remove(id);
                List<String> ids = at == null ? null : answerable.get(at);
                if (ids != null && ids.remove(id) && ids.isEmpty()) {
                    answerable.remove(at);
                }
                answeredAt.remove(id);
            }
        }
    }
}
