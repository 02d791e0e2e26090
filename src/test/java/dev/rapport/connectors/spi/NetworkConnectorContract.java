package dev.rapport.connectors.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every connector must do; each connector's tests extend this. */
public abstract class NetworkConnectorContract {

    protected abstract NetworkConnector connector();

    protected abstract Connection connection();

    @Test
    void aPublicationHasAnIdAndAnAddress() {
        PublishReceipt receipt =
                connector().publish(connection(), PublishRequest.text(key(), "Hello from the contract 你好"));
        assertThat(receipt.remoteId()).isNotBlank();
        assertThat(receipt.url()).startsWith("https://");
    }

    @Test
    void aPublicationIsFoundByItsIdempotencyKey() {
        String key = key();
        PublishReceipt receipt = connector().publish(connection(), PublishRequest.text(key, "Find me"));
        assertThat(connector().findPublished(connection(), PublishRequest.text(key, "Find me")))
                .hasValue(receipt);
        assertThat(connector().findPublished(connection(), PublishRequest.text(key(), "Not me")))
                .isEmpty();
    }

    @Test
    void aDeletedPublicationIsGone() {
        String key = key();
        PublishReceipt receipt = connector().publish(connection(), PublishRequest.text(key, "Delete me"));
        connector().delete(connection(), receipt.remoteId());
        assertThat(connector().findPublished(connection(), PublishRequest.text(key, "Delete me")))
                .isEmpty();
    }

    @Test
    void contentTheNetworkRefusesIsRejectedNotTransient() {
        assertThatThrownBy(() -> connector().publish(connection(), PublishRequest.text(key(), "   ")))
                .isInstanceOf(ConnectorException.Rejected.class)
                .satisfies(e -> assertThat(((ConnectorException.Rejected) e).userMessage())
                        .isNotBlank());
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }
}
