package dev.rapport.team;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A member as other modules and the web see it. */
public record MemberView(
        long id,
        String name,
        String email,
        Role role,
        @Nullable Long departmentId,
        String language,
        boolean active,
        boolean passwordSet,
        Instant createdAt) {}
