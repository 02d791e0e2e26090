package dev.rapport.connectors.spi;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Counts for one published item at one moment; null where the network does not say. */
public record MetricsSnapshot(
        String remoteId,
        @Nullable Long impressions,
        long likes,
        long reposts,
        long replies,
        long quotes,
        @Nullable Long clicks,
        Instant at) {}
