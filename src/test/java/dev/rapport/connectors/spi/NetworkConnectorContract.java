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

    @Test
    void metricsAreReportedForWhatWasPublished() {
        PublishReceipt receipt = connector().publish(connection(), PublishRequest.text(key(), "Count me"));
        assertThat(connector().metrics(connection(), java.util.List.of(receipt.remoteId())))
                .singleElement()
                .satisfies(metrics -> {
                    assertThat(metrics.remoteId()).isEqualTo(receipt.remoteId());
                    assertThat(metrics.likes()).isNotNegative();
                    assertThat(metrics.replies()).isNotNegative();
                });
    }

    @Test
    void theAudienceHasAFollowerCount() {
        assertThat(connector().audience(connection()).followers()).isNotNegative();
    }

    /**
     * Has someone in the audience reply to the given publication (on a real network: another
     * account; on a stub: the documented answer that would show it).
     */
    protected abstract void someoneReplies(PublishReceipt publication, String text);

    @Test
    void aReplyFromTheAudienceIsReadOnceAsAnInteractionWithItsSubject() {
        PublishReceipt receipt = connector().publish(connection(), PublishRequest.text(key(), "Ask me anything"));
        InteractionPage before = connector().interactions(connection(), null);
        someoneReplies(receipt, "How much does it cost? 多少钱？");

        InteractionPage after = connector().interactions(connection(), before.cursor());

        assertThat(after.items())
                .filteredOn(item -> item.kind().conversational())
                .singleElement()
                .satisfies(reply -> {
                    assertThat(reply.text()).isEqualTo("How much does it cost? 多少钱？");
                    assertThat(reply.subjectId()).isEqualTo(receipt.remoteId());
                    assertThat(reply.author().handle()).isNotBlank();
                });
        assertThat(connector().interactions(connection(), after.cursor()).items())
                .as("what was read once is not read again")
                .filteredOn(item -> item.kind().conversational())
                .isEmpty();
    }

    @Test
    void theConnectionFormHasUniqueNamedFields() {
        var names =
                connector().configuration().stream().map(ConfigProperty::name).toList();
        assertThat(names)
                .doesNotHaveDuplicates()
                .allSatisfy(name -> assertThat(name).matches("[a-zA-Z]+"));
        assertThat(connector().capabilities()).contains(Capability.PUBLISH);
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }
}
