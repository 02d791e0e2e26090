package dev.rapport.connectors.sandbox;

import dev.rapport.connectors.spi.AudienceSnapshot;
import dev.rapport.connectors.spi.Capability;
import dev.rapport.connectors.spi.ConfigProperty;
import dev.rapport.connectors.spi.ConnectedAccount;
import dev.rapport.connectors.spi.Connection;
import dev.rapport.connectors.spi.ConnectorException;
import dev.rapport.connectors.spi.InboundItem;
import dev.rapport.connectors.spi.InteractionPage;
import dev.rapport.connectors.spi.MetricsSnapshot;
import dev.rapport.connectors.spi.NetworkConnector;
import dev.rapport.connectors.spi.PublishReceipt;
import dev.rapport.connectors.spi.PublishRequest;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * Rapport's built-in simulated network, clearly labelled as such: it keeps what is published in
 * memory, like a network that does not deduplicate by itself (every accepted call makes a new post),
 * and misbehaves as {@link SandboxFaults} says. Posts remember the idempotency key they were sent
 * with, so a lost response can be looked up, as on Bluesky by record key.
 */
public class SandboxConnector implements NetworkConnector {

    public static final String NETWORK = "sandbox";

    /** A post on the sandbox network. */
    public record Post(String id, long accountId, String idempotencyKey, String text, Instant at) {}

    private record Interaction(long sequence, long accountId, InboundItem item) {}

    private final SandboxFaults faults;
    private final Random random;
    private final AtomicLong ids = new AtomicLong();
    private final List<Post> posts = new CopyOnWriteArrayList<>();
    private final List<Interaction> interactions = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicLong> calls = new ConcurrentHashMap<>();

    public SandboxConnector(SandboxFaults faults) {
        this.faults = faults;
        this.random = new Random(faults.seed());
    }

    @Override
    public String network() {
        return NETWORK;
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.allOf(Capability.class);
    }

    @Override
    public List<ConfigProperty> configuration() {
        return List.of(ConfigProperty.text("handle"));
    }

    @Override
    public ConnectedAccount connect(Map<String, String> settings, Map<String, String> credentials) {
        String handle = settings.getOrDefault("handle", "").strip();
        if (handle.isEmpty()) {
            throw new ConnectorException.Rejected("handle-missing", "The sandbox needs a handle.", 400, null);
        }
        return new ConnectedAccount("sandbox:" + handle, handle, Map.of("handle", handle), Map.of(), null);
    }

    @Override
    public InteractionPage interactions(Connection connection, @Nullable String cursor) {
        long after = cursor == null ? 0 : Long.parseLong(cursor);
        List<Interaction> page = interactions.stream()
                .filter(interaction ->
                        interaction.accountId() == connection.accountId() && interaction.sequence() > after)
                .toList();
        long last = page.isEmpty() ? after : page.get(page.size() - 1).sequence();
        return new InteractionPage(page.stream().map(Interaction::item).toList(), Long.toString(last));
    }

    /** Someone in the simulated audience comments on a post. */
    public InboundItem comment(String postId, String authorHandle, String text) {
        Post post = posts.stream()
                .filter(candidate -> candidate.id().equals(postId))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no sandbox post " + postId));
        long sequence = ids.incrementAndGet();
        InboundItem item = new InboundItem(
                "sb-c" + sequence,
                InboundItem.Kind.COMMENT,
                new InboundItem.Author("sandbox:" + authorHandle, authorHandle, null),
                text,
                postId,
                postId,
                null,
                null,
                Instant.now());
        interactions.add(new Interaction(sequence, post.accountId(), item));
        return item;
    }

    @Override
    public List<MetricsSnapshot> metrics(Connection connection, List<String> remoteIds) {
        Instant now = Instant.now();
        return posts.stream()
                .filter(post -> post.accountId() == connection.accountId() && remoteIds.contains(post.id()))
                .map(post -> new MetricsSnapshot(post.id(), 0L, 0, 0, 0, 0, 0L, now))
                .toList();
    }

    @Override
    public AudienceSnapshot audience(Connection connection) {
        return new AudienceSnapshot(0, 0L, Map.of(), Instant.now());
    }

    @Override
    public PublishReceipt publish(Connection connection, PublishRequest request) {
        count("publish");
        latency();
        double roll = roll();
        if (roll < faults.rateLimited()) {
            throw new ConnectorException.RateLimited(faults.retryAfter(), 429, "sandbox-" + ids.incrementAndGet());
        }
        roll -= faults.rateLimited();
        if (roll < faults.serverError()) {
            throw new ConnectorException.Transient(
                    "sandbox answered 503", false, 503, "sandbox-" + ids.incrementAndGet(), null);
        }
        roll -= faults.serverError();
        if (roll < faults.timeout()) {
            throw new ConnectorException.Transient("timed out before the sandbox answered", true, null, null, null);
        }
        roll -= faults.timeout();
        if (request.text().isBlank()) {
            throw new ConnectorException.Rejected("empty", "The sandbox does not accept an empty post.", 400, null);
        }
        Post post = new Post(
                "sb-" + ids.incrementAndGet(),
                connection.accountId(),
                request.idempotencyKey(),
                request.text(),
                Instant.now());
        posts.add(post);
        if (roll < faults.responseLost()) {
            throw new ConnectorException.Transient(
                    "connection reset after the sandbox applied the post", true, null, null, null);
        }
        return receipt(post);
    }

    @Override
    public Optional<PublishReceipt> findPublished(Connection connection, PublishRequest request) {
        count("find");
        latency();
        return posts.stream()
                .filter(post -> post.accountId() == connection.accountId()
                        && post.idempotencyKey().equals(request.idempotencyKey()))
                .findFirst()
                .map(SandboxConnector::receipt);
    }

    @Override
    public void delete(Connection connection, String remoteId) {
        count("delete");
        posts.removeIf(
                post -> post.accountId() == connection.accountId() && post.id().equals(remoteId));
    }

    /** Everything published so far, for tests and the demo. */
    public List<Post> posts() {
        return List.copyOf(posts);
    }

    public long calls(String operation) {
        return calls.getOrDefault(operation, new AtomicLong()).get();
    }

    private static PublishReceipt receipt(Post post) {
        return new PublishReceipt(post.id(), "https://sandbox.rapport.invalid/posts/" + post.id(), post.at());
    }

    private synchronized double roll() {
        return random.nextDouble();
    }

    private void count(String operation) {
        calls.computeIfAbsent(operation, key -> new AtomicLong()).incrementAndGet();
    }

    private void latency() {
        if (!faults.latency().isZero()) {
            try {
                Thread.sleep(faults.latency().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ConnectorException.Transient("interrupted", true, null, null, e);
            }
        }
    }
}
