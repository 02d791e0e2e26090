package dev.rapport.team;

import dev.rapport.core.Refusal;
import dev.rapport.team.Commands.CreateToken;
import dev.rapport.team.TeamEvents.AccessTokenCreated;
import dev.rapport.team.TeamEvents.AccessTokenRevoked;
import dev.rapport.team.domain.AccessToken;
import dev.rapport.team.domain.AccessTokens;
import dev.rapport.team.domain.Secrets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal access tokens of the signed-in member: {@code rpt_} followed by 256 random bits, shown
 * once, stored as a SHA-256 hash, checked on every API request so that a revoked token stops at
 * once. Every token expires (90 days unless asked otherwise, at most ten years), and only a member
 * signed in with their password may create one.
 */
@Service
@Transactional
public class AccessTokenManagement {

    public static final String PREFIX = "rpt_";
    static final int MAX_DAYS = 3650;
    static final int DEFAULT_DAYS = 90;

    private final AccessTokens tokens;
    private final ApplicationEventPublisher events;

    AccessTokenManagement(AccessTokens tokens, ApplicationEventPublisher events) {
        this.tokens = tokens;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public List<AccessTokenView> mine() {
        return tokens.findByMemberIdOrderByCreatedAtDesc(Actor.current().requireMemberId()).stream()
                .map(AccessTokenManagement::view)
                .toList();
    }

    public CreatedToken create(CreateToken command) {
        Actor actor = Actor.current();
        long memberId = actor.requireMemberId();
        if (actor.viaToken()) {
            // A leaked token must not be able to mint longer-lived ones.
            throw Refusal.forbidden("token.not-from-token");
        }
        int days = command.expiresInDays() == null ? DEFAULT_DAYS : command.expiresInDays();
        if (days < 1 || days > MAX_DAYS) {
            throw Refusal.invalid("token.expiry-invalid", 1, MAX_DAYS);
        }
        String secret = PREFIX + Secrets.random(32);
        Instant expiresAt = Instant.now().plus(Duration.ofDays(days));
        AccessToken token = tokens.save(new AccessToken(
                memberId, command.name().strip(), Secrets.sha256(secret), secret.substring(0, 8), expiresAt));
        events.publishEvent(new AccessTokenCreated(
                actor.email(), memberId, token.id(), token.name(), actor.source(), Instant.now()));
        return new CreatedToken(view(token), secret);
    }

    /** Revokes one of the member's own tokens. */
    public AccessTokenView revoke(long tokenId) {
        Actor actor = Actor.current();
        AccessToken token = tokens.findById(tokenId)
                .filter(candidate -> candidate.memberId() == actor.requireMemberId())
                .orElseThrow(() -> Refusal.notFound("token.not-found", String.valueOf(tokenId)));
        if (token.revokedAt() == null) {
            token.revoke();
            tokens.save(token);
            events.publishEvent(new AccessTokenRevoked(
                    actor.email(), token.memberId(), tokenId, token.name(), actor.source(), Instant.now()));
        }
        return view(token);
    }

    /** Revokes every token of a member, e.g. when they leave; returns how many. */
    public int revokeAll(long memberId) {
        Actor actor = Actor.current();
        var open = tokens.findByMemberIdAndRevokedAtIsNull(memberId);
        for (AccessToken token : open) {
            token.revoke();
            tokens.save(token);
            events.publishEvent(new AccessTokenRevoked(
                    actor.email(), memberId, token.id(), token.name(), actor.source(), Instant.now()));
        }
        return open.size();
    }

    static AccessTokenView view(AccessToken token) {
        return new AccessTokenView(
                token.id(),
                token.name(),
                token.prefix(),
                token.createdAt(),
                token.expiresAt(),
                token.lastUsedAt(),
                token.revokedAt());
    }
}
