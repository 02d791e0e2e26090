package dev.rapport.connectors.spi;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An account the network has confirmed.
 *
 * @param remoteId the network's id of the account (a DID, a numeric id)
 * @param handle how the network shows it ({@code alice.bsky.social}, {@code @alice@example.social})
 * @param settings what to keep in the open (server URL, the server's character limit)
 * @param credentials what to keep in the vault (tokens, an app password)
 * @param expiresAt when the owner must connect again, if the network says; null if never
 */
public record ConnectedAccount(
        String remoteId,
        String handle,
        Map<String, String> settings,
        Map<String, String> credentials,
        @Nullable Instant expiresAt) {

    @Override
    public String toString() {
        return "ConnectedAccount[" + remoteId + ", " + handle + ", settings=" + settings + "]";
    }
}
