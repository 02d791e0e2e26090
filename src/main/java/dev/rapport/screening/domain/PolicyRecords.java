package dev.rapport.screening.domain;

import dev.rapport.screening.PolicyRules;
import dev.rapport.screening.PolicyView;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The policy's tables: versions, acknowledgements, the enforcement setting. */
@Repository
public class PolicyRecords {

    /** The rules column's size. */
    static final int MAX_RULES = 60_000;

    private final JdbcClient jdbc;
    private final JsonMapper json;

    PolicyRecords(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public Optional<PolicyView> current() {
        return jdbc.sql("SELECT * FROM policy_version ORDER BY version DESC LIMIT 1")
                .query(this::view)
                .optional();
    }

    /** The current version's number only (0 before the first): read on every page view. */
    public int currentVersion() {
        return jdbc.sql("SELECT COALESCE(MAX(version), 0) FROM policy_version")
                .query(Integer.class)
                .single();
    }

    public List<PolicyView> all() {
        return jdbc.sql("SELECT * FROM policy_version ORDER BY version DESC")
                .query(this::view)
                .list();
    }

    public Optional<PolicyView> version(int version) {
        return jdbc.sql("SELECT * FROM policy_version WHERE version = ?")
                .param(version)
                .query(this::view)
                .optional();
    }

    /** Inserts the next version; a concurrent publication makes this fail on the primary key. */
    public int insert(String textEn, String textZh, PolicyRules rules, @Nullable String note, String by) {
        String rulesJson = json.writeValueAsString(rules);
        if (rulesJson.length() > MAX_RULES) {
            throw dev.rapport.core.Refusal.invalid("policy.rules-too-long", MAX_RULES);
        }
        int next = jdbc.sql("SELECT COALESCE(MAX(version), 0) + 1 FROM policy_version")
                .query(Integer.class)
                .single();
        jdbc.sql("""
                        INSERT INTO policy_version (version, text_en, text_zh, rules, note, published_by, published_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(next, textEn, textZh, rulesJson, note, by, Instant.now().atOffset(ZoneOffset.UTC))
                .update();
        return next;
    }

    public boolean acknowledged(long memberId, int version) {
        return jdbc.sql("SELECT COUNT(*) FROM policy_acknowledgement WHERE member_id = ? AND version = ?")
                        .params(memberId, version)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Records the acknowledgement; false if the member had already acknowledged this version. */
    public boolean acknowledge(long memberId, int version) {
        if (acknowledged(memberId, version)) {
            return false;
        }
        try {
            jdbc.sql("INSERT INTO policy_acknowledgement (member_id, version, acknowledged_at) VALUES (?, ?, ?)")
                    .params(memberId, version, Instant.now().atOffset(ZoneOffset.UTC))
                    .update();
            return true;
        } catch (org.springframework.dao.DuplicateKeyException twice) {
            return false; // a double click, or two tabs
        }
    }

    /** Each member's latest acknowledged version and when. */
    public Map<Long, Acknowledgement> latestAcknowledgements() {
        Map<Long, Acknowledgement> latest = new java.util.HashMap<>();
        jdbc.sql("SELECT member_id, version, acknowledged_at FROM policy_acknowledgement")
                .query((rs, row) -> new Acknowledgement(
                        rs.getLong("member_id"),
                        rs.getInt("version"),
                        rs.getTimestamp("acknowledged_at").toInstant()))
                .list()
                .forEach(ack -> latest.merge(ack.memberId(), ack, (a, b) -> a.version() >= b.version() ? a : b));
        return latest;
    }

    /** Members who acknowledged this version. */
    public Set<Long> acknowledgedBy(int version) {
        return Set.copyOf(jdbc.sql("SELECT member_id FROM policy_acknowledgement WHERE version = ?")
                .param(version)
                .query(Long.class)
                .list());
    }

    public boolean enforced() {
        return jdbc.sql("SELECT enforce_acknowledgement FROM policy_setting WHERE id = 1")
                .query(Boolean.class)
                .single();
    }

    public void enforce(boolean enforce) {
        jdbc.sql("UPDATE policy_setting SET enforce_acknowledgement = ? WHERE id = 1")
                .param(enforce)
                .update();
    }

    /** A member's acknowledgement of a version. */
    public record Acknowledgement(long memberId, int version, Instant at) {}

    private PolicyView view(ResultSet rs, int row) throws SQLException {
        return new PolicyView(
                rs.getInt("version"),
                rs.getString("text_en"),
                rs.getString("text_zh"),
                json.readValue(rs.getString("rules"), PolicyRules.class),
                rs.getString("note"),
                rs.getString("published_by"),
                rs.getTimestamp("published_at").toInstant());
    }
}
