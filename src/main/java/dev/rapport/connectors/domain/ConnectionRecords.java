package dev.rapport.connectors.domain;

import dev.rapport.connectors.ConnectionStatus;
import dev.rapport.connectors.ConnectionView;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code network_connection} table. The stored state is CONNECTED, EXPIRED or DISCONNECTED;
 * EXPIRING and FAILING are read from the expiry time and the run of failures.
 */
@Repository
public class ConnectionRecords {

    /** Consecutive failed calls after which a connection shows as failing. */
    public static final int FAILING_AFTER = 3;
    /** How long before its expiry a connection shows as expiring, and its owners are warned. */
    public static final Duration WARN_BEFORE = Duration.ofDays(7);

    private static final TypeReference<Map<String, String>> MAP = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ConnectionRecords(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Connects (or connects again) an account, starting with a clean record. */
    public void save(
            long accountId,
            String connector,
            String remoteId,
            String handle,
            Map<String, String> settings,
            @Nullable Instant expiresAt,
            long connectedBy) {
        jdbc.sql("DELETE FROM network_connection WHERE account_id = ?")
                .param(accountId)
                .update();
        jdbc.sql("""
                        INSERT INTO network_connection (account_id, connector, remote_id, handle, settings, state,
                            expires_at, connected_by, connected_at, consecutive_failures)
                        VALUES (?, ?, ?, ?, ?, 'CONNECTED', ?, ?, ?, 0)""")
                .params(
                        accountId,
                        connector,
                        remoteId,
                        handle,
                        json.writeValueAsString(settings),
                        at(expiresAt),
                        connectedBy,
                        at(Instant.now()))
                .update();
    }

    /** New settings and expiry after a token refresh; false if the account was disconnected meanwhile. */
    public boolean renewed(long accountId, Map<String, String> settings, @Nullable Instant expiresAt) {
        return jdbc.sql("""
                        UPDATE network_connection SET settings = ?, expires_at = ?, state = 'CONNECTED', warned_at = NULL
                        WHERE account_id = ? AND state <> 'DISCONNECTED'""")
                        .params(json.writeValueAsString(settings), at(expiresAt), accountId)
                        .update()
                > 0;
    }

    public Optional<ConnectionView> find(long accountId) {
        return jdbc.sql("SELECT * FROM network_connection WHERE account_id = ? AND state <> 'DISCONNECTED'")
                .param(accountId)
                .query(this::view)
                .optional();
    }

    /** Whether the account was ever connected (even if disconnected since). */
    public boolean known(long accountId) {
        return jdbc.sql("SELECT COUNT(*) FROM network_connection WHERE account_id = ?")
                        .param(accountId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Whether the network refused the stored credentials for good (not merely past their expiry time). */
    public boolean refused(long accountId) {
        return jdbc.sql("SELECT COUNT(*) FROM network_connection WHERE account_id = ? AND state = 'EXPIRED'")
                        .param(accountId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    public List<ConnectionView> all() {
        return jdbc.sql("SELECT * FROM network_connection WHERE state <> 'DISCONNECTED' ORDER BY account_id")
                .query(this::view)
                .list();
    }

    public void succeeded(long accountId) {
        jdbc.sql("""
                        UPDATE network_connection SET last_success_at = ?, consecutive_failures = 0
                        WHERE account_id = ?""").params(at(Instant.now()), accountId).update();
    }

    public void failed(long accountId, String reason, @Nullable String message) {
        jdbc.sql("""
                        UPDATE network_connection SET last_failure_at = ?, failure_reason = ?, failure_message = ?,
                            consecutive_failures = consecutive_failures + 1
                        WHERE account_id = ?""")
                .params(at(Instant.now()), reason, abbreviate(message), accountId)
                .update();
    }

    /** The network refuses the credentials for good; true if that is news (it was not expired yet). */
    public boolean expired(long accountId, @Nullable String message) {
        return jdbc.sql("""
                        UPDATE network_connection SET state = 'EXPIRED', last_failure_at = ?,
                            failure_reason = 'auth-expired', failure_message = ?
                        WHERE account_id = ? AND state = 'CONNECTED'""")
                        .params(at(Instant.now()), abbreviate(message), accountId)
                        .update()
                > 0;
    }

    public void disconnected(long accountId) {
        jdbc.sql("UPDATE network_connection SET state = 'DISCONNECTED' WHERE account_id = ?")
                .param(accountId)
                .update();
    }

    /**
     * Connections whose owners should hear about them — expiring soon, expired or failing — and who
     * were not told in the last {@code again} period; each is marked as told.
     */
    public List<ConnectionView> claimWarnings(Duration again) {
        Instant now = Instant.now();
        List<ConnectionView> due = jdbc.sql("""
                        SELECT * FROM network_connection WHERE state <> 'DISCONNECTED'
                        AND (warned_at IS NULL OR warned_at < ?)
                        AND (state = 'EXPIRED' OR expires_at < ? OR consecutive_failures >= ?)""")
                .params(at(now.minus(again)), at(now.plus(WARN_BEFORE)), FAILING_AFTER)
                .query(this::view)
                .list();
        due.forEach(connection -> jdbc.sql("UPDATE network_connection SET warned_at = ? WHERE account_id = ?")
                .params(at(now), connection.accountId())
                .update());
        return due;
    }

    private ConnectionView view(ResultSet rs, int row) throws SQLException {
        Instant expiresAt = instant(rs, "expires_at");
        int failures = rs.getInt("consecutive_failures");
        String state = rs.getString("state");
        Instant now = Instant.now();
        ConnectionStatus status;
        if ("EXPIRED".equals(state) || (expiresAt != null && expiresAt.isBefore(now))) {
            status = ConnectionStatus.EXPIRED;
        } else if (failures >= FAILING_AFTER) {
            status = ConnectionStatus.FAILING;
        } else if (expiresAt != null && expiresAt.isBefore(now.plus(WARN_BEFORE))) {
            status = ConnectionStatus.EXPIRING;
        } else {
            status = ConnectionStatus.CONNECTED;
        }
        return new ConnectionView(
                rs.getLong("account_id"),
                status,
                rs.getString("connector"),
                rs.getString("remote_id"),
                rs.getString("handle"),
                json.readValue(rs.getString("settings"), MAP),
                expiresAt,
                rs.getLong("connected_by"),
                instant(rs, "connected_at"),
                instant(rs, "last_success_at"),
                instant(rs, "last_failure_at"),
                rs.getString("failure_reason"),
                rs.getString("failure_message"));
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static @Nullable OffsetDateTime at(@Nullable Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static @Nullable String abbreviate(@Nullable String message) {
        return message == null || message.length() <= 1000 ? message : message.substring(0, 999) + "…";
    }
}
