package dev.rapport.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One recorded action, as stored. */
public record AuditEntry(
        long seq,
        Instant occurredAt,
        String actor,
        String action,
        @Nullable String target,
        @Nullable String detail,
        @Nullable String source,
        String prevHash,
        String hash) {

    /** The hash this entry must have, given its fields and its predecessor's hash. */
    String expectedHash() {
        return AuditHashes.hash(seq, occurredAt, actor, action, target, detail, source, prevHash);
    }
}
