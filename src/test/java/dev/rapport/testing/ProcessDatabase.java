package dev.rapport.testing;

import dev.rapport.core.DataDirectory;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A database of its own for {@link RapportProcess}es: on the PostgreSQL that
 * {@code SPRING_DATASOURCE_URL} names (scripts/test sets it), a fresh schema, so that the
 * application contexts of other tests in this JVM — whose schedulers poll the default schema — never
 * see its tasks; else the embedded H2 file of the data directory, which outlives a killed process.
 *
 * @param schema the PostgreSQL schema, null on H2
 */
public record ProcessDatabase(
        String url,
        String username,
        String password,
        @Nullable String schema) {

    public static boolean postgres() {
        String url = System.getenv("SPRING_DATASOURCE_URL");
        return url != null && url.startsWith("jdbc:postgresql:");
    }

    /** A new, empty database for processes working in this data directory. */
    public static ProcessDatabase fresh(Path dataDir) {
        if (!postgres()) {
            return new ProcessDatabase(DataDirectory.embeddedUrl(dataDir.toString()), "rapport", "", null);
        }
        String base = System.getenv("SPRING_DATASOURCE_URL");
        String schema = "once_" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
        ProcessDatabase database = new ProcessDatabase(
                base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema,
                System.getenv().getOrDefault("SPRING_DATASOURCE_USERNAME", "rapport"),
                System.getenv().getOrDefault("SPRING_DATASOURCE_PASSWORD", ""),
                schema);
        database.execute("CREATE SCHEMA " + schema);
        return database;
    }

    /**
     * A connection of the test's own. The embedded H2 file is open in one process at a time: connect
     * to it only while no Rapport process runs on it.
     */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, username, password);
    }

    /** Drops the schema (PostgreSQL); the H2 file goes with the data directory. */
    public void drop() {
        if (schema != null) {
            execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }

    private void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(url, username, password);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed", e);
        }
    }
}
