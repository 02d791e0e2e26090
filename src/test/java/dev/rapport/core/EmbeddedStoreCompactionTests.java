package dev.rapport.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Random;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded database's file stays close to the size of its data: many small commits at random
 * places (what ingestion does) leave H2's chunks mostly stale, and the compaction passes make them
 * mostly live again, losing nothing.
 */
class EmbeddedStoreCompactionTests {

    @TempDir
    Path directory;

    @Test
    void stalePagesAreRewrittenUntilTheFileIsMostlyLiveAndNoRowIsLost() throws SQLException {
        JdbcDataSource dataSource = embedded();
        EmbeddedStoreCompaction compaction = new EmbeddedStoreCompaction(dataSource);
        try (Connection connection = dataSource.getConnection()) {
            fragment(connection);
            String before = contents(connection);
            Integer stale = compaction.fillRate();
            assertThat(stale)
                    .as("live share of the chunks after small random commits")
                    .isNotNull()
                    .isLessThan(30);

            // A quiet application: nothing else commits, the passes store what they rewrite.
            int passes = 0;
            while (passes < 200 && compaction.fillRate() < EmbeddedStoreCompaction.TARGET_FILL_RATE) {
                compaction.compact();
                passes++;
            }
            assertThat(compaction.fillRate())
                    .as("live share of the chunks after %d passes (from %d%%)", passes, stale)
                    .isGreaterThanOrEqualTo(EmbeddedStoreCompaction.TARGET_FILL_RATE);
            assertThat(contents(connection)).isEqualTo(before);
        }
    }

    @Test
    void aBusyDatabaseIsCompactedOnceItCalmsDown() throws SQLException {
        JdbcDataSource dataSource = embedded();
        EmbeddedStoreCompaction compaction = new EmbeddedStoreCompaction(dataSource);
        try (Connection connection = dataSource.getConnection()) {
            assertThat(compaction.compact()).as("a pass on an empty file").isFalse();
            fragment(connection); // thousands of commits since that pass
            assertThat(compaction.compact()).as("a pass after a busy second").isFalse();
            assertThat(compaction.compact())
                    .as("the next pass, nothing committed since")
                    .isTrue();
        }
    }

    /**
     * 20,000 rows inserted and 10,000 updated at random places, ten rows a commit: as ingestion
     * writes, on a connection left in a transaction.
     */
    private static void fragment(Connection connection) throws SQLException {
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("CREATE TABLE message (id BIGINT PRIMARY KEY, remote_id VARCHAR(40), text VARCHAR(200))");
            ddl.execute("CREATE UNIQUE INDEX message_remote ON message (remote_id)");
        }
        connection.setAutoCommit(false);
        Random random = new Random(7);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO message VALUES (?, ?, ?)")) {
            for (int id = 0; id < 20_000; id++) {
                insert.setLong(1, id);
                insert.setString(
                        2, UUID.nameUUIDFromBytes(Long.toString(id).getBytes()).toString());
                insert.setString(3, "first " + id);
                insert.executeUpdate();
                if (id % 10 == 9) {
                    connection.commit();
                }
            }
        }
        try (PreparedStatement update = connection.prepareStatement("UPDATE message SET text = ? WHERE id = ?")) {
            for (int n = 0; n < 10_000; n++) {
                update.setString(1, "edited " + n);
                update.setLong(2, random.nextInt(20_000));
                update.executeUpdate();
                if (n % 10 == 9) {
                    connection.commit();
                }
            }
        }
    }

    /** The application's URL in a fresh directory; no retention time, so that new chunks may be rewritten. */
    private JdbcDataSource embedded() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(DataDirectory.embeddedUrl(directory.toString()) + ";RETENTION_TIME=0");
        dataSource.setUser("rapport");
        return dataSource;
    }

    @Test
    void anInMemoryDatabaseIsLeftAlone() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:compaction;DB_CLOSE_DELAY=-1");
        EmbeddedStoreCompaction compaction = new EmbeddedStoreCompaction(dataSource);
        assertThat(compaction.fillRate()).isNull();
        assertThat(compaction.compact()).isFalse();
    }

    /** Every row, summed up: how many, and a hash of all their values. */
    private static String contents(Connection connection) throws SQLException {
        try (Statement query = connection.createStatement();
                ResultSet rows = query.executeQuery(
                        "SELECT COUNT(*), SUM(CAST(ORA_HASH(remote_id || text) AS BIGINT))" + " FROM message")) {
            rows.next();
            return rows.getLong(1) + " rows, " + rows.getLong(2);
        }
    }
}
