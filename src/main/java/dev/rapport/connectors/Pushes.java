package dev.rapport.connectors;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import dev.rapport.accounts.ConnectionCredentials;
import dev.rapport.connectors.ConnectionEvents.Connected;
import dev.rapport.connectors.ConnectionEvents.PushSubscribed;
import dev.rapport.connectors.domain.ConnectionRecords;
import dev.rapport.connectors.domain.PushRecords;
import dev.rapport.connectors.push.PushKeys;
import dev.rapport.connectors.spi.Capability;
import dev.rapport.connectors.spi.ConnectorException;
import dev.rapport.connectors.spi.NetworkConnector;
import dev.rapport.connectors.spi.PushSubscription;
import dev.rapport.connectors.spi.PushTarget;
import dev.rapport.core.AuditRecord;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What networks push (Web Push): each connected account whose connector can push
 * ({@link Capability#PUSH}) is subscribed once Rapport's public address is set
 * ({@code rapport.public-url}), with fresh keys kept in the vault and a receiving address of its own,
 * {@code <public-url>/push/<id>}, the id unguessable. A push is taken only when signed by the
 * network's server key for Rapport's origin and when it opens with the subscription's keys
 * ({@link PushDeliveries}). Polling goes on regardless: it is the safety net for whatever a push
 * misses.
 */
@Service
public class Pushes {

    static final String TASK = "push-subscriptions";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Logger log = LoggerFactory.getLogger(Pushes.class);

    private final ConnectorRegistry registry;
    private final ConnectionRecords connections;
    private final PushRecords records;
    private final Connections calls;
    private final ConnectionCredentials credentials;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final String publicUrl;

    Pushes(
            ConnectorRegistry registry,
            ConnectionRecords connections,
            PushRecords records,
            Connections calls,
            ConnectionCredentials credentials,
            ApplicationEventPublisher events,
            TransactionTemplate transactions,
            @Value("${rapport.public-url:}") String publicUrl) {
        this.registry = registry;
        this.connections = connections;
        this.records = records;
        this.calls = calls;
        this.credentials = credentials;
        this.events = events;
        this.transactions = transactions;
        this.publicUrl = base(publicUrl);
    }

    /** Whether networks can reach Rapport: {@code rapport.public-url} is set. */
    public boolean enabled() {
        return !publicUrl.isEmpty();
    }

    /** How an account's interactions arrive, for the connection page. */
    public enum Status {
        /** Pushed as they happen, and polled. */
        PUSHING,
        /** Polled: the network declined to push (an older server, a token without the push scope). */
        UNSUPPORTED,
        /** Polled: not subscribed yet (the network failed); tried again within the hour. */
        PENDING,
        /** Polled: Rapport's public address is not set, so no network can reach it. */
        NO_PUBLIC_URL
    }

    /** Whether the account's network pushes to Rapport now. */
    public boolean pushing(long accountId) {
        return status(accountId) == Status.PUSHING;
    }

    public Status status(long accountId) {
        return records.ofAccount(accountId)
                .map(stored -> switch (stored.state()) {
                    case ACTIVE -> Status.PUSHING;
                    case UNSUPPORTED -> Status.UNSUPPORTED;
                    case PENDING -> Status.PENDING;
                })
                .orElse(enabled() ? Status.PENDING : Status.NO_PUBLIC_URL);
    }

    /**
     * A newly connected account (or a new token) gets a subscription of its own. After the commit, on
     * another thread, and outside a transaction: no network call holds a database connection.
     */
    @Async
    @TransactionalEventListener
    void on(Connected event) {
        subscribe(event.accountId(), event.actor());
    }

    /**
     * Subscribes the account, replacing an earlier subscription; false when it is not subscribed (no
     * public address, a connector that cannot push, an account not usable, or the network declined).
     * A network's failure is logged, never thrown: polling goes on.
     */
    boolean subscribe(long accountId, String actor) {
        Optional<ConnectionView> found = connections.find(accountId).filter(ConnectionView::usable);
        Optional<NetworkConnector> connector = found.flatMap(connection -> registry.find(connection.connector()))
                .filter(network -> network.capabilities().contains(Capability.PUSH));
        if (!enabled() || found.isEmpty() || connector.isEmpty()) {
            return false;
        }
        String network = connector.get().network();
        String id = newId();
        PushKeys keys = PushKeys.generate();
        long connectedBy = found.get().connectedBy() == null ? 0 : found.get().connectedBy();
        // Kept before the network is asked: a push may arrive before its answer does.
        transactions.executeWithoutResult(status -> {
            credentials.storePushKeys(accountId, keys.secrets(), connectedBy);
            records.pending(id, accountId, network);
        });
        PushSubscription subscription;
        try {
            subscription = calls.subscribe(accountId, new PushTarget(endpoint(id), keys.p256dh(), keys.auth()));
        } catch (ConnectorException.Rejected declined) {
            // The server cannot push the standard way, or the token lacks the "push" scope (403):
            // not asked again until the account is connected again.
            log.info("Push: {} declined a subscription for account {} ({})", network, accountId, declined.code());
            transactions.executeWithoutResult(status -> {
                records.unsupported(id);
                credentials.removePushKeys(accountId);
            });
            return false;
        } catch (ConnectorException failed) {
            log.info(
                    "Push: subscribing account {} on {} failed ({}); tried again later",
                    accountId,
                    network,
                    failed.getClass().getSimpleName());
            transactions.executeWithoutResult(status -> {
                records.abandoned(id);
                credentials.removePushKeys(accountId);
            });
            return false;
        }
        transactions.executeWithoutResult(status -> {
            records.subscribed(id, subscription.serverKey());
            events.publishEvent(new PushSubscribed(actor, accountId, network, Instant.now()));
        });
        return true;
    }

    /** Subscribes the usable accounts that have no subscription (set up before the public address was). */
    int subscribeMissing() {
        if (!enabled()) {
            return 0;
        }
        Set<Long> known = new HashSet<>(records.settled(Instant.now().minus(Duration.ofMinutes(10))));
        int subscribed = 0;
        for (ConnectionView connection : connections.all()) {
            if (!known.contains(connection.accountId()) && subscribe(connection.accountId(), AuditRecord.SYSTEM)) {
                subscribed++;
            }
        }
        return subscribed;
    }

    /**
     * Rapport's public address without a trailing slash; empty when not set. Anything but an http(s)
     * address with a host stops the start: networks would be given an address they cannot reach.
     */
    static String base(String publicUrl) {
        String url = publicUrl.strip();
        if (url.isEmpty()) {
            return url;
        }
        java.net.URI uri;
        try {
            uri = new java.net.URI(url);
        } catch (java.net.URISyntaxException invalid) {
            uri = null;
        }
        if (uri == null
                || uri.getHost() == null
                || !("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                || uri.getRawQuery() != null
                || uri.getRawFragment() != null) {
            throw new IllegalArgumentException(
                    "rapport.public-url must be Rapport's address as networks reach it, e.g. https://rapport.example.com");
        }
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private String endpoint(String id) {
        return publicUrl + "/push/" + id;
    }

    private static String newId() {
        byte[] id = new byte[32];
        RANDOM.nextBytes(id);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(id);
    }

    /** Every hour, on one node at a time: accounts connected before the public address was set. */
    @Configuration(proxyBeanMethods = false)
    static class Schedule {

        @Bean
        RecurringTask<Void> pushSubscriptionsTask(Pushes pushes) {
            return Tasks.recurring(TASK, FixedDelay.ofHours(1)).execute((instance, context) -> {
                int subscribed = pushes.subscribeMissing();
                if (subscribed > 0) {
                    log.info("Push: {} accounts subscribed", subscribed);
                }
            });
        }
    }
}
