package dev.rapport.connectors.bluesky;

import dev.rapport.connectors.ConnectorsProperties;
import dev.rapport.connectors.spi.AudienceSnapshot;
import dev.rapport.connectors.spi.Capability;
import dev.rapport.connectors.spi.ConfigProperty;
import dev.rapport.connectors.spi.ConnectedAccount;
import dev.rapport.connectors.spi.Connection;
import dev.rapport.connectors.spi.InteractionPage;
import dev.rapport.connectors.spi.MetricsSnapshot;
import dev.rapport.connectors.spi.NetworkConnector;
import dev.rapport.connectors.spi.NetworkConnectorContract;
import dev.rapport.connectors.spi.PublishReceipt;
import dev.rapport.connectors.spi.PublishRequest;
import dev.rapport.testing.AtprotoNetwork;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shared contract against a real AT Protocol network on loopback (PLC, PDS, AppView), as alice
 * with her app password; bob replies. The AppView indexes in the background, so the connector under
 * test waits for it after each write ({@link AtprotoNetwork#processAll()}), as time does in real life.
 */
@Tag("atproto")
class BlueskyConnectorContractTests extends NetworkConnectorContract {

    static AtprotoNetwork network;
    static BlueskyConnector bluesky;
    static Connection alice;
    static AudienceMember bob;

    @BeforeAll
    static void connectAlice() {
        network = AtprotoNetwork.get();
        bluesky = connector(network);
        alice = connect(bluesky, network.pdsUrl(), network.alice());
        bob = new AudienceMember(network, network.bob());
    }

    static BlueskyConnector connector(AtprotoNetwork network) {
        return new BlueskyConnector(
                network.http(),
                new ConnectorsProperties(
                        Duration.ofSeconds(5),
                        Duration.ofSeconds(20),
                        4,
                        Duration.ofMillis(100),
                        Duration.ofSeconds(5)),
                JsonMapper.builder().build());
    }

    static Connection connect(BlueskyConnector bluesky, String pdsUrl, AtprotoNetwork.Account account) {
        ConnectedAccount connected = bluesky.connect(
                Map.of("service", pdsUrl, "identifier", account.handle()),
                Map.of("appPassword", account.appPassword()));
        return new Connection(1, connected.settings(), connected.credentials());
    }

    @Override
    protected NetworkConnector connector() {
        return new Indexed(bluesky, network);
    }

    @Override
    protected Connection connection() {
        return alice;
    }

    @Override
    protected void someoneReplies(PublishReceipt publication, String text) {
        bob.reply(publication.remoteId(), text);
        network.processAll();
    }

    /** The connector, waiting for the AppView to index after each write. */
    record Indexed(NetworkConnector connector, AtprotoNetwork atproto) implements NetworkConnector {

        public String network() {
            return connector.network();
        }

        public Set<Capability> capabilities() {
            return connector.capabilities();
        }

        public List<ConfigProperty> configuration() {
            return connector.configuration();
        }

        public ConnectedAccount connect(Map<String, String> settings, Map<String, String> credentials) {
            return connector.connect(settings, credentials);
        }

        public ConnectedAccount refresh(Connection connection) {
            return connector.refresh(connection);
        }

        public PublishReceipt publish(Connection connection, PublishRequest request) {
            PublishReceipt receipt = connector.publish(connection, request);
            atproto.processAll();
            return receipt;
        }

        public Optional<PublishReceipt> findPublished(Connection connection, PublishRequest request) {
            return connector.findPublished(connection, request);
        }

        public void delete(Connection connection, String remoteId) {
            connector.delete(connection, remoteId);
            atproto.processAll();
        }

        public InteractionPage interactions(Connection connection, @Nullable String cursor) {
            return connector.interactions(connection, cursor);
        }

        public List<MetricsSnapshot> metrics(Connection connection, List<String> remoteIds) {
            return connector.metrics(connection, remoteIds);
        }

        public AudienceSnapshot audience(Connection connection) {
            return connector.audience(connection);
        }
    }
}
