package dev.rapport.connectors;

/** How an account's connection to its network is doing, as its owners see it. */
public enum ConnectionStatus {
    NOT_CONNECTED,
    CONNECTED,
    /** Works, but the network will end it soon: the owners are warned to connect again. */
    EXPIRING,
    /** The network no longer accepts the credentials and a refresh did not help: connect again. */
    EXPIRED,
    /** Calls keep failing (the network is down or refusing): see the last failure. */
    FAILING
}
