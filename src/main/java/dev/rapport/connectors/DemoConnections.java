package dev.rapport.connectors;

import dev.rapport.accounts.AccountManagement;
import dev.rapport.accounts.AccountView;
import dev.rapport.connectors.domain.ConnectionRecords;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo workspace's accounts are connected to the sandbox network, so that a new user sees a
 * living network on the first run. Accounts that were ever connected (or disconnected since) are left alone.
 */
@Component
@ConditionalOnBooleanProperty("rapport.demo")
class DemoConnections {

    private final AccountManagement accounts;
    private final ConnectionRecords records;
    private final Connections connections;

    DemoConnections(AccountManagement accounts, ConnectionRecords records, Connections connections) {
        this.accounts = accounts;
        this.records = records;
        this.connections = connections;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(2) // after the demo accounts exist
    void connect() {
        for (AccountView account : accounts.inUse()) {
            if (!records.known(account.id()) && !account.owners().isEmpty()) {
                connections.connectToSandbox(account, account.owners().get(0));
            }
        }
    }
}
