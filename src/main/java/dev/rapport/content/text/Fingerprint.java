package dev.rapport.content.text;

/**
 * What duplicate detection keeps of a text: its canonical form (equal canonical forms are identical
 * posts) and the MinHash signature of its shingles (near-duplicates).
 */
public record Fingerprint(String canonical, int[] signature) {

    public static Fingerprint of(String text) {
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
