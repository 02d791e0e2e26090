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
    TOKEN_REFRESH
}
