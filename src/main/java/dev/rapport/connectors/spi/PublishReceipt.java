package dev.rapport.connectors.spi;

import java.time.Instant;

/** What the network made of a publication: its id, its public address and when. */
public record PublishReceipt(String remoteId, String url, Instant publishedAt) {}
