package dev.rapport.team.domain;

import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface Invitations extends ListCrudRepository<Invitation, Long> {

    Optional<Invitation> findByTokenHash(String tokenHash);

    /** An earlier link stops working when a new one is issued. */
    @Modifying
    @Query("UPDATE invitation SET used_at = CURRENT_TIMESTAMP WHERE member_id = :memberId AND used_at IS NULL")
    void expireOpen(long memberId);
}
