package dev.rapport.connectors.spi;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The account's audience at one moment.
 *
 * @param demographics shares per dimension and bucket, e.g. {@code age → {18-24: 0.31, …}},
 *     {@code language → {zh: 0.6, en: 0.4}}; empty where the network gives none
 */
public record AudienceSnapshot(
        long followers, @Nullable Long following, Map<String, Map<String, Double>> demographics, Instant at) {}
