package dev.rapport.connectors.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.rapport.connectors.spi.ConnectorException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** A server a member chose cannot fill Rapport's memory. */
class ConnectorHttpTests {

    final WireMockServer server =
            new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    final ConnectorHttp http = new ConnectorHttp(
            HttpClient.newHttpClient(),
            Duration.ofSeconds(10),
            JsonMapper.builder().build(),
            (status, body, requestId) -> Optional.empty());

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void anOversizedAnswerIsRefusedNotRead() {
        server.start();
        server.stubFor(
                get("/huge").willReturn(aResponse().withStatus(200).withBody(new byte[ConnectorHttp.MAX_BODY + 10])));

        assertThatThrownBy(() -> http.get(URI.create(server.baseUrl() + "/huge"), Map.of()))
                .isInstanceOf(ConnectorException.Transient.class)
                .hasMessageContaining("more than");
    }
}
