package dev.rapport.connectors;

import dev.rapport.accounts.AccountAccess;
import dev.rapport.accounts.AccountManagement;
import dev.rapport.accounts.AccountPermission;
import dev.rapport.accounts.AccountStatus;
import dev.rapport.accounts.AccountView;
import dev.rapport.accounts.ConnectionCredentials;
import dev.rapport.connectors.ConnectionEvents.Connected;
import dev.rapport.connectors.ConnectionEvents.Disconnected;
import dev.rapport.connectors.ConnectionEvents.Expired;
import dev.rapport.connectors.domain.ConnectionRecords;
import dev.rapport.connectors.domain.PushRecords;
import dev.rapport.connectors.http.ServerAddress;
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
import dev.rapport.connectors.spi.PublishRequest;
import dev.rapport.connectors.spi.PushSubscription;
import dev.rapport.connectors.spi.PushTarget;
import dev.rapport.core.Refusal;
import dev.rapport.screening.Action;
import dev.rapport.screening.Policies;
import dev.rapport.screening.Screening;
import dev.rapport.screening.Verdict;
import dev.rapport.team.Actor;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The connectors module's facade: members connect an account to its network (or to the sandbox
 * network), see how the connection is doing and disconnect it; other modules publish, read what
 * the audience did, and read metrics through it, always through the {@link ConnectorEngine}.
 * Expired tokens are refreshed once, transparently; a connection that cannot be refreshed is marked
 * expired and its owners are told ({@link ConnectionEvents.Expired}). No call to a network runs
 * inside a database transaction; what is written after one commits in a transaction of its own.
 */
@Service
public class Connections {

    static final int MAX_VALUE_LENGTH = 2000;

    /** A way to connect an account: a connector and the form it needs. */
    public record Choice(String connector, boolean simulated, List<ConfigProperty> properties) {}

    /** What a member entered to connect an account with the given connector. */
    public record Connect(String connector, Map<String, String> values) {
        @Override
        public String toString() {
            // The values hold secrets: never in a log.
            return "Connect[" + connector + ", fields=" + values.keySet() + "]";
        }
    }

    /** An account the member can see, with its connection. */
    public record Overview(AccountView account, ConnectionView connection) {}

    private final ConnectorRegistry registry;
    private final ConnectionRecords records;
    private final PushRecords pushes;
    private final ConnectionCredentials credentials;
    private final AccountManagement accounts;
    private final AccountAccess access;
    private final ConnectorEngine engine;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Screening screening;
    private final Policies policies;
    private final boolean allowPrivateNetworks;
    private final org.springframework.context.MessageSource messages;

    Connections(
            ConnectorRegistry registry,
            ConnectionRecords records,
            PushRecords pushes,
            ConnectionCredentials credentials,
            AccountManagement accounts,
            AccountAccess access,
            ConnectorEngine engine,
            ApplicationEventPublisher events,
            TransactionTemplate transactions,
            Screening screening,
            Policies policies,
            ConnectorsProperties properties,
            org.springframework.context.MessageSource messages) {
        this.registry = registry;
        this.records = records;
        this.pushes = pushes;
        this.credentials = credentials;
        this.accounts = accounts;
        this.access = access;
        this.engine = engine;
        this.events = events;
        this.transactions = transactions;
        this.screening = screening;
        this.policies = policies;
        this.allowPrivateNetworks = properties.allowPrivateNetworks();
        this.messages = messages;
    }

    /** How the account can be connected: its network's own connector first, then the sandbox. */
    public List<Choice> choices(long accountId) {
        AccountView account = accounts.account(accountId);
        return registry.forNetwork(account.network()).stream()
                .map(connector -> new Choice(
                        connector.network(),
                        connector.network().equals(ConnectorRegistry.SANDBOX),
                        connector.configuration()))
                .toList();
    }

    public ConnectionView connection(long accountId) {
        access.requireVisible(accountId);
        return records.find(accountId).orElseGet(() -> ConnectionView.notConnected(accountId));
    }

    /** Whether the account's connection can be used now, without any access check: for background work. */
    public boolean usable(long accountId) {
        return records.find(accountId).map(ConnectionView::usable).orElse(false);
    }

    /** Every account the member can see, with how it is connected. */
    public List<Overview> overview() {
        Map<Long, ConnectionView> connections = new LinkedHashMap<>();
        records.all().forEach(connection -> connections.put(connection.accountId(), connection));
        return accounts.accounts().stream()
                .filter(account -> account.status() == AccountStatus.ACTIVE || account.status() == AccountStatus.PAUSED)
                .map(account -> new Overview(
                        account, connections.getOrDefault(account.id(), ConnectionView.notConnected(account.id()))))
                .toList();
    }

