package dev.rapport.screening.lexicon;

import dev.rapport.screening.Category;
import dev.rapport.screening.text.Language;
import java.util.List;

/**
 * A lexicon term.
 *
 * @param canonical the form reported in hits ("傻逼", "fuck")
 * @param category the policy category it belongs to
 * @param severity 1 mild, 2 strong, 3 severe
 * @param language the language it belongs to
 * @param wordBoundaries matched as a whole word only (English and other Latin-script terms)
 * @param hanContext matched only with Chinese nearby (abbreviations such as "sb", "nmsl")
 * @param spellings the forms that match: usually the canonical form, inflections and obfuscated
 *     spellings, abbreviations, pinyin and homophones (a spelling other than the canonical form gives
 *     {@link Hit#VARIANT}); the canonical form matches only when it is listed here
 * @param source where it comes from (surge, ldnoobw, houbb, konsheng, swsr, davidson, curation)
 */
public record Term(
        String canonical,
        Category category,
        int severity,
        Language language,
        boolean wordBoundaries,
        boolean hanContext,
        List<String> spellings,
        String source) {

    public Term {
        if (severity < 1 || severity > 3) {
            throw new IllegalArgumentException("severity 1..3: " + severity);
        }
        spellings = List.copyOf(spellings);
    }
}
