package dev.rapport.audit;

import java.util.List;

/** One page of audit entries, newest first. */
public record AuditPage(List<AuditEntry> entries, int page, int size, long total) {

    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }

    public boolean hasPrevious() {
        return page > 0;
    }
}
