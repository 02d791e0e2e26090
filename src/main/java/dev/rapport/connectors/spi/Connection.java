package dev.rapport.connectors.spi;

import java.util.Map;

/**
 * An account as a connector sees it: the registry's id, its settings (server URL, handle) and its
 * credentials, opened from the vault for this call only.
 */
public record Connection(long accountId, Map<String, String> settings, Map<String, String> credentials) {

    @Override
    public String toString() {
        // Credentials never reach a log through toString().
        return "Connection[account=" + accountId + ", settings=" + settings.keySet() + "]";
    }
}
