package dev.rapport.connectors;

import dev.rapport.connectors.spi.NetworkConnector;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Every connector in the application, by network code. */
@Component
class ConnectorRegistry {

    static final String SANDBOX = "sandbox";

    private final Map<String, NetworkConnector> byNetwork;

    ConnectorRegistry(List<NetworkConnector> connectors) {
        this.byNetwork = connectors.stream()
                .collect(Collectors.toUnmodifiableMap(NetworkConnector::network, Function.identity()));
    }

    Optional<NetworkConnector> find(String network) {
        return Optional.ofNullable(byNetwork.get(network));
    }

    /**
     * The connectors that can connect an account of this network: its own, if Rapport has one, and
     * the sandbox, which stands in for any network.
     */
    List<NetworkConnector> forNetwork(String network) {
        return byNetwork.values().stream()
                .filter(connector -> connector.network().equals(network)
                        || connector.network().equals(SANDBOX))
                .sorted((a, b) ->
                        Boolean.compare(a.network().equals(SANDBOX), b.network().equals(SANDBOX)))
                .toList();
    }
}
