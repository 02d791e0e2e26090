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
     * Where a subscription stands: PENDING while the network is asked (its keys are stored first, so
     * that a push arriving before the answer is not taken for an unknown subscription), ACTIVE once
     * the network gave its server key, UNSUPPORTED when it declined.
     */
    public enum State {
        PENDING,
        ACTIVE,
        UNSUPPORTED
    }

    /**
     * One account's subscription.
     *
     * @param id the last segment of its receiving address
     * @param serverKey the key the network signs pushes with; null unless ACTIVE
     */
    public record Stored(
            String id,
            long accountId,
            String connector,
            State state,
            @Nullable String serverKey,
            Instant subscribedAt,
            @Nullable Instant lastPushAt) {

        public boolean supported() {
            return state == State.ACTIVE;
        }
    }

    private final JdbcClient jdbc;

    PushRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A subscription about to be asked for, replacing any earlier one of the account's. */
    public void pending(String id, long accountId, String connector) {
        delete(accountId);
        jdbc.sql("""
                        INSERT INTO push_subscription (id, account_id, connector, state, subscribed_at)
                        VALUES (?, ?, ?, 'PENDING', ?)""").params(id, accountId, connector, at(Instant.now())).update();
    }

    /** The network accepted: it signs its pushes with this key. */
    public void subscribed(String id, String serverKey) {
        jdbc.sql("UPDATE push_subscription SET state = 'ACTIVE', server_key = ?, subscribed_at = ? WHERE id = ?")
                .params(serverKey, at(Instant.now()), id)
                .update();
    }

    /** The network cannot push to this account: not asked again until it is connected again. */
    public void unsupported(String id) {
        jdbc.sql("UPDATE push_subscription SET state = 'UNSUPPORTED' WHERE id = ?")
                .param(id)
                .update();
    }

    /** The asking failed: no subscription, tried again later. */
    public void abandoned(String id) {
        jdbc.sql("DELETE FROM push_subscription WHERE id = ?").param(id).update();
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

    /**
     * The accounts that need no new subscription: subscribed, declined, or being asked since
     * {@code askedSince} (an older PENDING one was left by a node that stopped).
     */
    public List<Long> settled(Instant askedSince) {
        return jdbc.sql("SELECT account_id FROM push_subscription WHERE state <> 'PENDING' OR subscribed_at > ?")
                .param(at(askedSince))
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
                State.valueOf(rs.getString("state")),
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
