package dev.rapport.team.domain;

import dev.rapport.team.Role;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface Members extends ListCrudRepository<Member, Long> {

    @Query("SELECT * FROM member WHERE LOWER(email) = LOWER(:email)")
    Optional<Member> findByEmailIgnoringCase(String email);

    List<Member> findAllByOrderByDisplayNameAsc();

    long countByRoleAndActiveTrue(Role role);

    long countByRole(Role role);
}
