package dev.rapport.connectors.spi;

import java.util.Optional;

/**
 * One network. Implementations make one call per method, report failures as
 * {@link ConnectorException} and never retry: the engine does.
 */
public interface NetworkConnector {

    /** The network's code, as in the registry ({@code bluesky}, {@code mastodon}, {@code sandbox}). */
    String network();

    /** Publishes once. */
    PublishReceipt publish(Connection connection, PublishRequest request);

    /**
     * Looks up what an earlier attempt with this idempotency key published, for a publication whose
     * response was lost; empty if the network has no such item.
     */
    Optional<PublishReceipt> findPublished(Connection connection, String idempotencyKey);

    void delete(Connection connection, String remoteId);
}
