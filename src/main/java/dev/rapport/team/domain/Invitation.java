package dev.rapport.team.domain;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A one-time link for a member to set a password; only the token's hash is stored. */
@Table
public class Invitation {

    @Id
    private @Nullable Long id;

    private long memberId;
    private String tokenHash;
    private Instant expiresAt;
    private @Nullable Instant usedAt;
    private Instant createdAt;

    public Invitation(long memberId, String tokenHash, Instant expiresAt) {
        this.memberId = memberId;
        this.tokenHash = tokenHash;
        this.expiresAt = expiresAt;
        this.createdAt = Instant.now();
    }

    public long memberId() {
        return memberId;
    }

    public boolean usableAt(Instant now) {
        return usedAt == null && expiresAt.isAfter(now);
    }

    public void use(Instant now) {
        usedAt = now;
    }
}
