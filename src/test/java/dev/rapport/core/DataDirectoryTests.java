package dev.rapport.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirectoryTests {

    @Test
    void aRefusedStatementLeavesNoTraceFileWithTheValuesItQuoted(@TempDir Path dataDir) throws Exception {
        try (Connection db = DriverManager.getConnection(DataDirectory.embeddedUrl(dataDir.toString()), "rapport", "");
                Statement statement = db.createStatement()) {
            statement.execute("CREATE TABLE contact (handle VARCHAR(40) PRIMARY KEY)");
            statement.execute("INSERT INTO contact VALUES ('li.wei.private')");
            assertThatThrownBy(() -> statement.execute("INSERT INTO contact VALUES ('li.wei.private')"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("li.wei.private");
            assertThatThrownBy(() ->
                            statement.executeQuery("SELECT handle FROM contact").findColumn("timeZone"))
                    .isInstanceOf(SQLException.class);
        }
        try (Stream<Path> files = Files.list(dataDir)) {
            assertThat(files.map(file -> file.getFileName().toString())).containsExactly("rapport.mv.db");
        }
    }
}
