package dev.rapport.screening.text;

/**
 * Chinese, English or mixed, by the share of Han characters against Latin words. A Latin word
 * counts as {@value #LATIN_WORD_WEIGHT} Han characters (a Chinese word is one to three
 * characters), so "新品 iPhone 今天发布" is Chinese and "Our new 产品 launches today" is English.
 * Han share ≥ {@value #ZH_SHARE} is {@link Language#ZH}, ≤ {@value #EN_SHARE} is {@link
 * Language#EN}, anything between is {@link Language#MIXED}; a text with neither Han nor Latin
 * letters is {@link Language#MIXED}.
 */
public final class ScriptDetector {

    static final double LATIN_WORD_WEIGHT = 1.5;
    static final double ZH_SHARE = 0.7;
    static final double EN_SHARE = 0.3;

    private ScriptDetector() {}

    public static Language detect(CharSequence text) {
        double share = hanShare(text);
        if (Double.isNaN(share)) {
            return Language.MIXED;
        }
        if (share >= ZH_SHARE) {
            return Language.ZH;
        }
        if (share <= EN_SHARE) {
            return Language.EN;
        }
        return Language.MIXED;
    }

    /** Han characters / (Han characters + weighted Latin words); NaN when there is neither. */
    public static double hanShare(CharSequence text) {
        int han = 0;
        int latinWords = 0;
        boolean inLatin = false;
        int length = text.length();
        for (int i = 0; i < length; ) {
            int cp = Character.codePointAt(text, i);
            i += Character.charCount(cp);
            if (isHan(cp)) {
                han++;
                inLatin = false;
            } else if (isLatinLetter(cp)) {
                if (!inLatin) {
                    latinWords++;
                }
                inLatin = true;
            } else if (!(inLatin && (Character.isDigit(cp) || cp == '\'' || cp == '’' || cp == '-'))) {
                inLatin = false;
            }
        }
        double total = han + LATIN_WORD_WEIGHT * latinWords;
        return total == 0 ? Double.NaN : han / total;
    }

    static boolean isHan(int cp) {
        if (cp < 0x2E80) {
            return false;
        }
        if (cp >= 0x4E00 && cp <= 0x9FFF) {
            return true;
        }
        return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
    }

    static boolean isLatinLetter(int cp) {
        if (cp < 0x80) {
            return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
        }
        return Character.isLetter(cp) && Character.UnicodeScript.of(cp) == Character.UnicodeScript.LATIN;
    }
}
