package dev.rapport.audit;

import dev.rapport.core.AuditRecord;
import dev.rapport.core.Audited;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The audit module's facade: records {@link Audited} events, lists entries, verifies the chain. */
@Service
public class AuditLog {

    private final JdbcClient jdbc;
    private final AuditChain chain;

    AuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.chain = new AuditChain(jdbc);
    }

    /**
     * Runs after the publishing transaction commits; the event publication registry retries it
     * after a crash, so no committed action goes unrecorded.
     */
    @ApplicationModuleListener
    void on(Audited event) {
        record(event.auditRecord());
    }

    @Transactional
    public AuditEntry record(AuditRecord record) {
        return chain.append(record);
    }

    @Transactional(readOnly = true)
    public AuditPage find(AuditQuery query) {
        var where = new StringBuilder(" WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (query.actor() != null && !query.actor().isBlank()) {
            where.append(" AND LOWER(actor) LIKE ?");
            params.add("%" + query.actor().strip().toLowerCase() + "%");
        }
        if (query.action() != null && !query.action().isBlank()) {
            where.append(" AND action LIKE ?");
            params.add(query.action().strip() + "%");
        }
        if (query.from() != null) {
            where.append(" AND occurred_at >= ?");
            params.add(OffsetDateTime.ofInstant(query.from(), ZoneOffset.UTC));
        }
        if (query.to() != null) {
            where.append(" AND occurred_at < ?");
            params.add(OffsetDateTime.ofInstant(query.to(), ZoneOffset.UTC));
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM audit_entry" + where)
                .params(params)
                .query(Long.class)
                .single();
        var entries = jdbc.sql("SELECT * FROM audit_entry" + where + " ORDER BY seq DESC LIMIT " + query.size()
                        + " OFFSET " + (long) query.page() * query.size())
                .params(params)
                .query(AuditChain::entry)
                .list();
        return new AuditPage(entries, query.page(), query.size(), total);
    }

    /** The distinct action codes recorded so far, for the filter. */
    @Transactional(readOnly = true)
    public List<String> actions() {
        return jdbc.sql("SELECT DISTINCT action FROM audit_entry ORDER BY action")
                .query(String.class)
                .list();
    }

    @Transactional(readOnly = true)
    public AuditVerification verify() {
        return chain.verify();
    }
}
