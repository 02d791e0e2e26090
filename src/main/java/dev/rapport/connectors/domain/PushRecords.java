package dev.rapport.connectors.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code push_subscription} table: one subscription per account at most. */
@Repository
public class PushRecords {

    /**
     * One account's subscription.
     *
     * @param id the last segment of its receiving address
     * @param serverKey the key the network signs pushes with; null when the network cannot push
     */
    public record Stored(
            String id,
            long accountId,
            String connector,
            boolean supported,
            @Nullable String serverKey,
            Instant subscribedAt,
            @Nullable Instant lastPushAt) {}

    private final JdbcClient jdbc;

    PushRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The account's subscription, replacing any earlier one. */
    public void subscribed(String id, long accountId, String connector, String serverKey) {
        replace(id, accountId, connector, "ACTIVE", serverKey);
    }

    /** The network cannot push to this account: not asked again until it is connected again. */
    public void unsupported(String id, long accountId, String connector) {
        replace(id, accountId, connector, "UNSUPPORTED", null);
    }

    private void replace(String id, long accountId, String connector, String state, @Nullable String serverKey) {
        delete(accountId);
        jdbc.sql("""
                        INSERT INTO push_subscription (id, account_id, connector, state, server_key, subscribed_at)
                        VALUES (?, ?, ?, ?, ?, ?)""")
                .params(id, accountId, connector, state, serverKey, at(Instant.now()))
                .update();
    }

    public Optional<Stored> find(String id) {
        return jdbc.sql("SELECT * FROM push_subscription WHERE id = ?")
                .param(id)
                .query(PushRecords::stored)
                .optional();
    }

    public Optional<Stored> ofAccount(long accountId) {
        return jdbc.sql("SELECT * FROM push_subscription WHERE account_id = ?")
                .param(accountId)
                .query(PushRecords::stored)
                .optional();
    }

    /** The accounts that have a subscription row (active or not). */
    public List<Long> accounts() {
        return jdbc.sql("SELECT account_id FROM push_subscription")
                .query(Long.class)
                .list();
    }

    public void pushed(String id) {
        jdbc.sql("UPDATE push_subscription SET last_push_at = ? WHERE id = ?")
                .params(at(Instant.now()), id)
                .update();
    }

    /** True if there was one. */
    public boolean delete(long accountId) {
        return jdbc.sql("DELETE FROM push_subscription WHERE account_id = ?")
                        .param(accountId)
                        .update()
                > 0;
    }

    private static Stored stored(ResultSet rs, int row) throws SQLException {
        return new Stored(
                rs.getString("id"),
                rs.getLong("account_id"),
                rs.getString("connector"),
                "ACTIVE".equals(rs.getString("state")),
                rs.getString("server_key"),
                instant(rs, "subscribed_at"),
                instant(rs, "last_push_at"));
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
