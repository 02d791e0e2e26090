package dev.rapport.team.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface AccessTokens extends ListCrudRepository<AccessToken, Long> {

    Optional<AccessToken> findByTokenHash(String tokenHash);

    List<AccessToken> findByMemberIdOrderByCreatedAtDesc(long memberId);

    List<AccessToken> findByMemberIdAndRevokedAtIsNull(long memberId);

    /** Records use without writing the rest of the row, so it can never undo a revocation. */
    @Modifying
    @Query("UPDATE access_token SET last_used_at = :at WHERE id = :id AND revoked_at IS NULL")
    void touch(long id, Instant at);
}
