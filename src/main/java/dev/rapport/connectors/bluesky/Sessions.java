package dev.rapport.connectors.bluesky;

import static dev.rapport.connectors.bluesky.BlueskyConnector.ACCESS_JWT;
import static dev.rapport.connectors.bluesky.BlueskyConnector.APP_PASSWORD;
import static dev.rapport.connectors.bluesky.BlueskyConnector.DEFAULT_SERVICE;
import static dev.rapport.connectors.bluesky.BlueskyConnector.DID;
import static dev.rapport.connectors.bluesky.BlueskyConnector.HANDLE;
import static dev.rapport.connectors.bluesky.BlueskyConnector.IDENTIFIER;
import static dev.rapport.connectors.bluesky.BlueskyConnector.REFRESH_JWT;
import static dev.rapport.connectors.bluesky.BlueskyConnector.SERVICE;

import dev.rapport.connectors.spi.ConnectedAccount;
import dev.rapport.connectors.spi.Connection;
import dev.rapport.connectors.spi.ConnectorException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Sessions on a PDS: signing in with an app password, and renewing a session whose access token
 * expired. App passwords do not expire, so a connection has no expiry date; only a revoked app
 * password sends the owner back to the connection form.
 */
final class Sessions {

    private final Xrpc xrpc;

    Sessions(Xrpc xrpc) {
        this.xrpc = xrpc;
    }

    /**
     * Signs in with the app password.
     *
     * @see <a href="https://docs.bsky.app/docs/api/com-atproto-server-create-session">com.atproto.server.createSession</a>
     */
    ConnectedAccount connect(Map<String, String> settings, Map<String, String> credentials) {
        String service = settings.getOrDefault(SERVICE, "").isBlank() ? DEFAULT_SERVICE : settings.get(SERVICE);
        String identifier = settings.getOrDefault(IDENTIFIER, "").strip().replaceFirst("^@", "");
        String appPassword = credentials.getOrDefault(APP_PASSWORD, "").strip();
        if (identifier.isEmpty() || appPassword.isEmpty()) {
            throw Posts.rejected("credentials-missing", "Enter the account's handle and an app password.");
        }
        try {
            return signIn(Xrpc.base(service), identifier, appPassword);
        } catch (ConnectorException.AuthExpired refused) {
            throw new ConnectorException.Rejected(
                    "credentials-refused",
                    "Bluesky did not accept this handle and app password (" + refused.getMessage() + ").",
                    refused.status(),
                    refused.requestId());
        }
    }

    /**
     * A new session from the refresh token; when that has expired too, a new sign-in with the app
     * password. Only a revoked app password needs the owner.
     *
     * @see <a href="https://docs.bsky.app/docs/api/com-atproto-server-refresh-session">com.atproto.server.refreshSession</a>
     */
    ConnectedAccount refresh(Connection connection) {
        String service = connection.settings().getOrDefault(SERVICE, DEFAULT_SERVICE);
        String appPassword = connection.credentials().get(APP_PASSWORD);
        String refreshJwt = connection.credentials().get(REFRESH_JWT);
        if (refreshJwt != null && !refreshJwt.isBlank()) {
            try {
                JsonNode session = xrpc.procedure(service, "com.atproto.server.refreshSession", refreshJwt);
                return account(service, session, appPassword);
            } catch (ConnectorException.AuthExpired expired) {
                // The refresh token expired or was revoked: sign in again below.
            }
        }
        String identifier =
                connection.settings().getOrDefault(DID, connection.settings().get(HANDLE));
        if (appPassword == null || appPassword.isBlank() || identifier == null) {
            throw new ConnectorException.AuthExpired(
                    "the Bluesky session expired; connect the account again", null, null);
        }
        return signIn(service, identifier, appPassword);
    }

    private ConnectedAccount signIn(String service, String identifier, String appPassword) {
        JsonNode session = xrpc.procedure(
                service,
                "com.atproto.server.createSession",
                null,
                Map.of("identifier", identifier, "password", appPassword));
        return account(service, session, appPassword);
    }

    private static ConnectedAccount account(String service, JsonNode session, @Nullable String appPassword) {
        String did = Xrpc.text(session.path("did"));
        String handle = Xrpc.text(session.path("handle"));
        String accessJwt = Xrpc.text(session.path("accessJwt"));
        String refreshJwt = Xrpc.text(session.path("refreshJwt"));
        if (did == null || handle == null || accessJwt == null || refreshJwt == null) {
            throw new ConnectorException.Transient("the Bluesky session answer is incomplete", false, null, null, null);
        }
        Map<String, String> credentials = new LinkedHashMap<>();
        if (appPassword != null) {
            credentials.put(APP_PASSWORD, appPassword);
        }
        credentials.put(ACCESS_JWT, accessJwt);
        credentials.put(REFRESH_JWT, refreshJwt);
        return new ConnectedAccount(did, handle, Map.of(SERVICE, service, DID, did, HANDLE, handle), credentials, null);
    }
}
