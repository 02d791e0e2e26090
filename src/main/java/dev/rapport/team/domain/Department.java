package dev.rapport.team.domain;

import dev.rapport.team.DepartmentView;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

@Table
public class Department {

    @Id
    private @Nullable Long id;

    private @Nullable String code;
    private @Nullable String name;
    private Instant createdAt;

    public Department(@Nullable String code, @Nullable String name) {
        this.code = code;
        this.name = name;
        this.createdAt = Instant.now();
    }

    public @Nullable String name() {
        return name;
    }

    public DepartmentView view() {
        if (id == null) {
            throw new IllegalStateException("department not saved yet");
        }
        return new DepartmentView(id, code, name);
    }
}
