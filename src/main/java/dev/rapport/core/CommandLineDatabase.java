package dev.rapport.core;

import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The database a command-line command works on: the one {@code SPRING_DATASOURCE_URL} names (with
 * {@code SPRING_DATASOURCE_USERNAME} and {@code _PASSWORD}), else the embedded database of a data
 * directory, which must exist already.
 */
public final class CommandLineDatabase {

    private CommandLineDatabase() {}

    public static DataSource of(String dataDir) {
        String url = System.getenv("SPRING_DATASOURCE_URL");
        if (url == null || url.isBlank()) {
            return new DriverManagerDataSource(DataDirectory.embeddedUrl(dataDir) + ";IFEXISTS=TRUE", "rapport", "");
        }
        return new DriverManagerDataSource(
                url, System.getenv("SPRING_DATASOURCE_USERNAME"), System.getenv("SPRING_DATASOURCE_PASSWORD"));
    }

    /** The innermost message of a failure, for a one-line error. */
    public static String rootMessage(Throwable e) {
        while (e.getCause() != null) {
            e = e.getCause();
        }
        return String.valueOf(e.getMessage());
    }
}
