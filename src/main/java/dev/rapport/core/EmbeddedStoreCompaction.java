package dev.rapport.core;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVStore;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Keeps the embedded database's file close to the size of its data. H2 appends every commit to its
 * file as a chunk of the pages it changed; a chunk's space is reused only once none of its pages is
 * live any more. Its own background thread rewrites the live pages of mostly stale chunks, but
 * {@code WRITE_DELAY=0} (see {@link DataDirectory#embeddedUrl}) turns that thread off. Without it
 * the inbox's random-keyed indexes left chunks 6–8% live: 400,000 interactions made a 3 GB file for
 * about 250 MB of data, and a file that is mostly stale chunks only grows. Once a second this
 * rewrites up to {@value #REWRITE_PER_PASS} bytes of live pages from the stalest chunks while fewer
 * than {@value #TARGET_FILL_RATE}% of the chunks' bytes are live, and stores them; the old chunks'
 * space is reused by later writes (the file does not shrink while open). A pass holds H2's store
 * lock, which every commit needs, so while the database is busy (more than {@value #BUSY_COMMITS}
 * commits since the last pass: ingestion at full speed) passes wait for it to calm down, as H2's
 * own housekeeping favours idle time. H2 only rewrites chunks older than its retention time (45
 * s). Nothing happens on PostgreSQL or an in-memory H2. See docs/adr/0012.
 */
@Component
public class EmbeddedStoreCompaction implements SmartLifecycle {

    /** Below this share of live bytes in the file's chunks, stale chunks are rewritten. */
    static final int TARGET_FILL_RATE = 50;
    /** Live bytes rewritten per pass, at most: a pass holds H2's store lock, and commits wait for it. */
    static final int REWRITE_PER_PASS = 1 << 20;
    /** More commits than this since the last pass, and the database is busy: the pass waits. */
    static final int BUSY_COMMITS = 50;

    private static final Logger log = LoggerFactory.getLogger(EmbeddedStoreCompaction.class);

    private final DataSource dataSource;
    private @Nullable ScheduledExecutorService passes;
    /** The store's version (one per commit) at the last pass. */
    private long lastVersion = -1;

    public EmbeddedStoreCompaction(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * One pass: rewrites stale chunks' live pages if the file's chunks are less than {@value
     * #TARGET_FILL_RATE}% live and the database was not busy since the last pass. Returns whether it
     * rewrote any; false on any other database.
     */
    public synchronized boolean compact() {
        try (Connection connection = dataSource.getConnection()) {
            MVStore store = store(connection);
            if (store == null) {
                return false;
            }
            long version = store.getCurrentVersion();
            boolean busy = lastVersion >= 0 && version - lastVersion > BUSY_COMMITS;
            lastVersion = version;
            boolean rewrote = !busy && store.compact(TARGET_FILL_RATE, REWRITE_PER_PASS);
            if (rewrote) {
                // Stored now, as H2's background thread does: a quiet application commits seldom.
                store.tryCommit();
            }
            return rewrote;
        } catch (SQLException | RuntimeException failed) {
            // The next pass tries again; a closing database ends the passes with the application.
            log.debug(
                    "Embedded database: compaction pass skipped ({})",
                    failed.getClass().getSimpleName());
            return false;
        }
    }

    /** The share of the file's chunks that is live, in percent; null on any other database. */
    public @Nullable Integer fillRate() {
        try (Connection connection = dataSource.getConnection()) {
            MVStore store = store(connection);
            return store == null ? null : store.getFileStore().getChunksFillRate();
        } catch (SQLException failed) {
            return null;
        }
    }

    /** The H2 store of an embedded file database behind a connection, else null. */
    private static @Nullable MVStore store(Connection connection) throws SQLException {
        if (!connection.isWrapperFor(JdbcConnection.class)
                || !(connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)
                || session.getDatabase().getStore() == null) {
            return null;
        }
        MVStore store = session.getDatabase().getStore().getMvStore();
        FileStore<?> file = store.getFileStore();
        return store.isClosed() || file == null || file.isReadOnly() ? null : store;
    }

    @Override
    public synchronized void start() {
        if (passes == null && fillRate() != null) {
            ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "embedded-store-compaction");
                thread.setDaemon(true);
                return thread;
            });
            executor.scheduleWithFixedDelay(this::compact, 1, 1, TimeUnit.SECONDS);
            passes = executor;
        }
    }

    @Override
    public synchronized void stop() {
        if (passes != null) {
            passes.shutdownNow();
            passes = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return passes != null;
    }
}
