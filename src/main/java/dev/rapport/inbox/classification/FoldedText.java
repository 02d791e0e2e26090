package dev.rapport.inbox.classification;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;

/**
 * The form cues are matched in, and the way back to the original: NFKC (full-width letters, digits
 * and punctuation become ASCII), lower case, traditional Chinese characters their simplified form,
 * control and invisible format characters (zero-width spaces, joiners) dropped, line breaks and
 * tabs a space. Each char of {@link #text()} remembers the code point of the original it came from.
 *
 * <p>Written here rather than borrowed: the screen's {@code TextNormalizer} and the content module's
 * {@code Folding} are internal to their modules. The traditional → simplified table is the screening
 * module's copy of OpenCC's, read from the class path as {@code content.text.Folding} does.
 */
final class FoldedText {

    private static final String T2S_TABLE = "/dev/rapport/screening/lexicon/t2s.txt";
    private static final char[] T2S = loadTable();

    private final String original;
    private final String text;
    private final int[] starts;
    private final int[] ends;

    private FoldedText(String original, String text, int[] starts, int[] ends) {
        this.original = original;
        this.text = text;
        this.starts = starts;
        this.ends = ends;
    }

    static FoldedText of(String original) {
        int length = original.length();
        StringBuilder folded = new StringBuilder(length);
        int[] starts = new int[length + 8];
        int[] ends = new int[length + 8];
        int i = 0;
        while (i < length) {
            int cp = original.codePointAt(i);
            int next = i + Character.charCount(cp);
            int before = folded.length();
            fold(cp, folded);
            if (folded.length() > starts.length) {
                int grown = Math.max(folded.length(), starts.length * 2);
                starts = java.util.Arrays.copyOf(starts, grown);
                ends = java.util.Arrays.copyOf(ends, grown);
            }
            for (int k = before; k < folded.length(); k++) {
                starts[k] = i;
                ends[k] = next;
            }
            i = next;
        }
        return new FoldedText(original, folded.toString(), starts, ends);
    }

    private static void fold(int cp, StringBuilder out) {
        if (cp < 0x80) {
            if (cp == '\n' || cp == '\r' || cp == '\t') {
                out.append(' ');
            } else if (cp >= 0x20 && cp != 0x7f) {
                out.append(cp >= 'A' && cp <= 'Z' ? (char) (cp + 32) : (char) cp);
            }
            return;
        }
        if (cp >= 0x4e00 && cp <= 0x9fff) {
            char simplified = T2S[cp];
            out.append(simplified != 0 ? simplified : (char) cp);
            return;
        }
        if (cp >= 0xff01 && cp <= 0xff5e) {
            fold(cp - 0xfee0, out);
            return;
        }
        int type = Character.getType(cp);
        if (type == Character.CONTROL || type == Character.FORMAT || type == Character.UNASSIGNED) {
            return;
        }
        if (type == Character.SURROGATE) {
            out.append('\ufffd'); // a lone surrogate: kept as one char so offsets stay aligned
            return;
        }
        if (cp >= 0x1f000 && cp < 0x1fb00) {
            out.appendCodePoint(cp); // emoji: NFKC leaves them as they are
            return;
        }
        String nfkc = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKC);
        out.append(nfkc.toLowerCase(Locale.ROOT));
    }

    String original() {
        return original;
    }

    String text() {
        return text;
    }

    /** Where the folded chars [start, end) came from in the original: its first char. */
    int originalStart(int start) {
        return starts[start];
    }

    /** … and the char after its last one. */
    int originalEnd(int end) {
        return ends[end - 1];
    }

    private static char[] loadTable() {
        char[] table = new char[0x10000];
        try (InputStream in = FoldedText.class.getResourceAsStream(T2S_TABLE)) {
            if (in == null) {
                throw new IllegalStateException(T2S_TABLE + " missing from the class path");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                int traditional = line.codePointAt(0);
                int next = Character.charCount(traditional);
                if (next < line.length()) {
                    int simplified = line.codePointAt(next);
                    if (traditional < 0x10000 && simplified < 0x10000) {
                        table[traditional] = (char) simplified;
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return table;
    }
}
