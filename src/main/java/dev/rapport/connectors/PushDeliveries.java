package dev.rapport.connectors;

import dev.rapport.accounts.ConnectionCredentials;
import dev.rapport.connectors.ConnectionEvents.InteractionPushed;
import dev.rapport.connectors.domain.PushRecords;
import dev.rapport.connectors.push.PushKeys;
import dev.rapport.connectors.push.PushMessage;
import dev.rapport.connectors.push.PushRefused;
import dev.rapport.connectors.push.Vapid;
import dev.rapport.connectors.spi.NetworkConnector;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What arrives at the receiving addresses of push subscriptions ({@link Pushes}). A push is taken
 * only when signed by the network's server key for Rapport's origin (VAPID) and when it opens with
 * the subscription's keys; it then becomes an {@link InteractionPushed} event, which the inbox reads
 * through the connector as it reads a poll. Nothing is read from the network here: the answer is
 * immediate.
 */
@Service
public class PushDeliveries {

    /** The largest body taken: a push carries at most 4096 bytes (RFC 8030 §7.2), a little more encrypted. */
    public static final int MAX_BODY = PushMessage.MAX_BODY;

    /** How a push was received, for the receiving address's answer. */
    public enum Delivery {
        /** Verified and opened; handed on (or nothing to hand on). */
        ACCEPTED,
        /** No such subscription (any more): the network ends it. */
        GONE,
        /** The subscription is still being made (the network's answer is not in yet): try again soon. */
        NOT_YET,
        /** Not {@code aes128gcm}. */
        UNSUPPORTED_ENCODING,
        /** Not signed by the network's server key for Rapport. */
        BAD_SIGNATURE,
        /** Signed, but it does not open with the subscription's keys, or says nothing readable. */
        UNREADABLE
    }

    private static final Logger log = LoggerFactory.getLogger(PushDeliveries.class);

    private final PushRecords records;
    private final ConnectorRegistry registry;
    private final ConnectionCredentials credentials;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final String publicUrl;

    PushDeliveries(
            PushRecords records,
            ConnectorRegistry registry,
            ConnectionCredentials credentials,
            ApplicationEventPublisher events,
            TransactionTemplate transactions,
            @Value("${rapport.public-url:}") String publicUrl) {
        this.records = records;
        this.registry = registry;
        this.credentials = credentials;
        this.events = events;
        this.transactions = transactions;
        this.publicUrl = Pushes.base(publicUrl);
    }

    /**
     * A push arrived at {@code /push/<id>}. The sender is checked before anything is opened; the
     * plaintext (which holds the account's access token on Mastodon) is wiped once read.
     */
    public Delivery receive(String id, @Nullable String authorization, @Nullable String contentEncoding, byte[] body) {
        Optional<PushRecords.Stored> found = records.find(id);
        if (found.isPresent() && found.get().state() == PushRecords.State.PENDING) {
            return Delivery.NOT_YET;
        }
        if (found.isEmpty() || !found.get().supported() || found.get().serverKey() == null) {
            return Delivery.GONE;
        }
        PushRecords.Stored subscription = found.get();
        if (contentEncoding == null || !contentEncoding.strip().equalsIgnoreCase("aes128gcm")) {
            return refused(subscription, Delivery.UNSUPPORTED_ENCODING, "not aes128gcm");
        }
        try {
            Vapid.verify(authorization, subscription.serverKey(), publicUrl, Instant.now());
        } catch (PushRefused unsigned) {
            return refused(subscription, Delivery.BAD_SIGNATURE, unsigned.getMessage());
        }
        Optional<NetworkConnector> connector = registry.find(subscription.connector());
        Optional<PushKeys> keys =
                credentials.openPushKeys(subscription.accountId()).map(PushKeys::of);
        if (connector.isEmpty() || keys.isEmpty()) {
            return Delivery.GONE;
        }
        byte[] plaintext;
        try {
            plaintext = PushMessage.decrypt(body, keys.get());
        } catch (PushRefused unopened) {
            return refused(subscription, Delivery.UNREADABLE, unopened.getMessage());
        }
        Optional<String> reference;
        try {
            reference = connector.get().pushReference(plaintext);
        } catch (IllegalArgumentException unreadable) {
            return refused(subscription, Delivery.UNREADABLE, unreadable.getMessage());
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
        transactions.executeWithoutResult(status -> {
            records.pushed(subscription.id());
            reference.ifPresent(ref -> events.publishEvent(
                    new InteractionPushed(subscription.accountId(), subscription.connector(), ref, Instant.now())));
        });
        return Delivery.ACCEPTED;
    }

    private static Delivery refused(PushRecords.Stored subscription, Delivery delivery, @Nullable String why) {
        log.info("Push: refused a push for account {}: {} ({})", subscription.accountId(), delivery, why);
        return delivery;
    }
}
