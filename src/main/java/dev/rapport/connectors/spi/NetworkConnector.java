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

    /**
     * Asks the network to push what happens on the account to {@code target} ({@link Capability#PUSH}),
     * replacing an earlier subscription of the account's; {@link ConnectorException.Rejected} with
     * code {@code push-unsupported} when the server cannot push as RFC 8291 says.
     */
    default PushSubscription subscribe(Connection connection, PushTarget target) {
        throw unsupported("subscribe to pushes of");
    }

    /** Stops the pushes of {@link #subscribe}; done when there is no subscription. */
    default void unsubscribe(Connection connection) {
        throw unsupported("unsubscribe from pushes of");
    }

    /**
     * What a decrypted push names for {@link #pushed} to fetch (a notification's id), without calling
     * the network; empty when it is nothing to fetch. A malformed message is an
     * {@link IllegalArgumentException}.
     */
    default Optional<String> pushReference(byte[] message) {
        return Optional.empty();
    }

    /**
     * The interactions a push announced, read from the network and made exactly as
     * {@link #interactions} makes them, so that the network's ids recognise a push and a later poll
     * as one; empty when the reference is not (or no longer) an interaction.
     */
    default List<InboundItem> pushed(Connection connection, String reference) {
        return List.of();
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
