package dev.rapport.content.text;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What duplicate detection keeps of a text: its canonical form (equal canonical forms are identical
 * posts) and the MinHash signature of its shingles (near-duplicates).
 */
public record Fingerprint(String canonical, int[] signature) {

    /** How many recent fingerprints are remembered; a composer's live lint compares each keystroke
     * batch with hundreds of the account's recent posts, which rarely change. */
    static final int REMEMBERED = 8192;

    /** Texts longer than this are fingerprinted each time rather than remembered. */
    static final int REMEMBERED_LENGTH = 2000;

    private static final Map<String, Fingerprint> RECENT = new LinkedHashMap<>(REMEMBERED, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Fingerprint> eldest) {
            return size() > REMEMBERED;
        }
    };

    /** The text's fingerprint; a pure function, remembered for recent short texts. */
    public static Fingerprint of(String text) {
        if (text.length() > REMEMBERED_LENGTH) {
            return compute(text);
        }
        synchronized (RECENT) {
            Fingerprint known = RECENT.get(text);
            if (known != null) {
                return known;
            }
        }
        Fingerprint computed = compute(text);
        synchronized (RECENT) {
            RECENT.put(text, computed);
        }
        return computed;
    }

    private static Fingerprint compute(String text) {
        String canonical = Canonical.of(text);
        return new Fingerprint(canonical, MinHash.signature(Shingles.of(canonical)));
    }

    /** Estimated Jaccard similarity of the two shingle sets; 1 for identical canonical forms. */
    public double similarity(Fingerprint other) {
        if (!canonical.isEmpty() && canonical.equals(other.canonical)) {
            return 1;
        }
        return MinHash.similarity(signature, other.signature);
    }

    public boolean isEmpty() {
        return signature.length == 0;
    }
}
