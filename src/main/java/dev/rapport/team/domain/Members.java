package dev.rapport.team.domain;

import dev.rapport.team.Role;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface Members extends ListCrudRepository<Member, Long> {

    @Query("SELECT * FROM member WHERE LOWER(email) = LOWER(:email)")
    Optional<Member> findByEmailIgnoringCase(String email);

    List<Member> findAllByOrderByDisplayNameAsc();

    long countByRoleAndActiveTrue(Role role);

    long countByRole(Role role);

    /** Counts a failed sign-in in one statement, so parallel guesses cannot lose an increment. */
    @Modifying
    @Query("UPDATE member SET failed_sign_ins = failed_sign_ins + 1, version = version + 1 WHERE id = :id")
    void countFailedSignIn(long id);

    @Modifying
    @Query("UPDATE member SET locked_until = :until, version = version + 1 WHERE id = :id")
    void lockUntil(long id, Instant until);

    @Modifying
    @Query("UPDATE member SET failed_sign_ins = 0, locked_until = NULL, version = version + 1"
            + " WHERE id = :id AND failed_sign_ins > 0")
    void clearFailedSignIns(long id);
}
