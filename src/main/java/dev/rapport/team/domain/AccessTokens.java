package dev.rapport.team.domain;

import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.ListCrudRepository;

public interface AccessTokens extends ListCrudRepository<AccessToken, Long> {

    Optional<AccessToken> findByTokenHash(String tokenHash);

    List<AccessToken> findByMemberIdOrderByCreatedAtDesc(long memberId);

    List<AccessToken> findByMemberIdAndRevokedAtIsNull(long memberId);
}