    /**
     * Signs in to the network with what the member entered; what the network confirms is kept —
     * settings in the open, credentials in the vault.
     */
    public ConnectionView connect(long accountId, Connect command) {
        access.require(accountId, AccountPermission.MANAGE_CREDENTIALS);
        AccountView account = accounts.account(accountId);
        if (account.status() != AccountStatus.ACTIVE && account.status() != AccountStatus.PAUSED) {
            throw Refusal.conflict("connection.account-not-active");
        }
        NetworkConnector connector = registry.forNetwork(account.network()).stream()
                .filter(candidate -> candidate.network().equals(command.connector()))
                .findFirst()
                .orElseThrow(() -> Refusal.invalid("connection.connector-unknown", command.connector()));
        Map<String, String> settings = new LinkedHashMap<>();
        Map<String, String> secrets = new LinkedHashMap<>();
        for (ConfigProperty property : connector.configuration()) {
            String value = value(property, command.values());
            if (value != null) {
                (property.secret() ? secrets : settings).put(property.name(), value);
            }
        }
        ConnectedAccount linked;
        try {
            linked = engine.call(
                    connector,
                    new Connection(accountId, settings, secrets),
                    (network, connection) -> network.connect(connection.settings(), connection.credentials()));
        } catch (ConnectorException.Rejected rejected) {
            // In the member's language where Rapport knows the refusal, else in the network's words.
            if (rejected.code().equals("credentials-refused")) {
                throw Refusal.invalid("connection.credentials-refused");
            }
            String known = "connector." + connector.network() + ".rejected." + rejected.code();
            if (messages.getMessage(known, null, null, java.util.Locale.ROOT) != null) {
                throw Refusal.invalid(known);
            }
            throw Refusal.invalid("connection.rejected", rejected.userMessage());
        } catch (ConnectorException.AuthExpired refused) {
            throw Refusal.invalid("connection.credentials-refused");
        } catch (ConnectorException unavailable) {
            throw Refusal.unavailable("connection.network-unavailable");
        }
        Actor actor = Actor.current();
        transactions.executeWithoutResult(status -> {
            credentials.store(accountId, linked.credentials());
            records.save(
                    accountId,
                    connector.network(),
                    linked.remoteId(),
                    linked.handle(),
                    linked.settings(),
                    linked.expiresAt(),
                    actor.requireMemberId());
            events.publishEvent(new Connected(
                    actor.email(), accountId, connector.network(), linked.handle(), actor.source(), Instant.now()));
        });
        return connection(accountId);
    }

    /** Connects an account to the sandbox network for no member in particular: the demo workspace. */
    void connectToSandbox(AccountView account, long connectedBy) {
        NetworkConnector sandbox = registry.find(ConnectorRegistry.SANDBOX).orElseThrow();
        ConnectedAccount linked = engine.call(
                sandbox,
                new Connection(account.id(), Map.of("handle", account.handle()), Map.of()),
                (network, connection) -> network.connect(connection.settings(), connection.credentials()));
        records.save(
                account.id(),
                sandbox.network(),
                linked.remoteId(),
                linked.handle(),
                linked.settings(),
                linked.expiresAt(),
                connectedBy);
    }

    public void disconnect(long accountId) {
        access.require(accountId, AccountPermission.MANAGE_CREDENTIALS);
        ConnectionView connection =
                records.find(accountId).orElseThrow(() -> Refusal.notFound("connection.not-connected"));
        Actor actor = Actor.current();
        boolean pushing = stopPushes(accountId);
        transactions.executeWithoutResult(status -> {
            credentials.remove(accountId);
            records.disconnected(accountId);
            pushes.delete(accountId);
            events.publishEvent(
                    new Disconnected(actor.email(), accountId, connection.connector(), actor.source(), Instant.now()));
            if (pushing) {
                events.publishEvent(new ConnectionEvents.PushUnsubscribed(
                        actor.email(), accountId, connection.connector(), Instant.now()));
            }
        });
    }

    /**
     * Asks the network to stop pushing while the account's token still works; true if it had been
     * pushing. A network that cannot be reached then stops on its own: the receiving address answers
     * 410 Gone from now on, which ends a Web Push subscription.
     */
    private boolean stopPushes(long accountId) {
        boolean pushing =
                pushes.ofAccount(accountId).map(PushRecords.Stored::supported).orElse(false);
        if (pushing) {
            try {
                read(accountId, (connector, connection) -> {
                    connector.unsubscribe(connection);
                    return accountId;
                });
            } catch (ConnectorException unreachable) {
                // See above: the next push is answered with 410.
            }
        }
        return pushing;
    }

    /**
     * Publishes for whoever scheduled it (no member check: the publishing module checked when the
     * post was approved). Never throws for a network's failure: the outcome says what happened.
     */
    public PublishOutcome publish(long accountId, PublishRequest request) {
        return publish(accountId, request, null);
    }

