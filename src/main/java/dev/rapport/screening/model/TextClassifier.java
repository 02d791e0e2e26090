package dev.rapport.screening.model;

import dev.rapport.screening.Category;
import dev.rapport.screening.text.Language;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The statistical classifier of the screen: for a text in Chinese or English, a probability per
 * {@link Category} that the language's model covers ({@link #covers}); a category counts as found
 * when its score reaches {@link #THRESHOLD}. Thread-safe; {@link #shipped()} loads the models in
 * the jar once.
 *
 * <pre>{@code
 * float[] scores = TextClassifier.shipped().scores(text, Language.EN); // by Category.ordinal()
 * if (scores[Category.SEXIST.ordinal()] >= TextClassifier.THRESHOLD) { ... }
 * }</pre>
 */
public final class TextClassifier {

    /** A category is found when its score is at least this (thresholds are folded into the models). */
    public static final float THRESHOLD = 0.5f;

    /** The languages there is a model for. */
    public static final List<Language> LANGUAGES = List.of(Language.ZH, Language.EN);

    static final String RESOURCE_DIRECTORY = "dev/rapport/screening/model/";

    /** The file name of a language's model, in the resource directory or a model directory. */
    static String fileName(Language language) {
        return "classifier-" + language.code() + ".bin.gz";
    }

    private final Map<Language, LinearModel> models;
    private final Normalizer normalizer;

    TextClassifier(Map<Language, LinearModel> models, Normalizer normalizer) {
        this.models = new EnumMap<>(models);
        this.normalizer = normalizer;
    }

    private static final class Shipped {
        static final TextClassifier INSTANCE = fromClasspath(SimpleNormalizer.INSTANCE);
    }

    /** The models shipped in the jar, loaded on first use. */
    public static TextClassifier shipped() {
        return Shipped.INSTANCE;
    }

    /** The models in the jar, scored after {@code normalizer} (it must be the one they were trained with). */
    public static TextClassifier fromClasspath(Normalizer normalizer) {
        Map<Language, LinearModel> models = new HashMap<>();
        for (Language language : TextClassifier.LANGUAGES) {
            String name = RESOURCE_DIRECTORY + fileName(language);
            try (InputStream in = TextClassifier.class.getClassLoader().getResourceAsStream(name)) {
                if (in == null) {
                    throw new IllegalStateException("missing classifier model " + name);
                }
                models.put(language, LinearModel.read(in));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read classifier model " + name, e);
            }
        }
        return new TextClassifier(models, normalizer);
    }

    /** The models written by {@link Train} into {@code directory}. */
    public static TextClassifier fromDirectory(Path directory, Normalizer normalizer) throws IOException {
        Map<Language, LinearModel> models = new HashMap<>();
        for (Language language : TextClassifier.LANGUAGES) {
            try (InputStream in = Files.newInputStream(directory.resolve(fileName(language)))) {
                models.put(language, LinearModel.read(in));
            }
        }
        return new TextClassifier(models, normalizer);
    }

    public Normalizer normalizer() {
        return normalizer;
    }

    public LinearModel model(Language language) {
        return models.get(language);
    }

    /** Whether the language's model scores the category (the others always score 0). */
    public boolean covers(Language language, Category category) {
        return models.get(language).head(category) >= 0;
    }

    /** The score per category, indexed by {@link Category#ordinal()}, 0 where not covered. */
    public float[] scores(String text, Language language) {
        float[] out = new float[Category.values().length];
        scores(text, language, out);
        return out;
    }

    /** Writes the scores into {@code out} (length at least the number of categories). */
    public void scores(String text, Language language, float[] out) {
        scoreNormalized(normalizer.normalize(text), language, out);
    }

    /** As {@link #scores(String, Language, float[])} for a text already normalised. */
    public void scoreNormalized(String normalized, Language language, float[] out) {
        java.util.Arrays.fill(out, 0, Category.values().length, 0f);
        models.get(language).score(normalized, out);
    }

    /**
     * An n-gram of the normalised text and what it adds to a category's logit; {@code start} and
     * {@code end} index the normalised text.
     */
    public record Evidence(String ngram, int start, int end, float weight) {}

    /** The n-grams that push the text most towards {@code category}, strongest first. */
    public List<Evidence> evidence(String text, Language language, Category category, int limit) {
        return evidenceNormalized(normalizer.normalize(text), language, category, limit);
    }

    /** As {@link #evidence} for a text already normalised. */
    public List<Evidence> evidenceNormalized(String normalized, Language language, Category category, int limit) {
        LinearModel model = models.get(language);
        int head = model.head(category);
        if (head < 0) {
            return List.of();
        }
        // Keeps only the strongest occurrences in one pass (a few slots, no strings) — the n-grams of a
        // long text are many and this runs while the author types.
        int slots = Math.max(1, limit) * 4;
        int[][] best = new int[slots][];
        int[] filled = {0};
        int n = Features.extract(normalized, language, model.mask, (bucket, start, end) -> {
            int w = model.weights[bucket * model.heads.length + head];
            if (w <= 0) {
                return;
            }
            if (filled[0] < slots) {
                best[filled[0]++] = new int[] {start, end, w};
                return;
            }
            int weakest = 0;
            for (int i = 1; i < slots; i++) {
                if (best[i][2] < best[weakest][2]) {
                    weakest = i;
                }
            }
            if (w > best[weakest][2]) {
                best[weakest] = new int[] {start, end, w};
            }
        });
        double norm = n == 0 ? 0 : model.scale[head] / Math.sqrt(n);
        Map<String, Evidence> byNgram = new HashMap<>();
        for (int i = 0; i < filled[0]; i++) {
            int[] hit = best[i];
            String ngram = normalized.substring(hit[0], hit[1]);
            byNgram.merge(
                    ngram,
                    new Evidence(ngram, hit[0], hit[1], (float) (hit[2] * norm)),
                    (a, b) -> new Evidence(a.ngram(), a.start(), a.end(), a.weight() + b.weight()));
        }
        return byNgram.values().stream()
                .sorted(Comparator.comparingDouble(Evidence::weight).reversed().thenComparing(Evidence::start))
                .limit(limit)
                .toList();
    }

    /** The scores as a map, for display and tests. */
    public Map<Category, Float> scoreMap(String text, Language language) {
        float[] scores = scores(text, language);
        Map<Category, Float> map = new EnumMap<>(Category.class);
        for (Category category : models.get(language).heads) {
            map.put(category, scores[category.ordinal()]);
        }
        return map;
    }
}
