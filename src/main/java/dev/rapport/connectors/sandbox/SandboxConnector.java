package dev.rapport.connectors.sandbox;

import dev.rapport.connectors.sandbox.SandboxFaults.Operation;
import dev.rapport.connectors.spi.AudienceSnapshot;
import dev.rapport.connectors.spi.Capability;
import dev.rapport.connectors.spi.ConfigProperty;
import dev.rapport.connectors.spi.ConnectedAccount;
import dev.rapport.connectors.spi.Connection;
import dev.rapport.connectors.spi.ConnectorException;
import dev.rapport.connectors.spi.InboundItem;
import dev.rapport.connectors.spi.InteractionPage;
import dev.rapport.connectors.spi.MetricsSnapshot;
import dev.rapport.connectors.spi.Moderation;
import dev.rapport.connectors.spi.NetworkConnector;
import dev.rapport.connectors.spi.PublishReceipt;
import dev.rapport.connectors.spi.PublishRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * Rapport's built-in simulated network, clearly labelled as such. What is published is kept in
 * memory, like a network that does not deduplicate by itself (every accepted call makes a new post);
 * posts remember their idempotency key, so that a lost response can be looked up. A simulated
 * audience per account ({@link SandboxAudience}) reacts to each post as {@link SandboxCoefficients}
 * says, computed lazily from the seed and the clock; calls misbehave as {@link SandboxFaults} says.
 */
public class SandboxConnector implements NetworkConnector {

    public static final String NETWORK = "sandbox";
    /** The setting that carries when a connection expires; {@link #refresh} renews it. */
    public static final String EXPIRES_AT = "expiresAt";

    /**
     * A post on the sandbox network.
     *
     * @param replyTo the comment, direct message or post it answers; null for a post of its own
     */
    public record Post(
            String id,
            long accountId,
            String idempotencyKey,
            String text,
            @Nullable String link,
            @Nullable String replyTo,
            Instant at) {}

    private final SandboxFaultInjector faults;
    private final SandboxCoefficients coefficients;
    private final Clock clock;
    private final long seed;
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, SandboxAccount> accounts = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> calls = new ConcurrentHashMap<>();

    /** The default audience on the system clock, seeded by the faults' seed. */
    public SandboxConnector(SandboxFaults faults) {
        this(faults, SandboxCoefficients.defaults(), Clock.systemUTC());
    }

    /** The audience and its reactions are seeded by {@code faults.seed()}; time is {@code clock}'s. */
    public SandboxConnector(SandboxFaults faults, SandboxCoefficients coefficients, Clock clock) {
        this.faults = new SandboxFaultInjector(faults);
        this.coefficients = coefficients;
        this.clock = clock;
        this.seed = faults.seed();
    }

    @Override
    public String network() {
        return NETWORK;
    }

    @Override
    public Set<Capability> capabilities() {
        // Everything but pushing: the simulated network has nothing to push from, and is polled.
        return EnumSet.complementOf(EnumSet.of(Capability.PUSH));
    }

    @Override
    public List<ConfigProperty> configuration() {
        return List.of(ConfigProperty.text("handle"));
    }

    @Override
    public ConnectedAccount connect(Map<String, String> settings, Map<String, String> credentials) {
        var verdict = call(Operation.CONNECT, null);
        String handle = settings.getOrDefault("handle", "").strip();
        if (handle.isEmpty()) {
            throw new ConnectorException.Rejected("handle-missing", "The sandbox needs a handle.", 400, null);
        }
        faults.after(verdict);
        return connected(handle);
    }

    /** Renews the connection for another {@link SandboxCoefficients#connectionLifetime()}. */
    @Override
    public ConnectedAccount refresh(Connection connection) {
        var verdict = call(Operation.REFRESH, null);
        String handle = connection.settings().getOrDefault("handle", "sandbox-" + connection.accountId());
        faults.after(verdict);
        return connected(handle);
    }

    @Override
    public PublishReceipt publish(Connection connection, PublishRequest request) {
        var verdict = call(Operation.PUBLISH, connection);
        if (request.text().isBlank()) {
            throw new ConnectorException.Rejected("empty", "The sandbox does not accept an empty post.", 400, null);
        }
        if (request.text().codePointCount(0, request.text().length()) > coefficients.maxTextLength()) {
            throw new ConnectorException.Rejected(
                    "too-long",
                    "The sandbox accepts posts of at most " + coefficients.maxTextLength() + " characters.",
                    400,
                    null);
        }
        SandboxAccount account = account(connection.accountId());
        if (request.replyTo() != null && !account.knows(request.replyTo())) {
            throw new ConnectorException.Rejected(
                    "reply-target-missing", "The item this replies to is not on the sandbox.", 404, null);
        }
        Post post = account.publish(ids.incrementAndGet(), request, now());
        faults.after(verdict);
        return receipt(post);
    }

    @Override
    public Optional<PublishReceipt> findPublished(Connection connection, PublishRequest request) {
        var verdict = call(Operation.FIND, connection);
        Optional<PublishReceipt> found = account(connection.accountId())
                .findPublished(request.idempotencyKey())
                .map(SandboxConnector::receipt);
        faults.after(verdict);
        return found;
    }

    @Override
    public void delete(Connection connection, String remoteId) {
        var verdict = call(Operation.DELETE, connection);
        account(connection.accountId()).delete(remoteId);
        faults.after(verdict);
    }

