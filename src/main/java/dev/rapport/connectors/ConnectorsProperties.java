package dev.rapport.connectors;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How Rapport talks to networks ({@code rapport.connectors.*}).
 *
 * @param connectTimeout to open a connection
 * @param requestTimeout for a whole answer
 * @param maxAttempts calls per operation, first one included
 * @param baseDelay the first backoff ceiling, doubled per attempt (full jitter)
 * @param maxDelay the largest wait between attempts; a longer Retry-After ends the attempts
 */
@ConfigurationProperties("rapport.connectors")
public record ConnectorsProperties(
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("20s") Duration requestTimeout,
        @DefaultValue("4") int maxAttempts,
        @DefaultValue("500ms") Duration baseDelay,
        @DefaultValue("30s") Duration maxDelay) {}
