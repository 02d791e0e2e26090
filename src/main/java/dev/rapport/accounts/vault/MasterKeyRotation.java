package dev.rapport.accounts.vault;

import dev.rapport.accounts.vault.MasterKeys.MasterKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;

/**
 * Re-wraps every data key (and the vault's own keys) under a new master key, in one transaction:
 * the values themselves are never decrypted, and a failure leaves every row as it was.
 */
public final class MasterKeyRotation {

    private MasterKeyRotation() {}

    /**
     * Re-wraps until no row is left under another key (a server may seal new values with the old
     * key while a pass runs); returns how many wrapped keys were moved to {@code next}.
     */
    public static int rewrapAll(DataSource dataSource, MasterKeys keys, MasterKey next) throws SQLException {
        int total = 0;
        for (int pass = 0; pass < 10; pass++) {
            int moved = rewrap(dataSource, keys, next);
            total += moved;
            if (moved == 0) {
                return total;
            }
        }
        throw new VaultException(
                "rows keep arriving under the old key: stop the servers' writes and run the rotation again");
    }

    /** One pass, in one transaction; returns how many wrapped keys now belong to {@code next}. */
    public static int rewrap(DataSource dataSource, MasterKeys keys, MasterKey next) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                int count = rewrap(connection, "secret", "id", keys, next)
                        + rewrap(connection, "vault_key", "name", keys, next);
                connection.commit();
                return count;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private static int rewrap(Connection connection, String table, String key, MasterKeys keys, MasterKey next)
            throws SQLException {
        record Row(String key, String wrapped, String masterKeyId) {}
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                        "SELECT " + key + ", wrapped_key, master_key_id FROM " + table + " FOR UPDATE");
                ResultSet result = select.executeQuery()) {
            while (result.next()) {
                rows.add(new Row(result.getString(1), result.getString(2), result.getString(3)));
            }
        }
        int count = 0;
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE " + table + " SET wrapped_key = ?, master_key_id = ? WHERE " + key + " = ?")) {
            for (Row row : rows) {
                if (row.masterKeyId().equals(next.id())) {
                    continue;
                }
                byte[] dataKey = Envelope.unwrap(row.wrapped(), keys.byId(row.masterKeyId()));
                try {
                    update.setString(1, Envelope.wrap(dataKey, next));
                    update.setString(2, next.id());
                    update.setObject(3, table.equals("secret") ? (Object) Long.valueOf(row.key()) : row.key());
                    update.addBatch();
                    count++;
                } finally {
                    Arrays.fill(dataKey, (byte) 0);
                }
            }
            update.executeBatch();
        }
        return count;
    }
}
