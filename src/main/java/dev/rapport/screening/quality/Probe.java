package dev.rapport.screening.quality;

import dev.rapport.screening.Category;
import dev.rapport.screening.ScreeningEngine;
import dev.rapport.screening.Severity;
import dev.rapport.screening.lexicon.Hit;
import dev.rapport.screening.lexicon.Lexicon;
import dev.rapport.screening.lexicon.LexiconMatcher;
import dev.rapport.screening.model.TextClassifier;
import dev.rapport.screening.text.Language;
import dev.rapport.screening.text.NormalizedText;
import dev.rapport.screening.text.ScriptDetector;
import dev.rapport.screening.text.TextNormalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The inputs of {@link ScreeningEngine}'s decision for one text — the classifier's score per
 * category and the lexicon's hits — so that the decision can be replayed at other cut-offs than
 * {@link ScreeningEngine#MEDIUM_SCORE}. {@link #flagged(Inputs, float, float)} is the engine's rule
 * under the default policy (medium or high severity → hold or block); {@link ScreeningQuality} checks
 * on every text that it agrees with the engine at the engine's own constants.
 */
final class Probe {

    /** What the engine decides from, for one text. */
    record Inputs(Language detected, float[] scores, List<Hit> hits) {}

    private final TextNormalizer normalizer = TextNormalizer.standard();
    private final LexiconMatcher matcher = new LexiconMatcher(Lexicon.standard(), normalizer);
    private final TextClassifier classifier = TextClassifier.shipped();

    Inputs inputs(String text, String language) {
        NormalizedText normalized = normalizer.normalize(text);
        Language detected = language == null || language.equals("auto")
                ? ScriptDetector.detect(normalized.text())
                : language.toLowerCase(Locale.ROOT).startsWith("zh") ? Language.ZH : Language.EN;
        List<Language> models = detected == Language.MIXED ? TextClassifier.LANGUAGES : List.of(detected);
        float[] scores = new float[Category.values().length];
        float[] buffer = new float[Category.values().length];
        for (var model : models) {
            classifier.scoreNormalized(normalized.text(), model, buffer);
            for (int i = 0; i < scores.length; i++) {
                scores[i] = Math.max(scores[i], buffer[i]);
            }
        }
        return new Inputs(
                detected, scores, new ArrayList<>(matcher.match(normalized).hits()));
    }

    /** Whether a category reaches medium severity (hold under the default policy) at these cut-offs. */
    static boolean flagged(Inputs inputs, Category category, float low, float medium) {
        List<Hit> hits =
                inputs.hits().stream().filter(hit -> hit.category() == category).toList();
        Severity severity = ScreeningEngine.severity(
                category,
                inputs.scores()[category.ordinal()],
                hits,
                low,
                medium,
                Math.max(medium, ScreeningEngine.HIGH_SCORE));
        return severity != null && severity.compareTo(Severity.MEDIUM) >= 0;
    }

    /** Whether any category reaches medium severity. */
    static boolean flagged(Inputs inputs, float low, float medium) {
        for (Category category : Category.values()) {
            if (flagged(inputs, category, low, medium)) {
                return true;
            }
        }
        return false;
    }
}
