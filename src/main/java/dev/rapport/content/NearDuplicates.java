package dev.rapport.content;

import dev.rapport.content.text.Fingerprint;
import dev.rapport.content.text.MinHash;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.jspecify.annotations.Nullable;

/**
 * An index of posts that finds the earlier ones a text repeats, in Chinese and English, across
 * accounts and within a time window. Texts are compared by MinHash over character shingles of their
 * canonical form (see {@code dev.rapport.content.text}); so edited copies, reordered sentences,
 * changed emoji, hashtags, links and mentions, full-width forms and traditional characters are still
 * found, while different posts on the same topic are not. Candidates come from locality-sensitive
 * hashing ({@value #BANDS} bands of {@value #ROWS} signature rows), so a search does not scan the
 * index.
 *
 * <p>Thread-safe. Held in memory: callers {@link #forgetBefore(Instant) forget} what no window
 * reaches any more.
 */
public final class NearDuplicates {

    /**
     * Similarity from which a text counts as a near-duplicate, chosen on the project's paraphrase set
     * (docs/content.md): copies scored 0.45–1, different posts on one topic at most 0.28.
     */
    public static final double DEFAULT_THRESHOLD = 0.35;

    static final int ROWS = 2;
    static final int BANDS = MinHash.SIZE / ROWS;

    private record Entry(String id, String accountId, Instant at, Fingerprint fingerprint) {}

    private final double threshold;
    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final Map<Long, List<Entry>> buckets = new HashMap<>();
    private final ReadWriteLock lock = new ReentrantReadWriteLock();

    public NearDuplicates() {
        this(DEFAULT_THRESHOLD);
    }

    public NearDuplicates(double threshold) {
        if (threshold <= 0 || threshold > 1) {
            throw new IllegalArgumentException("threshold must be in (0, 1]: " + threshold);
        }
        this.threshold = threshold;
    }

    public double threshold() {
        return threshold;
    }

    /** Adds (or replaces) a post. A text with no letters or digits is kept but never matches. */
    public void add(String id, String accountId, Instant at, String text) {
        Entry entry = new Entry(id, accountId, at, Fingerprint.of(text));
        lock.writeLock().lock();
        try {
            removeLocked(id);
            entries.put(id, entry);
            for (long key : bandKeys(entry.fingerprint())) {
                buckets.computeIfAbsent(key, k -> new ArrayList<>(2)).add(entry);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * The posts in the window that {@code text} repeats, most similar first.
     *
     * @param accountId only that account's posts, or null for every account
     */
    public List<NearDuplicate> similar(String text, @Nullable String accountId, TimeWindow window) {
        return similar(Fingerprint.of(text), accountId, window, null);
    }

    /** Like {@link #similar(String, String, TimeWindow)}, leaving out the post {@code id} itself. */
    List<NearDuplicate> similar(
            Fingerprint fingerprint, @Nullable String accountId, TimeWindow window, @Nullable String exceptId) {
        Map<String, NearDuplicate> found = new HashMap<>();
        lock.readLock().lock();
        try {
            for (long key : bandKeys(fingerprint)) {
                for (Entry entry : buckets.getOrDefault(key, List.of())) {
                    if (found.containsKey(entry.id())
                            || entry.id().equals(exceptId)
                            || (accountId != null && !accountId.equals(entry.accountId()))
                            || !window.contains(entry.at())) {
                        continue;
                    }
                    double similarity = fingerprint.similarity(entry.fingerprint());
                    if (similarity >= threshold) {
                        boolean identical = fingerprint
                                .canonical()
                                .equals(entry.fingerprint().canonical());
                        found.put(
                                entry.id(),
                                new NearDuplicate(entry.id(), entry.accountId(), entry.at(), similarity, identical));
                    }
                }
            }
        } finally {
            lock.readLock().unlock();
        }
        List<NearDuplicate> matches = new ArrayList<>(found.values());
        matches.sort(Comparator.comparingDouble(NearDuplicate::similarity)
                .reversed()
                .thenComparing(NearDuplicate::at, Comparator.reverseOrder()));
        return matches;
    }

    /**
     * How similar {@code text} is to the most similar of {@code earlier}, when that reaches the
     * default threshold: a one-off comparison with a few hundred texts, which costs less than building
     * an index for them.
     */
    public static OptionalDouble strongest(String text, Collection<String> earlier) {
        Fingerprint fingerprint = Fingerprint.of(text);
        double best = 0;
        if (!fingerprint.isEmpty()) {
            for (String other : earlier) {
                Fingerprint candidate = Fingerprint.of(other);
                if (!candidate.isEmpty()) {
                    best = Math.max(best, fingerprint.similarity(candidate));
                }
            }
        }
        return best >= DEFAULT_THRESHOLD ? OptionalDouble.of(best) : OptionalDouble.empty();
    }

    public void remove(String id) {
        lock.writeLock().lock();
        try {
            removeLocked(id);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Drops the posts published before {@code instant}. */
    public void forgetBefore(Instant instant) {
        lock.writeLock().lock();
        try {
            List<String> old = entries.values().stream()
                    .filter(e -> e.at().isBefore(instant))
                    .map(Entry::id)
                    .toList();
            old.forEach(this::removeLocked);
        } finally {
            lock.writeLock().unlock();
        }
    }

    public int size() {
        lock.readLock().lock();
        try {
            return entries.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    private void removeLocked(String id) {
        Entry old = entries.remove(id);
        if (old == null) {
            return;
        }
        for (long key : bandKeys(old.fingerprint())) {
            List<Entry> bucket = buckets.get(key);
            if (bucket != null) {
                bucket.removeIf(e -> e == old);
                if (bucket.isEmpty()) {
                    buckets.remove(key);
                }
            }
        }
    }

    private static long[] bandKeys(Fingerprint fingerprint) {
        int[] signature = fingerprint.signature();
        if (signature.length == 0) {
            return new long[0];
        }
        long[] keys = new long[BANDS];
        for (int band = 0; band < BANDS; band++) {
            long key = band;
            for (int row = 0; row < ROWS; row++) {
                key = key * 0x9E3779B97F4A7C15L + signature[band * ROWS + row];
            }
            keys[band] = key;
        }
        return keys;
    }
}
