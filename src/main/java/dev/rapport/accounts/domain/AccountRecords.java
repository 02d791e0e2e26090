package dev.rapport.accounts.domain;

import dev.rapport.accounts.AccountPermission;
import dev.rapport.accounts.AccountStatus;
import dev.rapport.accounts.AccountView;
import dev.rapport.accounts.GrantView;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The registry's tables: accounts, their owners and their grants. */
@Repository
public class AccountRecords {

    private final JdbcClient jdbc;

    AccountRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(
            String network,
            String handle,
            @Nullable String url,
            String purpose,
            @Nullable String notes,
            AccountStatus status,
            long registeredBy,
            List<Long> owners) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO account (network, handle, url, purpose, notes, status, registered_by, created_at, version)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0)""")
                .params(network, handle, url, purpose, notes, status.name(), registeredBy, now())
                .update(keys, "id");
        long id = keys.getKey().longValue();
        owners.stream()
                .distinct()
                .forEach(owner -> jdbc.sql("INSERT INTO account_owner (account_id, member_id) VALUES (?, ?)")
                        .params(id, owner)
                        .update());
        return id;
    }

    public boolean handleTaken(String network, String handle) {
        return jdbc.sql("SELECT COUNT(*) FROM account WHERE network = ? AND LOWER(handle) = LOWER(?)"
                                + " AND status NOT IN ('REJECTED', 'RETIRED')")
                        .params(network, handle)
                        .query(Long.class)
                        .single()
                > 0;
    }

    public Optional<AccountView> find(long id) {
        return jdbc.sql("SELECT * FROM account WHERE id = ?")
                .param(id)
                .query(this::account)
                .optional();
    }

    public List<AccountView> all() {
        Map<Long, List<Long>> owners = owners("SELECT account_id, member_id FROM account_owner", Map.of());
        return jdbc.sql("SELECT * FROM account ORDER BY network, handle")
                .query((rs, row) -> account(rs, owners.getOrDefault(rs.getLong("id"), List.of())))
                .list();
    }

    /** Owners per account in one query, rather than one query per account. */
    private Map<Long, List<Long>> owners(String sql, Map<String, Object> params) {
        Map<Long, List<Long>> owners = new java.util.HashMap<>();
        jdbc.sql(sql + " ORDER BY account_id, member_id").params(params).query(rs -> {
            owners.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(rs.getLong(2));
        });
        return owners;
    }

    /** Accounts a member owns or holds a grant on. */
    public List<AccountView> reachableBy(long memberId) {
        String reachable = """
                SELECT account_id FROM account_owner WHERE member_id = :m
                UNION SELECT account_id FROM account_grant WHERE member_id = :m""";
        Map<Long, List<Long>> owners = owners(
                "SELECT account_id, member_id FROM account_owner WHERE account_id IN (" + reachable + ")",
                Map.of("m", memberId));
        return jdbc.sql("SELECT * FROM account WHERE id IN (" + reachable + ") ORDER BY network, handle")
                .param("m", memberId)
                .query((rs, row) -> account(rs, owners.getOrDefault(rs.getLong("id"), List.of())))
                .list();
    }

    public void decide(long id, AccountStatus status, long decidedBy, @Nullable String note) {
        jdbc.sql("UPDATE account SET status = ?, decided_by = ?, decision_note = ?, version = version + 1 WHERE id = ?")
                .params(status.name(), decidedBy, note, id)
                .update();
    }

    public void changeStatus(long id, AccountStatus status) {
        jdbc.sql("UPDATE account SET status = ?, version = version + 1 WHERE id = ?")
                .params(status.name(), id)
                .update();
    }

    public boolean owns(long memberId, long accountId) {
        return jdbc.sql("SELECT COUNT(*) FROM account_owner WHERE account_id = ? AND member_id = ?")
                        .params(accountId, memberId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    public Set<AccountPermission> permissions(long memberId, long accountId) {
        Set<AccountPermission> permissions = EnumSet.noneOf(AccountPermission.class);
        jdbc.sql("SELECT permission FROM account_grant WHERE account_id = ? AND member_id = ?")
                .params(accountId, memberId)
                .query(String.class)
                .list()
                .forEach(p -> permissions.add(AccountPermission.valueOf(p)));
        return permissions;
    }

    public List<GrantView> grants(long accountId) {
        Map<Long, Set<AccountPermission>> byMember = new LinkedHashMap<>();
        jdbc.sql("SELECT member_id, permission FROM account_grant WHERE account_id = ? ORDER BY member_id")
                .param(accountId)
                .query((rs, n) -> byMember.computeIfAbsent(rs.getLong(1), m -> EnumSet.noneOf(AccountPermission.class))
                        .add(AccountPermission.valueOf(rs.getString(2))))
                .list();
        List<GrantView> grants = new ArrayList<>();
        byMember.forEach((member, permissions) -> grants.add(new GrantView(accountId, member, permissions)));
        return grants;
    }

    public void replaceGrant(long accountId, long memberId, Set<AccountPermission> permissions, long grantedBy) {
        jdbc.sql("DELETE FROM account_grant WHERE account_id = ? AND member_id = ?")
                .params(accountId, memberId)
                .update();
        for (AccountPermission permission : permissions) {
            jdbc.sql(
                            "INSERT INTO account_grant (account_id, member_id, permission, granted_by, granted_at) VALUES (?, ?, ?, ?, ?)")
                    .params(accountId, memberId, permission.name(), grantedBy, now())
                    .update();
        }
    }

    public List<AccountView> ownedBy(long memberId) {
        return jdbc.sql(
                        "SELECT * FROM account WHERE id IN (SELECT account_id FROM account_owner WHERE member_id = ?) ORDER BY network, handle")
                .param(memberId)
                .query(this::account)
                .list();
    }

    public void replaceOwner(long accountId, long from, @Nullable Long to) {
        jdbc.sql("DELETE FROM account_owner WHERE account_id = ? AND member_id = ?")
                .params(accountId, from)
                .update();
        if (to != null && !owns(to, accountId)) {
            jdbc.sql("INSERT INTO account_owner (account_id, member_id) VALUES (?, ?)")
                    .params(accountId, to)
                    .update();
        }
    }

    /** Accounts on which the member holds this permission through a grant. */
    public List<Long> grantedTo(long memberId, AccountPermission permission) {
        return jdbc.sql("SELECT account_id FROM account_grant WHERE member_id = ? AND permission = ?")
                .params(memberId, permission.name())
                .query(Long.class)
                .list();
    }

    public int deleteGrantsOf(long memberId) {
        return jdbc.sql("DELETE FROM account_grant WHERE member_id = ?")
                .param(memberId)
                .update();
    }

    private AccountView account(ResultSet rs, int row) throws SQLException {
        return account(
                rs,
                jdbc.sql("SELECT member_id FROM account_owner WHERE account_id = ? ORDER BY member_id")
                        .param(rs.getLong("id"))
                        .query(Long.class)
                        .list());
    }

    private AccountView account(ResultSet rs, List<Long> owners) throws SQLException {
        long id = rs.getLong("id");
        return new AccountView(
                id,
                rs.getString("network"),
                rs.getString("handle"),
                rs.getString("url"),
                rs.getString("purpose"),
                rs.getString("notes"),
                AccountStatus.valueOf(rs.getString("status")),
                List.copyOf(owners),
                rs.getLong("registered_by"),
                rs.getObject("decided_by", Long.class),
                rs.getString("decision_note"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getString("time_zone"));
    }

    public void changeTimeZone(long id, @org.jspecify.annotations.Nullable String zone) {
        jdbc.sql("UPDATE account SET time_zone = ? WHERE id = ?")
                .params(zone, id)
                .update();
    }

    static OffsetDateTime now() {
        return OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC);
    }
}
