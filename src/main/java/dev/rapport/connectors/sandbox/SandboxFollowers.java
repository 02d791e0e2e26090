package dev.rapport.connectors.sandbox;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Who follows a sandbox account, and when that changed. The simulation decides follows in
 * publication order ({@link #following}); each person's changes are kept in time order, so the
 * followers at any moment are the initial ones with the changes up to then applied. Not
 * thread-safe: the account's lock guards it.
 */
final class SandboxFollowers implements SandboxReactions.Followers {

    /** The followers at one moment, and their shares per demographic dimension. */
    record Snapshot(long followers, Map<String, Map<String, Double>> demographics) {}

    private record Change(int person, boolean follow, long at) {}

    private static final long MIN_GAP = 1000;

    private final SandboxAudience audience;
    /** Who follows once every decided change has happened. */
    private final boolean[] decided;
    /** Who followed at {@link #settledUntil}. */
    private final boolean[] settled;

    private final long[] lastChange;
    private final List<Change> pending = new ArrayList<>();
    private long settledUntil = Long.MIN_VALUE;

    SandboxFollowers(SandboxAudience audience) {
        this.audience = audience;
        int size = audience.size();
        this.decided = new boolean[size];
        this.settled = new boolean[size];
        this.lastChange = new long[size];
        for (SandboxPerson person : audience.people()) {
            decided[person.index()] = person.initiallyFollowing();
            settled[person.index()] = person.initiallyFollowing();
            lastChange[person.index()] = Long.MIN_VALUE / 2;
        }
    }

    @Override
    public boolean following(int person) {
        return decided[person];
    }

    @Override
    public long change(int person, boolean follow, long at) {
        // Never two changes of one person at once, and never out of order.
        long when = Math.max(at, lastChange[person] + MIN_GAP);
        lastChange[person] = when;
        decided[person] = follow;
        pending.add(new Change(person, follow, when));
        return when;
    }

    /**
     * The followers at {@code now}. Changes up to then are folded into the settled state: the clock
     * only moves forward, so they will never need to be undone.
     */
    Snapshot at(long now) {
        if (now >= settledUntil) {
            pending.removeIf(change -> {
                if (change.at() > now) {
                    return false;
                }
                settled[change.person()] = change.follow();
                return true;
            });
            settledUntil = now;
        }
        boolean[] current = settled;
        long followers = 0;
        Map<String, Map<String, Integer>> counts = new TreeMap<>();
        for (SandboxPerson person : audience.people()) {
            if (!current[person.index()]) {
                continue;
            }
            followers++;
            person.demographics()
                    .forEach((dimension, bucket) -> counts.computeIfAbsent(dimension, key -> new TreeMap<>())
                            .merge(bucket, 1, Integer::sum));
        }
        Map<String, Map<String, Double>> shares = new TreeMap<>();
        final long total = followers;
        counts.forEach((dimension, buckets) -> {
            Map<String, Double> dimensionShares = new TreeMap<>();
            buckets.forEach((bucket, count) -> dimensionShares.put(bucket, (double) count / total));
            shares.put(dimension, Collections.unmodifiableMap(dimensionShares));
        });
        return new Snapshot(followers, Collections.unmodifiableMap(shares));
    }
}
