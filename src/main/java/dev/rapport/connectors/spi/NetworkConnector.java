package dev.rapport.connectors.spi;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One network. Implementations make one call per method, report failures as
 * {@link ConnectorException} and never retry, wait or cache: the engine does all of that.
 */
public interface NetworkConnector {

    /** The network's code, as in the registry ({@code bluesky}, {@code mastodon}, {@code sandbox}). */
    String network();

    /** What this connector can do on its network. */
    Set<Capability> capabilities();

    /**
     * What a member enters to connect an account: the form is built from this list. Properties marked
     * secret go to the credential vault; the others are kept as the connection's settings.
     */
    List<ConfigProperty> configuration();

    /**
     * Signs in with what the member entered and verifies the account: what to keep (settings and
     * credentials, which may differ from what was entered, e.g. session tokens) and when it expires.
     */
    ConnectedAccount connect(java.util.Map<String, String> settings, java.util.Map<String, String> credentials);

    /**
     * New credentials for a connection whose token expired; {@link ConnectorException.AuthExpired}
     * when only the owner can help (by connecting again).
     */
    default ConnectedAccount refresh(Connection connection) {
        throw new ConnectorException.AuthExpired(network() + " tokens cannot be refreshed", null, null);
    }

    /** Publishes once. */
    PublishReceipt publish(Connection connection, PublishRequest request);

    /**
     * Looks up what an earlier attempt with this idempotency key published, for a publication whose
     * response was lost; empty if the network has no such item.
     */
    Optional<PublishReceipt> findPublished(Connection connection, PublishRequest request);

    void delete(Connection connection, String remoteId);

    /**
     * What the audience did since the cursor (comments, replies, mentions, quotes, direct messages,
     * likes, reposts, follows), oldest first; a null cursor asks for the most recent page.
     */
    InteractionPage interactions(Connection connection, @Nullable String cursor);

    /** Reports an item of the audience's to the network's moderators ({@link Capability#REPORT}). */
    default void report(Connection connection, Moderation moderation) {
        throw unsupported("report");
    }

    /** Hides a reply under the account's own post ({@link Capability#HIDE}). */
    default void hide(Connection connection, Moderation moderation) {
        throw unsupported("hide");
    }

    private ConnectorException.Rejected unsupported(String what) {
        return new ConnectorException.Rejected(
                "unsupported", network() + " does not let an account " + what + " items.", null, null);
    }

    /** Current counts for items this account published. Unknown ids are left out. */
    List<MetricsSnapshot> metrics(Connection connection, List<String> remoteIds);

    /** Followers, and demographics where the network gives them. */
    AudienceSnapshot audience(Connection connection);
}