    @Override
    public void report(Connection connection, Moderation moderation) {
        var verdict = call(Operation.MODERATE, connection);
        account(connection.accountId()).moderate(moderation.remoteId(), "reported:" + moderation.reason());
        faults.after(verdict);
    }

    @Override
    public void hide(Connection connection, Moderation moderation) {
        var verdict = call(Operation.MODERATE, connection);
        account(connection.accountId()).moderate(moderation.remoteId(), "hidden");
        faults.after(verdict);
    }

    /** What the account's team reported or hid: item id → {@code reported:SPAM}, {@code hidden}, … */
    public Map<String, String> moderated(long accountId) {
        return account(accountId).moderated();
    }

    /** Pages hold at most {@link SandboxCoefficients#pageSize()} simulated items, oldest first. */
    @Override
    public InteractionPage interactions(Connection connection, @Nullable String cursor) {
        var verdict = call(Operation.INTERACTIONS, connection);
        SandboxCursor from;
        try {
            from = cursor == null ? null : SandboxCursor.parse(cursor);
        } catch (IllegalArgumentException e) {
            throw new ConnectorException.Rejected("bad-cursor", "The sandbox does not know this cursor.", 400, null);
        }
        InteractionPage page = account(connection.accountId()).interactions(from, now());
        faults.after(verdict);
        return page;
    }

    @Override
    public List<MetricsSnapshot> metrics(Connection connection, List<String> remoteIds) {
        var verdict = call(Operation.METRICS, connection);
        List<MetricsSnapshot> metrics = account(connection.accountId()).metrics(remoteIds, now());
        faults.after(verdict);
        return metrics;
    }

    /** Followers now, with their shares by {@code age}, {@code gender}, {@code language} and {@code region}. */
    @Override
    public AudienceSnapshot audience(Connection connection) {
        var verdict = call(Operation.AUDIENCE, connection);
        Instant now = now();
        SandboxFollowers.Snapshot snapshot = account(connection.accountId()).audience(now);
        faults.after(verdict);
        return new AudienceSnapshot(snapshot.followers(), 0L, snapshot.demographics(), now);
    }

    /**
     * Someone in the simulated audience comments on a post, now: for tests and demos that need a
     * particular comment. The author is the account's simulated person with that handle, or a
     * passer-by of that name.
     */
    public InboundItem comment(String postId, String authorHandle, String text) {
        Post post = posts().stream()
                .filter(candidate -> candidate.id().equals(postId))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no sandbox post " + postId));
        SandboxAccount account = account(post.accountId());
        SandboxPerson author = account.audience().people().stream()
                .filter(person -> person.handle().equals(authorHandle))
                .findFirst()
                .orElseGet(() -> passerBy(authorHandle));
        InboundItem item = account.comment(postId, author, text, now());
        if (item == null) {
            throw new IllegalArgumentException("no sandbox post " + postId);
        }
        return item;
    }

    /** Everything published so far, replies included (with what they answer), oldest first. */
    public List<Post> posts() {
        return accounts.values().stream()
                .flatMap(account -> account.posts().stream())
                .sorted(Comparator.comparingLong(
                        post -> Long.parseLong(post.id().substring(3))))
                .toList();
    }

    /** Calls made so far of one operation: {@code publish}, {@code find}, {@code delete}, {@code interactions}… */
    public long calls(String operation) {
        return calls.getOrDefault(operation, new AtomicLong()).get();
    }

    /** The simulated people of an account. */
    public SandboxAudience people(long accountId) {
        return account(accountId).audience();
    }

    /** Whether a reply published through the sandbox has answered this comment or direct message. */
    public boolean answered(long accountId, String remoteId) {
        return account(accountId).answered(remoteId);
    }

    /** What a simulated comment or direct message is about; empty for other items. */
    public Optional<CommentIntent> intentOf(long accountId, String remoteId) {
        return account(accountId).intentOf(remoteId);
    }

    private SandboxAccount account(long accountId) {
        return accounts.computeIfAbsent(accountId, id -> new SandboxAccount(id, seed, coefficients));
    }

    private ConnectedAccount connected(String handle) {
        Instant expiresAt = now().plus(coefficients.connectionLifetime());
        return new ConnectedAccount(
                "sandbox:" + handle,
                handle,
                Map.of("handle", handle, EXPIRES_AT, expiresAt.toString()),
                Map.of(),
                expiresAt);
    }

    /** Counts the call, waits and fails as configured, and refuses an expired connection. */
    private SandboxFaultInjector.Verdict call(Operation operation, @Nullable Connection connection) {
        calls.computeIfAbsent(operationName(operation), key -> new AtomicLong()).incrementAndGet();
        if (connection != null && expired(connection)) {
            throw new ConnectorException.AuthExpired("the sandbox connection expired", 401, null);
        }
        return faults.before(operation);
    }

    private boolean expired(Connection connection) {
        String expiresAt = connection.settings().get(EXPIRES_AT);
        try {
            return expiresAt != null && !now().isBefore(Instant.parse(expiresAt));
        } catch (DateTimeParseException e) {
            return true;
        }
    }

    private static String operationName(Operation operation) {
        return operation.name().toLowerCase(java.util.Locale.ROOT);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static SandboxPerson passerBy(String handle) {
        return new SandboxPerson(-1, handle, handle, "en", "25-34", "other", "", List.of(), 1, 1, 1, 1, false);
    }

    private static PublishReceipt receipt(Post post) {
        return new PublishReceipt(post.id(), "https://sandbox.rapport.invalid/posts/" + post.id(), post.at());
    }
}
