package dev.rapport.screening.text;

/**
 * The matching form of a text and the way back: every char of {@link #text()} comes from one code
 * point of the original (with the combining marks that follow it), so a span of the normalised
 * text maps to a span of the original that never splits a surrogate pair, a base letter from its
 * marks, or an emoji sequence.
 */
public final class NormalizedText {

    private final String original;
    private final String text;
    private final int[] starts;
    private final int[] ends;

    NormalizedText(String original, String text, int[] starts, int[] ends) {
        this.original = original;
        this.text = text;
        this.starts = starts;
        this.ends = ends;
    }

    /** The text as the member wrote it. */
    public String original() {
        return original;
    }

    /** The matching form. */
    public String text() {
        return text;
    }

    public int length() {
        return text.length();
    }

    public char charAt(int index) {
        return text.charAt(index);
    }

    /** Where the normalised char at {@code index} starts in the original ({@code index == length()}: the original's end). */
    public int originalStart(int index) {
        return index >= text.length() ? original.length() : starts[index];
    }

    /** Where the normalised char before {@code endExclusive} ends in the original (0 gives 0). */
    public int originalEnd(int endExclusive) {
        return endExclusive <= 0 ? 0 : ends[endExclusive - 1];
    }

    /** The original's span [start, end) for the normalised span [start, end), widened to whole graphemes. */
    public Span toOriginal(int start, int end) {
        if (start < 0 || end > text.length() || start > end) {
            throw new IndexOutOfBoundsException("span [" + start + ", " + end + ") of " + text.length());
        }
        if (start == end) {
            int at = originalStart(start);
            return new Span(at, at);
        }
        int from = starts[start];
        int to = ends[end - 1];
        return new Span(Graphemes.startOf(original, from), Graphemes.endOf(original, to));
    }

    @Override
    public String toString() {
        return text;
    }

    /** A half-open span of UTF-16 indices. */
    public record Span(int start, int end) {
        public int length() {
            return end - start;
        }

        public String of(String s) {
            return s.substring(start, end);
        }
    }
}
