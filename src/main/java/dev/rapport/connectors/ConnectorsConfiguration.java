package dev.rapport.connectors;

import dev.rapport.connectors.sandbox.SandboxConnector;
import dev.rapport.connectors.sandbox.SandboxFaults;
import java.net.http.HttpClient;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The engine, the HTTP client every HTTP connector shares, and the sandbox network. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConnectorsProperties.class)
class ConnectorsConfiguration {

    @Bean
    HttpClient connectorHttpClient(ConnectorsProperties properties) {
        return HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Bean
    ConnectorEngine connectorEngine(ConnectorsProperties properties) {
        Clock clock = Clock.systemUTC();
        return new ConnectorEngine(
                properties.maxAttempts(),
                properties.baseDelay(),
                properties.maxDelay(),
                duration -> Thread.sleep(duration.toMillis()),
                new RateLimits(properties::callsPerMinute, clock),
                clock);
    }

    @Bean
    SandboxConnector sandboxConnector() {
        return new SandboxConnector(SandboxFaults.none());
    }
}
