package dev.rapport.connectors.mastodon;

import dev.rapport.connectors.ConnectorsProperties;
import dev.rapport.connectors.spi.Connection;
import dev.rapport.connectors.spi.NetworkConnector;
import dev.rapport.connectors.spi.NetworkConnectorContract;
import dev.rapport.connectors.spi.PublishReceipt;
import java.net.http.HttpClient;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import tools.jackson.databind.json.JsonMapper;

/** The shared contract, against a Mastodon server faked from its API documentation. */
class MastodonConnectorContractTests extends NetworkConnectorContract {

    final FakeMastodon mastodon = new FakeMastodon(Duration.ZERO);
    final MastodonConnector connector = connector(Duration.ofSeconds(5));

    static MastodonConnector connector(Duration requestTimeout) {
        var properties = new ConnectorsProperties(
                Duration.ofSeconds(2), requestTimeout, 4, Duration.ofMillis(100), Duration.ofSeconds(30));
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        return new MastodonConnector(client, properties, JsonMapper.builder().build());
    }

    @AfterEach
    void stop() {
        mastodon.close();
    }

    @Override
    protected NetworkConnector connector() {
        return connector;
    }

    @Override
    protected Connection connection() {
        return mastodon.connection();
    }

    @Override
    protected void someoneReplies(PublishReceipt publication, String text) {
        mastodon.reply(publication, text);
    }
}
