package dev.rapport.content.text;

import java.util.Arrays;

/**
 * Character shingles of a {@linkplain Canonical canonical} text, as 64-bit hashes, without word
 * segmentation: a run of Chinese characters gives its overlapping {@value #HAN}-grams (two
 * characters are about one Chinese word); a run of Latin words, spaces included, gives its
 * overlapping {@value #LATIN}-grams (about one English word, and robust to a changed word or
 * suffix). A run shorter than its n is one shingle. Duplicates are removed.
 */
public final class Shingles {

    public static final int HAN = 2;
    public static final int LATIN = 5;

    private Shingles() {}

    public static long[] of(String canonical) {
        int n = canonical.length();
        long[] out = new long[Math.max(n, 1)];
        int count = 0;
        int i = 0;
        while (i < n) {
            boolean han = Canonical.isHan(canonical.codePointAt(i));
            int end = i;
            while (end < n) {
                int cp = canonical.codePointAt(end);
                if (cp != ' ' && Canonical.isHan(cp) != han) {
                    break;
                }
                end += Character.charCount(cp);
            }
            int from = i;
            int to = end;
            while (from < to && canonical.charAt(from) == ' ') {
                from++;
            }
            while (to > from && canonical.charAt(to - 1) == ' ') {
                to--;
            }
            int k = han ? HAN : LATIN;
            if (to - from <= k) {
                if (to > from) {
                    out[count++] = hash(canonical, from, to);
                }
            } else {
                for (int s = from; s + k <= to; s++) {
                    out[count++] = hash(canonical, s, s + k);
                }
            }
            i = end;
        }
        long[] shingles = Arrays.copyOf(out, count);
        Arrays.sort(shingles);
        int unique = 0;
        for (int s = 0; s < shingles.length; s++) {
            if (s == 0 || shingles[s] != shingles[s - 1]) {
                shingles[unique++] = shingles[s];
            }
        }
        return Arrays.copyOf(shingles, unique);
    }

    /** FNV-1a over the chars, then a finaliser so that near strings land far apart. */
    private static long hash(String s, int from, int to) {
        long h = 0xcbf29ce484222325L;
        for (int i = from; i < to; i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        return MinHash.mix(h);
    }
}
