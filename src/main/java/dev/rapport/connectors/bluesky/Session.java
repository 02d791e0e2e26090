package dev.rapport.connectors.bluesky;

import dev.rapport.connectors.spi.Connection;
import dev.rapport.connectors.spi.ConnectorException;

/**
 * What a call needs from a connection: the PDS, the account's DID and handle, and the session's
 * access token. A connection without a token is treated as expired, so the engine refreshes it.
 */
record Session(String service, String did, String handle, String accessJwt) {

    static Session of(Connection connection) {
        String service = connection.settings().getOrDefault(BlueskyConnector.SERVICE, BlueskyConnector.DEFAULT_SERVICE);
        String did = connection.settings().get(BlueskyConnector.DID);
        String handle = connection.settings().getOrDefault(BlueskyConnector.HANDLE, did);
        String token = connection.credentials().get(BlueskyConnector.ACCESS_JWT);
        if (did == null || did.isBlank()) {
            throw new ConnectorException.AuthExpired("the Bluesky connection has no account DID", null, null);
        }
        if (token == null || token.isBlank()) {
            throw new ConnectorException.AuthExpired("the Bluesky connection has no session", null, null);
        }
        return new Session(service, did, handle == null ? did : handle, token);
    }

    /** The post's address in the Bluesky app (the at:// URI is its id). */
    String postUrl(String rkey) {
        return "https://bsky.app/profile/" + handle + "/post/" + rkey;
    }

    @Override
    public String toString() {
        return "Session[" + service + ", " + did + "]";
    }
}
