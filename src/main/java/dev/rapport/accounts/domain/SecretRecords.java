package dev.rapport.accounts.domain;

import dev.rapport.accounts.RotationTask;
import dev.rapport.accounts.SecretKind;
import dev.rapport.accounts.SecretView;
import dev.rapport.accounts.vault.Envelope.Sealed;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The vault's tables: sealed secrets, the vault's own keys, and who has seen what. */
@Repository
public class SecretRecords {

    /** A stored secret with its sealed value, for the vault's own use only. */
    public record StoredSecret(SecretView view, String ref, Sealed sealed) {}

    private final JdbcClient jdbc;

    SecretRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(
            long accountId,
            String ref,
            SecretKind kind,
            String label,
            Sealed sealed,
            @Nullable String fingerprint,
            @Nullable Integer rotationDays,
            long createdBy) {
        var keys = new GeneratedKeyHolder();
        OffsetDateTime now = AccountRecords.now();
        jdbc.sql("""
                        INSERT INTO secret (account_id, ref, kind, label, ciphertext, wrapped_key, master_key_id,
                                            fingerprint, rotation_days, created_by, created_at, changed_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        accountId,
                        ref,
                        kind.name(),
                        label,
                        sealed.ciphertext(),
                        sealed.wrappedKey(),
                        sealed.masterKeyId(),
                        fingerprint,
                        rotationDays,
                        createdBy,
                        now,
                        now)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** An earlier secret of the same kind and label is kept, retired, for history. */
    public void retire(long accountId, SecretKind kind, String label) {
        jdbc.sql(
                        "UPDATE secret SET retired_at = ? WHERE account_id = ? AND kind = ? AND LOWER(label) = LOWER(?) AND retired_at IS NULL")
                .params(AccountRecords.now(), accountId, kind.name(), label)
                .update();
    }

    /**
     * Whether this value (by its fingerprint) is in use on any account, or was ever used for the
     * same secret before: a reused or recycled password.
     */
    public boolean fingerprintUsed(String fingerprint, long accountId, SecretKind kind, String label) {
        return jdbc.sql("""
                        SELECT COUNT(*) FROM secret WHERE fingerprint = ?
                        AND (retired_at IS NULL OR (account_id = ? AND kind = ? AND LOWER(label) = LOWER(?)))""")
                        .params(fingerprint, accountId, kind.name(), label)
                        .query(Long.class)
                        .single()
                > 0;
    }

    public List<SecretView> live(long accountId) {
        return jdbc.sql("SELECT * FROM secret WHERE account_id = ? AND retired_at IS NULL ORDER BY kind, label")
                .param(accountId)
                .query(SecretRecords::view)
                .list();
    }

    public Optional<StoredSecret> find(long accountId, long secretId) {
        return jdbc.sql("SELECT * FROM secret WHERE id = ? AND account_id = ? AND retired_at IS NULL")
                .params(secretId, accountId)
                .query((rs, n) -> new StoredSecret(
                        view(rs, n),
                        rs.getString("ref"),
                        new Sealed(
                                rs.getString("ciphertext"),
                                rs.getString("wrapped_key"),
                                rs.getString("master_key_id"))))
                .optional();
    }

    /** The live secret of this kind and label on the account, if any. */
    public Optional<Long> liveId(long accountId, SecretKind kind, String label) {
        return jdbc
                .sql(
                        "SELECT id FROM secret WHERE account_id = ? AND kind = ? AND LOWER(label) = LOWER(?) AND retired_at IS NULL ORDER BY id DESC")
                .params(accountId, kind.name(), label)
                .query(Long.class)
                .stream()
                .findFirst(); // two concurrent refreshes may both leave one: the newest wins
    }

    /** Live secrets on any of these accounts, or on every account when {@code all}. */
    public List<SecretView> liveOn(java.util.Collection<Long> accountIds, boolean all) {
        if (all) {
            return jdbc.sql("SELECT * FROM secret WHERE retired_at IS NULL ORDER BY account_id, id")
                    .query(SecretRecords::view)
                    .list();
        }
        if (accountIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(
                        "SELECT * FROM secret WHERE retired_at IS NULL AND account_id IN (:accounts) ORDER BY account_id, id")
                .param("accounts", accountIds)
                .query(SecretRecords::view)
                .list();
    }

    /** Live secrets the member has seen or stored themselves: they know those values. */
    public List<SecretView> exposedTo(long memberId) {
        return jdbc.sql("""
                        SELECT * FROM secret WHERE retired_at IS NULL
                        AND (created_by = :m OR id IN (SELECT secret_id FROM secret_exposure WHERE member_id = :m))""").param("m", memberId).query(SecretRecords::view).list();
    }

    /** Opens a rotation task unless one is already open for this secret and member (one statement). */
    public boolean openTask(SecretView secret, long memberId, String reason) {
        return jdbc.sql("""
                        INSERT INTO rotation_task (secret_id, account_id, member_id, reason, created_at)
                        SELECT :s, :a, :m, :r, :t WHERE NOT EXISTS (
                            SELECT 1 FROM rotation_task WHERE secret_id = :s AND member_id = :m AND done_at IS NULL)""")
                        .param("s", secret.id())
                        .param("a", secret.accountId())
                        .param("m", memberId)
                        .param("r", reason)
                        .param("t", AccountRecords.now())
                        .update()
                > 0;
    }

    public List<RotationTask> tasksFor(long memberId) {
        return jdbc.sql("""
                        SELECT t.*, s.kind, s.label, a.network, a.handle FROM rotation_task t
                        JOIN secret s ON s.id = t.secret_id JOIN account a ON a.id = t.account_id
                        WHERE t.member_id = ? ORDER BY t.done_at DESC, t.id""").param(memberId).query(SecretRecords::task).list();
    }

    /** A new value for a secret completes every open task on it. */
    public int completeTasks(long secretId, long doneBy) {
        return jdbc.sql("UPDATE rotation_task SET done_at = ?, done_by = ? WHERE secret_id = ? AND done_at IS NULL")
                .params(AccountRecords.now(), doneBy, secretId)
                .update();
    }

    static RotationTask task(ResultSet rs, int row) throws SQLException {
        OffsetDateTime done = rs.getObject("done_at", OffsetDateTime.class);
        return new RotationTask(
                rs.getLong("id"),
                rs.getLong("secret_id"),
                rs.getLong("account_id"),
                rs.getString("network"),
                rs.getString("handle"),
                SecretKind.valueOf(rs.getString("kind")),
                rs.getString("label"),
                rs.getLong("member_id"),
                rs.getString("reason"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                done == null ? null : done.toInstant());
    }

    /**
     * Live secrets whose rotation date falls before {@code horizon} and whose owners were not
     * reminded since {@code remindedBefore}.
     */
    public List<SecretView> dueForReminder(Instant horizon, Instant remindedBefore) {
        return jdbc
                .sql("SELECT * FROM secret WHERE retired_at IS NULL AND rotation_days IS NOT NULL"
                        + " AND (reminded_at IS NULL OR reminded_at < ?) ORDER BY account_id, id")
                .param(java.time.OffsetDateTime.ofInstant(remindedBefore, java.time.ZoneOffset.UTC))
                .query(SecretRecords::view)
                .list()
                .stream()
                .filter(secret -> secret.rotationDue().isBefore(horizon))
                .toList();
    }

    public void reminded(long secretId) {
        jdbc.sql("UPDATE secret SET reminded_at = ? WHERE id = ?")
                .params(AccountRecords.now(), secretId)
                .update();
    }

    public void exposed(long secretId, long memberId) {
        jdbc.sql("INSERT INTO secret_exposure (secret_id, member_id, revealed_at) VALUES (?, ?, ?)")
                .params(secretId, memberId, AccountRecords.now())
                .update();
    }

    public Optional<Sealed> vaultKey(String name) {
        return jdbc.sql("SELECT wrapped_key, master_key_id FROM vault_key WHERE name = ?")
                .param(name)
                .query((rs, n) -> new Sealed("", rs.getString(1), rs.getString(2)))
                .optional();
    }

    public void insertVaultKey(String name, String wrappedKey, String masterKeyId) {
        jdbc.sql("INSERT INTO vault_key (name, wrapped_key, master_key_id) VALUES (?, ?, ?)")
                .params(name, wrappedKey, masterKeyId)
                .update();
    }

    static SecretView view(ResultSet rs, int row) throws SQLException {
        Integer rotationDays = rs.getObject("rotation_days", Integer.class);
        Instant changedAt = rs.getObject("changed_at", OffsetDateTime.class).toInstant();
        return new SecretView(
                rs.getLong("id"),
                rs.getLong("account_id"),
                SecretKind.valueOf(rs.getString("kind")),
                rs.getString("label"),
                rs.getLong("created_by"),
                changedAt,
                rotationDays,
                rotationDays == null ? null : changedAt.plus(Duration.ofDays(rotationDays)));
    }
}