    /** As {@link #publish(long, PublishRequest)}, with the verdict when the caller has screened the text already. */
    private PublishOutcome publish(long accountId, PublishRequest request, @Nullable Verdict screened) {
        Optional<Live> found = live(accountId);
        if (found.isEmpty()) {
            // Nothing is sent with credentials the network refused: the owner connects again first.
            return records.find(accountId)
                    .map(expired -> PublishOutcome.failed("auth-expired", expired.failureMessage(), 0))
                    .orElseGet(() -> PublishOutcome.failed("not-connected", null, 0));
        }
        Live live = found.get();
        if (accounts.find(accountId)
                .map(account -> account.status() != AccountStatus.ACTIVE)
                .orElse(true)) {
            return PublishOutcome.failed("account-not-active", null, 0);
        }
        // The last line: nothing the policy blocks leaves Rapport, whoever asks.
        Verdict verdict = screened != null ? screened : screening.screen(request.text(), request.language());
        if (verdict.action() == Action.BLOCK) {
            return PublishOutcome.failed("blocked-by-policy", verdict.reason(), 0);
        }
        PublishOutcome outcome = engine.publish(live.connector(), live.connection(), request);
        if ("auth-expired".equals(outcome.reason())) {
            Optional<Connection> refreshed;
            try {
                refreshed = refresh(live, outcome.message());
            } catch (ConnectorException unavailable) {
                records.failed(accountId, "unavailable", unavailable.getMessage());
                return PublishOutcome.failed("unavailable", unavailable.getMessage(), outcome.attempts());
            }
            if (refreshed.isPresent()) {
                outcome = engine.publish(live.connector(), refreshed.get(), request);
            }
        }
        switch (outcome.status()) {
            case PUBLISHED -> records.succeeded(accountId);
            case OUTCOME_UNKNOWN -> records.failed(accountId, "outcome-unknown", null);
            case FAILED -> {
                String reason = outcome.reason() == null ? "unavailable" : outcome.reason();
                if (reason.equals("auth-expired")) {
                    expired(live, outcome.message());
                } else if (reason.startsWith("rejected:")) {
                    records.succeeded(accountId); // the network answered: the content was the problem
                } else {
                    records.failed(accountId, reason, outcome.message());
                }
            }
        }
        return outcome;
    }

    /**
     * A member publishes a short text on the account at once, to check the connection end to end
     * (the composer, with approval and scheduling, is the way to publish content). Needs the
     * publish permission; audited.
     */
    public PublishOutcome publishTestPost(long accountId, String text) {
        access.require(accountId, AccountPermission.PUBLISH);
        String body = text.strip();
        if (body.isEmpty() || body.length() > 500) {
            throw Refusal.invalid("connection.test-post-invalid", 500);
        }
        Actor actor = Actor.current();
        policies.requireMayPublish(actor.requireMemberId());
        Verdict verdict = screening.screen(body, null);
        if (verdict.flagged()) {
            // A test post has no approval step: what the policy holds is not sent either.
            throw Refusal.invalid("screening.blocked", verdict.reason());
        }
        PublishOutcome outcome = publish(
                accountId, PublishRequest.text(java.util.UUID.randomUUID().toString(), body), verdict);
        if (outcome.status() == PublishOutcome.Status.PUBLISHED) {
            transactions.executeWithoutResult(status -> events.publishEvent(new ConnectionEvents.TestPostPublished(
                    actor.email(), accountId, outcome.receipt().remoteId(), actor.source(), Instant.now())));
        }
        return outcome;
    }

    /**
     * Whether the network has what an earlier attempt at this request published: how a publication
     * whose outcome is unknown is settled before it is tried again.
     */
    public Optional<dev.rapport.connectors.spi.PublishReceipt> findPublished(long accountId, PublishRequest request) {
        return read(accountId, (connector, connection) -> connector.findPublished(connection, request));
    }

    /** What the audience did since the cursor. */
    public InteractionPage interactions(long accountId, @Nullable String cursor) {
        return read(accountId, (connector, connection) -> connector.interactions(connection, cursor));
    }

    public List<MetricsSnapshot> metrics(long accountId, List<String> remoteIds) {
        return read(accountId, (connector, connection) -> connector.metrics(connection, remoteIds));
    }

    public AudienceSnapshot audience(long accountId) {
        return read(accountId, NetworkConnector::audience);
    }

    /**
     * The interactions a push announced, read through the engine as {@link #interactions} are; empty
     * when the account is no longer connected.
     */
    public List<InboundItem> pushed(long accountId, String reference) {
        if (live(accountId).isEmpty()) {
            return List.of();
        }
        return read(accountId, (connector, connection) -> connector.pushed(connection, reference));
    }

    /** Asks the network to push the account's interactions to {@code target}. */
    PushSubscription subscribe(long accountId, PushTarget target) {
        return read(accountId, (connector, connection) -> connector.subscribe(connection, target));
    }

