package dev.rapport.connectors.sandbox;

import java.util.SplittableRandom;

/** Seeded randomness: one independent, reproducible stream per thing simulated. */
final class SandboxRandom {

    private SandboxRandom() {}

    /** A seed for the stream of one thing (an account's population, a post's reactions). */
    static long mix(long seed, long a, long b) {
        long h = seed * 0x9E3779B97F4A7C15L;
        h = Long.rotateLeft(h ^ a * 0xC2B2AE3D27D4EB4FL, 31) * 0x165667B19E3779F9L;
        h = Long.rotateLeft(h ^ b * 0xD6E8FEB86659FD93L, 27) * 0x9E3779B97F4A7C15L;
        return h ^ (h >>> 29);
    }

    /** The index drawn with the given relative weights. */
    static int weighted(SplittableRandom random, double[] weights) {
        double total = 0;
        for (double weight : weights) {
            total += weight;
        }
        double roll = random.nextDouble() * total;
        for (int i = 0; i < weights.length - 1; i++) {
            roll -= weights[i];
            if (roll < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /** An exponentially distributed wait with the given mean, in milliseconds. */
    static long exponential(SplittableRandom random, double meanMillis) {
        return (long) (-Math.log(1 - random.nextDouble()) * meanMillis);
    }
}
