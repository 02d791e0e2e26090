package dev.rapport.inbox;

import dev.rapport.accounts.AccountManagement;
import dev.rapport.accounts.AccountStatus;
import dev.rapport.accounts.AccountView;
import dev.rapport.connectors.ConnectionEvents.InteractionPushed;
import dev.rapport.connectors.Connections;
import dev.rapport.connectors.spi.ConnectorException;
import dev.rapport.connectors.spi.InboundItem;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Takes what a network pushed: the interaction is read through the connector (as a poll reads it,
 * so the network's id makes a push and a later poll one item) and ingested like a polled page. The
 * push does not move the poll's cursor, so a push that cannot be read now is read by the next poll.
 * After the push's commit, on another thread and outside a transaction (no network call holds a
 * database connection); the event publication registry delivers it again after a crash.
 */
@Component
class PushedInteractions {

    private static final Logger log = LoggerFactory.getLogger(PushedInteractions.class);

    private final Connections connections;
    private final AccountManagement accounts;
    private final Ingestion ingestion;

    PushedInteractions(Connections connections, AccountManagement accounts, Ingestion ingestion) {
        this.connections = connections;
        this.accounts = accounts;
        this.ingestion = ingestion;
    }

    @Async
    @TransactionalEventListener
    void on(InteractionPushed pushed) {
        Optional<AccountView> account =
                accounts.find(pushed.accountId()).filter(found -> found.status() == AccountStatus.ACTIVE);
        if (account.isEmpty()) {
            return;
        }
        List<InboundItem> items;
        try {
            items = connections.pushed(pushed.accountId(), pushed.reference());
        } catch (ConnectorException unreadable) {
            log.info(
                    "Inbox: a pushed interaction of account {} could not be read now ({}); the next poll reads it",
                    pushed.accountId(),
                    unreadable.getClass().getSimpleName());
            return;
        }
        ingestion.ingest(account.get(), items);
    }
}
