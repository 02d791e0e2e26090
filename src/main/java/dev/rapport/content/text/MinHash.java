package dev.rapport.content.text;

/**
 * MinHash signatures of shingle sets: {@value #SIZE} independent hash functions, each keeping the
 * smallest value over the set. The share of positions where two signatures agree estimates the
 * Jaccard similarity of the sets (standard error about 0.044 at 0.5).
 */
public final class MinHash {

    public static final int SIZE = 128;

    private static final long[] SEEDS = new long[SIZE];

    static {
        long seed = 0x5DEECE66DL;
        for (int i = 0; i < SIZE; i++) {
            seed = mix(seed + 0x9E3779B97F4A7C15L);
            SEEDS[i] = seed;
        }
    }

    private MinHash() {}

    /** The signature, or an empty array for an empty set (which resembles nothing). */
    public static int[] signature(long[] shingles) {
        if (shingles.length == 0) {
            return new int[0];
        }
        int[] signature = new int[SIZE];
        java.util.Arrays.fill(signature, Integer.MAX_VALUE);
        for (long shingle : shingles) {
            for (int i = 0; i < SIZE; i++) {
                int h = (int) (mix(shingle ^ SEEDS[i]) >>> 33);
                if (h < signature[i]) {
                    signature[i] = h;
                }
            }
        }
        return signature;
    }

    public static double similarity(int[] a, int[] b) {
        if (a.length == 0 || b.length == 0) {
            return 0;
        }
        int same = 0;
        for (int i = 0; i < SIZE; i++) {
            if (a[i] == b[i]) {
                same++;
            }
        }
        return (double) same / SIZE;
    }

    /** The SplitMix64 finaliser. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
