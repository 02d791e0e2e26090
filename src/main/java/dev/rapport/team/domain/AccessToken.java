package dev.rapport.team.domain;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A personal access token; only its SHA-256 hash and a short prefix are stored. */
@Table
public class AccessToken {

    @Id
    private @Nullable Long id;

    private long memberId;
    private String name;
    private String tokenHash;
    private String prefix;
    private Instant createdAt;
    private @Nullable Instant expiresAt;
    private @Nullable Instant lastUsedAt;
    private @Nullable Instant revokedAt;

    public AccessToken(long memberId, String name, String tokenHash, String prefix, @Nullable Instant expiresAt) {
        this.memberId = memberId;
        this.name = name;
        this.tokenHash = tokenHash;
        this.prefix = prefix;
        this.createdAt = Instant.now();
        this.expiresAt = expiresAt;
    }

    public long id() {
        if (id == null) {
            throw new IllegalStateException("token not saved yet");
        }
        return id;
    }

    public long memberId() {
        return memberId;
    }

    public String name() {
        return name;
    }

    public String prefix() {
        return prefix;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public @Nullable Instant expiresAt() {
        return expiresAt;
    }

    public @Nullable Instant lastUsedAt() {
        return lastUsedAt;
    }

    public @Nullable Instant revokedAt() {
        return revokedAt;
    }

    public boolean usableAt(Instant now) {
        return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
    }

    public void revoke() {
        if (revokedAt == null) {
            revokedAt = Instant.now();
        }
    }
}
