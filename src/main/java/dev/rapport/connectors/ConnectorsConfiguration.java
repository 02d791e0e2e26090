package dev.rapport.connectors;

import dev.rapport.connectors.sandbox.SandboxCoefficients;
import dev.rapport.connectors.sandbox.SandboxConnector;
import dev.rapport.connectors.sandbox.SandboxFaults;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The engine, the HTTP client every HTTP connector shares, and the sandbox network. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConnectorsProperties.class)
class ConnectorsConfiguration {

    @Bean
    HttpClient connectorHttpClient(ConnectorsProperties properties) {
        return HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                // Some servers drop the connection when Java asks to upgrade plain http to HTTP/2.
                .version(HttpClient.Version.HTTP_1_1)
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

    /**
     * The sandbox network: {@code rapport.sandbox.seed} makes its audience, and
     * {@code rapport.sandbox.latency}, {@code .rate-limited}, {@code .server-error}, {@code .timeout}
     * and {@code .response-lost} (shares of calls, 0 by default) make it slow or faulty on purpose;
     * {@code rapport.sandbox.speed} makes its audience react that many times sooner.
     */
    @Bean
    SandboxConnector sandboxConnector(Environment environment) {
        SandboxFaults faults = new SandboxFaults(
                        environment.getProperty("rapport.sandbox.seed", Long.class, 2026L),
                        environment.getProperty("rapport.sandbox.rate-limited", Double.class, 0.0),
                        environment.getProperty("rapport.sandbox.server-error", Double.class, 0.0),
                        environment.getProperty("rapport.sandbox.timeout", Double.class, 0.0),
                        environment.getProperty("rapport.sandbox.response-lost", Double.class, 0.0),
                        environment.getProperty("rapport.sandbox.latency", Duration.class, Duration.ZERO),
                        Duration.ofSeconds(2))
                .everywhere();
        double speed = environment.getProperty("rapport.sandbox.speed", Double.class, 1.0);
        return new SandboxConnector(faults, SandboxCoefficients.defaults().faster(speed), Clock.systemUTC());
    }
}
