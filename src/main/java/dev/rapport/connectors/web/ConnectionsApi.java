package dev.rapport.connectors.web;

import dev.rapport.connectors.ConnectionView;
import dev.rapport.connectors.Connections;
import dev.rapport.connectors.Connections.Choice;
import dev.rapport.connectors.Connections.Connect;
import dev.rapport.connectors.Pushes;
import dev.rapport.connectors.spi.Capability;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/accounts/{id}/connection}: connect an account to its network, see it, disconnect it. */
@RestController
@RequestMapping(path = "/api/v1", produces = "application/json")
@Tag(name = "Connections")
class ConnectionsApi {

    private final Connections connections;
    private final Pushes pushes;

    ConnectionsApi(Connections connections, Pushes pushes) {
        this.connections = connections;
        this.pushes = pushes;
    }

    /**
     * The connection, the ways to connect the account (the forms, without values), and whether its
     * network pushes interactions to Rapport ({@code PUSHING}, {@code PENDING}, {@code UNSUPPORTED},
     * {@code NO_PUBLIC_URL}); null when the connection is not usable or its network cannot push.
     */
    record ConnectionState(ConnectionView connection, List<Choice> choices, Pushes.@Nullable Status push) {}

    /**
     * What to connect with: a connector offered for the account ({@code sandbox} for the simulated
     * network) and the values of its properties, secrets included (kept in the vault, never returned).
     */
    record ConnectRequest(
            @NotBlank String connector,
            @NotNull @Size(max = 20) Map<String, String> values) {
        @Override
        public String toString() {
            // The values hold secrets: never in a log.
            return "ConnectRequest[" + connector + ", fields=" + values.keySet() + "]";
        }
    }

    @GetMapping("/connections")
    @Operation(summary = "Every account the caller may see, with its connection")
    List<Connections.Overview> overview() {
        return connections.overview();
    }

    @GetMapping("/accounts/{id}/connection")
    @Operation(summary = "The account's connection: status, expiry, last failure; and the ways to connect it")
    ConnectionState connection(@PathVariable long id) {
        ConnectionView connection = connections.connection(id);
        Pushes.Status push = connection.usable() && connections.capabilities(id).contains(Capability.PUSH)
                ? pushes.status(id)
                : null;
        return new ConnectionState(connection, connections.choices(id), push);
    }

    @PostMapping("/accounts/{id}/connection")
    @Operation(
            summary = "Connect the account (owners, admins, members with the credentials grant); "
                    + "the network is asked to confirm the credentials first")
    ConnectionView connect(@PathVariable long id, @Valid @RequestBody ConnectRequest request) {
        return connections.connect(id, new Connect(request.connector(), request.values()));
    }

    @DeleteMapping("/accounts/{id}/connection")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Disconnect the account; its credentials are retired from the vault")
    void disconnect(@PathVariable long id) {
        connections.disconnect(id);
    }
}
