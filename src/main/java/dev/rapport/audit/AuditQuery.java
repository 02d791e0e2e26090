package dev.rapport.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A filter over the audit log; null fields match everything. */
public record AuditQuery(
        @Nullable String actor,
        @Nullable String action,
        @Nullable Instant from,
        @Nullable Instant to,
        int page,
        int size) {

    public AuditQuery {
        page = Math.max(page, 0);
        size = size < 1 ? 50 : Math.min(size, 500);
    }
}
