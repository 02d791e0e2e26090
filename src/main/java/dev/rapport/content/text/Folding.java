package dev.rapport.content.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;

/**
 * Folds a text so that spellings that read the same compare equal: NFKC (full-width letters, digits
 * and punctuation become ASCII, compatibility forms their base), lower case, and traditional Chinese
 * characters their simplified form ("與我們聯繫" → "与我们联系").
 *
 * <p>The character table is the screening module's copy of OpenCC's {@code TSCharacters.txt}
 * (Apache License 2.0, see its {@code NOTICE}), read from the class path: the screen's own {@code
 * TextNormalizer} is internal to that module. Loading fails fast when the table is missing, so a move
 * of the file cannot silently turn traditional folding off.
 */
public final class Folding {

    static final String T2S_TABLE = "/dev/rapport/screening/lexicon/t2s.txt";

    /** Simplified form of each BMP char, or 0 when it has none. */
    private static final char[] T2S = new char[0x10000];

    static {
        load();
    }

    private Folding() {}

    public static String fold(String text) {
        String nfkc = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        char[] chars = nfkc.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            char simplified = T2S[chars[i]];
            if (simplified != 0) {
                chars[i] = simplified;
            }
        }
        return new String(chars);
    }

    private static void load() {
        try (InputStream in = Folding.class.getResourceAsStream(T2S_TABLE)) {
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
                if (next >= line.length()) {
                    continue;
                }
                int simplified = line.codePointAt(next);
                // supplementary-plane pairs are rare in posts; the BMP table keeps folding allocation-free
                if (traditional < 0x10000 && simplified < 0x10000) {
                    T2S[traditional] = (char) simplified;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
