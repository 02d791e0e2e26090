package dev.rapport.core;

import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Resolves {@code rapport.data-dir} (default {@code ./data}) to the embedded database's URL,
 * exposed as {@code rapport.embedded-url}, so that it works for any directory the user names; the
 * command line opens the same URL.
 */
public class DataDirectory implements EnvironmentPostProcessor {

    public static final String PROPERTY = "rapport.data-dir";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String configured = environment.getProperty(PROPERTY, "./data");
        environment
                .getPropertySources()
                .addLast(new MapPropertySource(
                        "rapportDataPath", Map.of("rapport.embedded-url", embeddedUrl(configured))));
    }

    /** The absolute, forward-slashed path of a data directory, as H2 wants it. */
    public static String resolve(String directory) {
        return Path.of(directory).toAbsolutePath().normalize().toString().replace('\\', '/');
    }

    /**
     * The JDBC URL of the embedded database in a data directory. {@code WRITE_DELAY=0}: H2 keeps no
     * redo log, and by default writes committed changes to its file up to half a second later, so a
     * killed process lost its last commits — a publication recorded, then forgotten, and sent again.
     * With no delay every commit is in the file when it returns (and H2 compacts the file no more:
     * {@link EmbeddedStoreCompaction} does). {@code LOCK_TIMEOUT=10000}: a
     * transaction waits up to 10 s for a row another holds (H2's default is 2 s, which a busy
     * machine exceeds when many audit entries queue for the chain's head), as PostgreSQL waits.
     * {@code QUERY_CACHE_SIZE=64}: each connection keeps 64 parsed statements instead of 8, as
     * taking one interaction into the inbox alone runs more than 8 different ones.
     * {@code TRACE_LEVEL_FILE=0}: no {@code rapport.trace.db}. H2 would write every statement error
     * there with its stack, and its message can quote the values (a customer's words); the error
     * still reaches Rapport, which logs what it may.
     */
    public static String embeddedUrl(String directory) {
        return "jdbc:h2:file:" + resolve(directory)
                + "/rapport;MODE=PostgreSQL;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;LOCK_TIMEOUT=10000;QUERY_CACHE_SIZE=64;TRACE_LEVEL_FILE=0";
    }
}
