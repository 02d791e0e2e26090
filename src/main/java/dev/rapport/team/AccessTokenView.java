package dev.rapport.team;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A personal access token without its secret. */
public record AccessTokenView(
        long id,
        String name,
        String prefix,
        Instant createdAt,
        @Nullable Instant expiresAt,
        @Nullable Instant lastUsedAt,
        @Nullable Instant revokedAt) {}
