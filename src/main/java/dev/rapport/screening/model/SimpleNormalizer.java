package dev.rapport.screening.model;

import java.text.Normalizer.Form;
import java.util.Locale;

/** Stand-in normaliser: Unicode NFKC, lower case, zero-width and soft-hyphen characters removed. */
public final class SimpleNormalizer implements Normalizer {

    public static final SimpleNormalizer INSTANCE = new SimpleNormalizer();

    @Override
    public String normalize(String text) {
        String nfkc = java.text.Normalizer.isNormalized(text, Form.NFKC)
                ? text
                : java.text.Normalizer.normalize(text, Form.NFKC);
        StringBuilder out = null;
        for (int i = 0; i < nfkc.length(); i++) {
            char c = nfkc.charAt(i);
            if (isInvisible(c)) {
                if (out == null) {
                    out = new StringBuilder(nfkc.length());
                    out.append(nfkc, 0, i);
                }
            } else if (out != null) {
                out.append(c);
            }
        }
        return (out == null ? nfkc : out.toString()).toLowerCase(Locale.ROOT);
    }

    static boolean isInvisible(char c) {
        return (c >= '\u200B' && c <= '\u200F')
                || (c >= '\u202A' && c <= '\u202E')
                || (c >= '\u2060' && c <= '\u2064')
                || c == '\uFEFF'
                || c == '\u00AD'
                || c == '\u180E';
    }
}
