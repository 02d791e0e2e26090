package dev.rapport.connectors.sandbox;

import dev.rapport.connectors.spi.Connection;
import dev.rapport.connectors.spi.NetworkConnector;
import dev.rapport.connectors.spi.NetworkConnectorContract;
import dev.rapport.connectors.spi.PublishReceipt;
import java.util.Map;

class SandboxConnectorContractTests extends NetworkConnectorContract {

    final SandboxConnector sandbox = new SandboxConnector(SandboxFaults.none());

    @Override
    protected NetworkConnector connector() {
        return sandbox;
    }

    @Override
    protected void someoneReplies(PublishReceipt publication, String text) {
        sandbox.comment(publication.remoteId(), "li.lei", text);
    }

    @Override
    protected Connection connection() {
        return new Connection(7, Map.of(), Map.of());
    }
}