    /** Reports an item of the audience's to the network's moderators. */
    public void report(long accountId, Moderation moderation) {
        read(accountId, (connector, connection) -> {
            connector.report(connection, moderation);
            return moderation;
        });
    }

    /** Hides a reply under the account's own post. */
    public void hide(long accountId, Moderation moderation) {
        read(accountId, (connector, connection) -> {
            connector.hide(connection, moderation);
            return moderation;
        });
    }

    /** What the account's connector can do on its network; empty when it is not connected. */
    public Set<Capability> capabilities(long accountId) {
        return records.find(accountId)
                .flatMap(connection -> registry.find(connection.connector()))
                .map(NetworkConnector::capabilities)
                .orElse(Set.of());
    }

    public void delete(long accountId, String remoteId) {
        read(accountId, (connector, connection) -> {
            connector.delete(connection, remoteId);
            return remoteId;
        });
    }

    /**
     * A call through the engine, refreshing an expired token once; failures are recorded on the
     * connection and thrown as the network reported them.
     */
    private <T> T read(long accountId, BiFunction<NetworkConnector, Connection, T> operation) {
        Live live = live(accountId).orElseThrow(() -> new ConnectorException.AuthExpired("not connected", null, null));
        try {
            T result = callRefreshing(live, operation);
            records.succeeded(accountId);
            return result;
        } catch (ConnectorException.AuthExpired expired) {
            expired(live, expired.getMessage());
            throw expired;
        } catch (ConnectorException.Rejected rejected) {
            throw rejected;
        } catch (ConnectorException failure) {
            records.failed(
                    accountId,
                    failure instanceof ConnectorException.RateLimited ? "rate-limited" : "unavailable",
                    failure.getMessage());
            throw failure;
        }
    }

    private <T> T callRefreshing(Live live, BiFunction<NetworkConnector, Connection, T> operation) {
        try {
            return engine.call(live.connector(), live.connection(), operation);
        } catch (ConnectorException.AuthExpired expired) {
            Connection refreshed = refresh(live, expired.getMessage()).orElseThrow(() -> expired);
            return engine.call(live.connector(), refreshed, operation);
        }
    }

    /**
     * New tokens from the network, kept; empty if the owner must connect again. A network that does
     * not answer throws: that is no reason to call the connection expired.
     */
    private Optional<Connection> refresh(Live live, @Nullable String why) {
        if (!live.connector().capabilities().contains(Capability.TOKEN_REFRESH)) {
            return Optional.empty();
        }
        long accountId = live.connection().accountId();
        try {
            ConnectedAccount renewed = engine.call(live.connector(), live.connection(), NetworkConnector::refresh);
            transactions.executeWithoutResult(status -> {
                if (records.renewed(accountId, renewed.settings(), renewed.expiresAt())) {
                    credentials.renew(accountId, renewed.credentials(), live.connectedBy());
                }
            });
            return Optional.of(new Connection(accountId, renewed.settings(), renewed.credentials()));
        } catch (ConnectorException.AuthExpired | ConnectorException.Rejected refused) {
            return Optional.empty();
        }
    }

    private void expired(Live live, @Nullable String message) {
        long accountId = live.connection().accountId();
        transactions.executeWithoutResult(status -> {
            if (records.expired(accountId, message)) {
                events.publishEvent(new Expired(accountId, live.connector().network(), message, Instant.now()));
            }
        });
    }

    private record Live(NetworkConnector connector, Connection connection, long connectedBy) {}

    private Optional<Live> live(long accountId) {
        return records.find(accountId)
                .filter(connection -> !records.refused(accountId))
                .flatMap(connection -> registry.find(connection.connector())
                        .map(connector -> new Live(
                                connector,
                                new Connection(
                                        accountId,
                                        connection.settings(),
                                        credentials.open(accountId).orElse(Map.of())),
                                connection.connectedBy() == null ? 0 : connection.connectedBy())));
    }

    private @Nullable String value(ConfigProperty property, Map<String, String> values) {
        String value = values.get(property.name());
        value = value == null ? null : value.strip();
        if (value == null || value.isEmpty()) {
            if (property.defaultValue() != null) {
                return property.defaultValue();
            }
            if (property.required()) {
                throw Refusal.invalid("connection.value-missing", property.name());
            }
            return null;
        }
        if (value.length() > MAX_VALUE_LENGTH) {
            throw Refusal.invalid("connection.value-too-long", property.name(), MAX_VALUE_LENGTH);
        }
        if (property.type() == ConfigProperty.Type.URL) {
            String entered = value;
            return ServerAddress.check(entered, allowPrivateNetworks)
                    .orElseThrow(() -> Refusal.invalid("connection.url-invalid", entered));
        }
        return value;
    }
}
