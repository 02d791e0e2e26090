package dev.rapport.audit;

import dev.rapport.core.AuditRecord;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Appends to and verifies the chain with plain JDBC, so that the command line can check a database
 * without starting the application.
 */
final class AuditChain {

    private static final int BATCH = 1000;

    private final JdbcClient jdbc;

    AuditChain(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Appends one entry; the caller's transaction holds the chain's row lock until commit. A record
     * of an event already in the chain (the same event delivered again) appends nothing and returns
     * the entry there: under the lock, so two nodes delivering it at once append it once.
     */
    AuditEntry append(AuditRecord record) {
        Head head = jdbc.sql("SELECT last_seq, last_hash FROM audit_chain WHERE id = 1 FOR UPDATE")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2)))
                .single();
        String eventKey = AuditHashes.eventKey(record);
        var recorded = jdbc.sql("SELECT * FROM audit_entry WHERE event_key = ?")
                .param(eventKey)
                .query(AuditChain::entry)
                .optional();
        if (recorded.isPresent()) {
            return recorded.get();
        }
        long seq = head.seq() + 1;
        String prevHash = head.hash();
        Instant at = record.occurredAt().truncatedTo(ChronoUnit.MILLIS);
        String actor = clip(record.actor(), 254);
        String target = clip(record.target(), 200);
        String detail = clip(record.detail(), 1000);
        String source = clip(record.source(), 100);
        String hash = AuditHashes.hash(seq, at, actor, record.action(), target, detail, source, prevHash);
        jdbc.sql("""
                        INSERT INTO audit_entry
                            (seq, occurred_at, actor, action, target, detail, source, prev_hash, hash, event_key)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        seq,
                        OffsetDateTime.ofInstant(at, ZoneOffset.UTC),
                        actor,
                        record.action(),
                        target,
                        detail,
                        source,
                        prevHash,
                        hash,
                        eventKey)
                .update();
        jdbc.sql("UPDATE audit_chain SET last_seq = ?, last_hash = ? WHERE id = 1")
                .params(seq, hash)
                .update();
        return new AuditEntry(seq, at, actor, record.action(), target, detail, source, prevHash, hash);
    }

    /**
     * Walks the chain up to the head as it was when verification started (entries appended
     * meanwhile are not judged) and reports the first entry that does not fit.
     */
    AuditVerification verify() {
        Head head = head();
        String expectedPrev = AuditHashes.GENESIS;
        long expectedSeq = 1;
        long checked = 0;
        while (expectedSeq <= head.seq()) {
            var batch = jdbc.sql("SELECT * FROM audit_entry WHERE seq >= ? AND seq <= ? ORDER BY seq LIMIT " + BATCH)
                    .params(expectedSeq, head.seq())
                    .query(AuditChain::entry)
                    .list();
            if (batch.isEmpty()) {
                return AuditVerification.broken(checked, expectedSeq, "truncated");
            }
            for (AuditEntry entry : batch) {
                if (entry.seq() != expectedSeq) {
                    return AuditVerification.broken(checked, expectedSeq, "missing");
                }
                if (!entry.prevHash().equals(expectedPrev)) {
                    return AuditVerification.broken(checked, entry.seq(), "previous-hash");
                }
                if (!entry.hash().equals(entry.expectedHash())) {
                    return AuditVerification.broken(checked, entry.seq(), "content");
                }
                expectedPrev = entry.hash();
                expectedSeq++;
                checked++;
            }
        }
        if (!expectedPrev.equals(head.hash())) {
            return AuditVerification.broken(checked, Math.max(head.seq(), 1), "truncated");
        }
        // Rows past the newest head are not part of the chain: someone inserted them by hand.
        long newest = jdbc.sql("SELECT COALESCE(MAX(seq), 0) FROM audit_entry")
                .query(Long.class)
                .single();
        Head now = head();
        if (newest > now.seq()) {
            return AuditVerification.broken(checked, now.seq() + 1, "unanchored");
        }
        return AuditVerification.intact(checked);
    }

    private record Head(long seq, String hash) {}

    private Head head() {
        return jdbc.sql("SELECT last_seq, last_hash FROM audit_chain WHERE id = 1")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2)))
                .single();
    }

    static AuditEntry entry(ResultSet rs, int row) throws SQLException {
        return new AuditEntry(
                rs.getLong("seq"),
                rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                rs.getString("actor"),
                rs.getString("action"),
                rs.getString("target"),
                rs.getString("detail"),
                rs.getString("source"),
                rs.getString("prev_hash"),
                rs.getString("hash"));
    }

    private static @Nullable String clip(@Nullable String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
