package dev.rapport.team.domain;

import java.util.List;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface Departments extends ListCrudRepository<Department, Long> {

    List<Department> findAllByOrderByIdAsc();

    @Query("SELECT COUNT(*) FROM department WHERE LOWER(name) = LOWER(:name) OR LOWER(code) = LOWER(:name)")
    long countByName(String name);
}
