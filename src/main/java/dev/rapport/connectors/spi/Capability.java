package dev.rapport.connectors.spi;

/** What a connector can do on its network. */
public enum Capability {
    PUBLISH,
    IMAGES,
    REPLY,
    DELETE,
    INTERACTIONS,
    DIRECT_MESSAGES,
    METRICS,
    AUDIENCE,
    DEMOGRAPHICS,
    TOKEN_REFRESH,
    /** Report an item and its author to the network's moderators. */
    REPORT,
    /** Hide a reply under the account's own post from everyone's view. */
    HIDE,
    /** The network pushes what happens (Web Push), besides being polled for it. */
    PUSH
}
