package dev.rapport.connectors;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How Rapport talks to networks ({@code rapport.connectors.*}).
 *
 * @param connectTimeout to open a connection
 * @param requestTimeout for a whole answer
 * @param maxAttempts calls per operation, first one included
 * @param baseDelay the first backoff ceiling, doubled per attempt (full jitter)
 * @param maxDelay the longest wait between attempts; a longer Retry-After ends the attempts with a
 *     time to come back
 * @param callsPerMinute per account, by network code; {@code default} for the others, 0 for no limit
 * @param allowPrivateNetworks whether members may enter server addresses inside private networks (and
 *     plain http): off, so Rapport cannot be made to call its neighbours
 */
@ConfigurationProperties("rapport.connectors")
public record ConnectorsProperties(
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("20s") Duration requestTimeout,
        @DefaultValue("4") int maxAttempts,
        @DefaultValue("500ms") Duration baseDelay,
        @DefaultValue("30s") Duration maxDelay,
        Map<String, Integer> callsPerMinute,
        @DefaultValue("false") boolean allowPrivateNetworks) {

    @ConstructorBinding
    public ConnectorsProperties {
        callsPerMinute = callsPerMinute == null ? Map.of() : Map.copyOf(callsPerMinute);
    }

    /** Without per-account budgets: for tests of one connector. */
    public ConnectorsProperties(
            Duration connectTimeout, Duration requestTimeout, int maxAttempts, Duration baseDelay, Duration maxDelay) {
        this(connectTimeout, requestTimeout, maxAttempts, baseDelay, maxDelay, Map.of(), false);
    }

    /** The budget of an account on this network; {@link Integer#MAX_VALUE} when unlimited. */
    int callsPerMinute(String network) {
        int limit = callsPerMinute.getOrDefault(network, callsPerMinute.getOrDefault("default", 30));
        return limit <= 0 ? Integer.MAX_VALUE : limit;
    }
}
