package dev.rapport.screening.lexicon;

import dev.rapport.screening.Category;
import dev.rapport.screening.text.Language;

/**
 * A lexicon term found in a text.
 *
 * @param canonical the term's canonical form
 * @param category its category
 * @param severity 1..3
 * @param language the term's language
 * @param start where it starts in the ORIGINAL text (UTF-16 index)
 * @param end where it ends in the original text (exclusive)
 * @param flags {@link #NEGATED}, {@link #QUOTED}, {@link #REPORTED}, {@link #OBFUSCATED}, {@link #VARIANT}
 * @param matched the normalised lexicon form that matched
 * @param term the term
 */
public record Hit(
        String canonical,
        Category category,
        int severity,
        Language language,
        int start,
        int end,
        int flags,
        String matched,
        Term term) {

    /** A negation shortly before: "not stupid", "不是傻子". */
    public static final int NEGATED = 1;
    /** Inside quotation marks. */
    public static final int QUOTED = 2;
    /** Reported speech: "he called me …", "说我是…", "the word …". */
    public static final int REPORTED = 4;
    /** Written to evade: look-alikes, leetspeak, inserted separators or invisible characters, masking. */
    public static final int OBFUSCATED = 8;
    /**
     * Matched a spelling other than the canonical form: an inflection ("fucking" for "fuck"), an
     * obfuscated spelling from the source list ("fcuk"), an abbreviation, pinyin or homophone ("sb",
     * "nmsl", "草泥马").
     */
    public static final int VARIANT = 16;

    public boolean negated() {
        return (flags & NEGATED) != 0;
    }

    public boolean quoted() {
        return (flags & QUOTED) != 0;
    }

    public boolean reported() {
        return (flags & REPORTED) != 0;
    }

    public boolean obfuscated() {
        return (flags & OBFUSCATED) != 0;
    }

    public boolean variant() {
        return (flags & VARIANT) != 0;
    }

    /** The characters of the original text this hit covers. */
    public String in(String original) {
        return original.substring(start, end);
    }
}
