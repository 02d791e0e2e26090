package dev.rapport.screening;

import dev.rapport.screening.Verdict.Finding;
import dev.rapport.screening.Verdict.Span;
import dev.rapport.screening.Verdict.TermFinding;
import dev.rapport.screening.lexicon.Hit;
import dev.rapport.screening.lexicon.Lexicon;
import dev.rapport.screening.lexicon.LexiconMatcher;
import dev.rapport.screening.lexicon.Matches;
import dev.rapport.screening.lexicon.Term;
import dev.rapport.screening.model.TextClassifier;
import dev.rapport.screening.text.Language;
import dev.rapport.screening.text.NormalizedText;
import dev.rapport.screening.text.ScriptDetector;
import dev.rapport.screening.text.TextNormalizer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The screen itself, without Spring or a database (the command line uses it as is): the text is
 * normalised, the lexicon finds terms (with their context: negated, quoted, reported), the
 * classifier of the text's language scores every category, and the policy's rules turn the
 * strongest evidence per category into an action. Thread-safe; one instance per policy version.
 *
 * <p>How evidence becomes severity: a lexicon term keeps its rating (1–3), except an insult that is
 * negated or reported ("not stupid", "he called me …"), which counts as low unless the classifier
 * agrees; profanity and sexual terms count whatever their context, and only when the lexicon finds
 * one (n-grams inside innocent words do not make a text obscene). A classifier score counts from
 * {@link #LOW_SCORE} (low), {@link #MEDIUM_SCORE} (medium) and {@link #HIGH_SCORE} (high); the medium
 * cut-off was chosen on tuning data (COLD and EDOS tuning splits, never test) so that ordinary
 * marketing posts are not held (docs/screening.md).
 */
public final class ScreeningEngine {

    /** Classifier scores from here are low-severity findings (warn by default). */
    public static final float LOW_SCORE = 0.5f;
    /** … medium (hold by default). */
    public static final float MEDIUM_SCORE = 0.65f;
    /** … high (block by default). */
    public static final float HIGH_SCORE = 0.92f;

    static final String WORKSPACE = "workspace";
    /** Categories that the lexicon must confirm: the classifier's score alone does not count. */
    private static final java.util.Set<Category> LEXICAL =
            java.util.EnumSet.of(Category.OBSCENE, Category.SEXUALLY_SUGGESTIVE);

    private static final int EVIDENCE = 3;

    private final TextNormalizer normalizer;
    private final LexiconMatcher matcher;
    private final TextClassifier classifier;
    private final PolicyRules rules;
    private final Map<String, PolicyRules.Term> terms = new LinkedHashMap<>();

    public ScreeningEngine(PolicyRules rules) {
        this(rules, TextNormalizer.standard(), Lexicon.standard(), TextClassifier.shipped());
    }

    ScreeningEngine(PolicyRules rules, TextNormalizer normalizer, Lexicon lexicon, TextClassifier classifier) {
        this.rules = rules;
        this.normalizer = normalizer;
        this.classifier = classifier;
        List<Term> own = new ArrayList<>();
        for (PolicyRules.Term term : rules.terms()) {
            String text = term.text().strip();
            if (text.isEmpty()) {
                continue;
            }
            String key = normalizer.normalize(text).text();
            terms.put(key, term);
            boolean latin = text.codePoints().anyMatch(Character::isLetter)
                    && text.codePoints().noneMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
            own.add(new Term(
                    key,
                    Category.OFFENSIVE,
                    1,
                    latin ? Language.EN : Language.ZH,
                    latin,
                    false,
                    List.of(key),
                    WORKSPACE));
        }
        this.matcher = new LexiconMatcher(own.isEmpty() ? lexicon : lexicon.with(own), normalizer);
    }

    public PolicyRules rules() {
        return rules;
    }

    /**
     * Screens a text.
     *
     * @param language {@code zh}, {@code en}, or null / {@code auto} to detect it
     */
    public Verdict screen(String text, @Nullable String language) {
        NormalizedText normalized = normalizer.normalize(text);
        Language detected = language == null || language.isBlank() || language.equals("auto")
                ? ScriptDetector.detect(normalized.text())
                : language.toLowerCase(Locale.ROOT).startsWith("zh") ? Language.ZH : Language.EN;
        Matches matches = matcher.match(normalized);

        Map<Category, Evidence> evidence = new EnumMap<>(Category.class);
        List<TermFinding> own = new ArrayList<>();
        for (Hit hit : matches.hits()) {
            if (WORKSPACE.equals(hit.term().source())) {
                PolicyRules.Term term = terms.get(hit.canonical());
                if (term != null) {
                    own.add(new TermFinding(
                            term.text(), term.action(), term.note(), List.of(new Span(hit.start(), hit.end()))));
                }
                continue;
            }
            evidence.computeIfAbsent(hit.category(), category -> new Evidence()).add(hit);
        }

        List<Language> models = detected == Language.MIXED ? TextClassifier.LANGUAGES : List.of(detected);
        float[] scores = new float[Category.values().length];
        float[] buffer = new float[Category.values().length];
        Map<Category, Language> scoredBy = new EnumMap<>(Category.class);
        for (var model : models) {
            classifier.scoreNormalized(normalized.text(), model, buffer);
            for (Category category : Category.values()) {
                if (buffer[category.ordinal()] > scores[category.ordinal()]) {
                    scores[category.ordinal()] = buffer[category.ordinal()];
                    scoredBy.put(category, model);
                }
            }
        }

        List<Finding> findings = new ArrayList<>();
        Action action = Action.PASS;
        for (Category category : Category.values()) {
            Evidence found = evidence.get(category);
            float score = scores[category.ordinal()];
            Severity severity = severity(
                    category, score, found == null ? List.of() : found.hits, LOW_SCORE, MEDIUM_SCORE, HIGH_SCORE);
            if (severity == null) {
                continue;
            }
            List<Span> spans = new ArrayList<>();
            List<String> words = new ArrayList<>();
            if (found != null) {
                for (Hit hit : found.hits) {
                    spans.add(new Span(hit.start(), hit.end()));
                    words.add(text.substring(hit.start(), hit.end()));
                }
            }
            // Finding the n-grams behind a score costs more than the score: only for what stops the text.
            if (spans.isEmpty() && scoredBy.containsKey(category) && severity != Severity.LOW) {
                for (var piece :
                        classifier.evidenceNormalized(normalized.text(), scoredBy.get(category), category, EVIDENCE)) {
                    if (piece.weight() <= 0 || piece.end() > normalized.length()) {
                        continue;
                    }
                    var span = normalized.toOriginal(piece.start(), piece.end());
                    spans.add(new Span(span.start(), span.end()));
                    words.add(text.substring(span.start(), span.end()));
                }
            }
            dropNested(spans, words);
            double shown = found == null ? score : Math.max(score, found.score());
            Action categoryAction = rules.action(category, severity);
            findings.add(
                    new Finding(category, Math.round(shown * 1000) / 1000.0, severity, spans, words, categoryAction));
            action = action.max(categoryAction);
        }
        for (TermFinding term : own) {
            action = action.max(term.action());
        }
        findings.sort((a, b) -> Double.compare(b.score(), a.score()));
        return new Verdict(
                action, detected == Language.ZH ? "zh" : detected == Language.EN ? "en" : "mixed", findings, own, null);
    }

    /** A piece of evidence inside a longer one ("bitc" in "bitch"), or repeated, says nothing more. */
    private static void dropNested(List<Span> spans, List<String> words) {
        for (int i = spans.size() - 1; i >= 0; i--) {
            Span piece = spans.get(i);
            for (int j = 0; j < spans.size(); j++) {
                Span other = spans.get(j);
                boolean covers = other.start() <= piece.start() && piece.end() <= other.end();
                boolean longer = other.end() - other.start() > piece.end() - piece.start();
                if (j != i && covers && (longer || j < i)) {
                    spans.remove(i);
                    words.remove(i);
                    break;
                }
            }
        }
    }

    /**
     * How bad a category is in a text, from the classifier's score and the lexicon's hits for that
     * category, at the given cut-offs; null when it is not found. The one rule, which the quality
     * report replays at other cut-offs: profanity and sexual terms need a word from the lexicon
     * (n-grams inside innocent words like "Scunthorpe" do not count); a hit keeps its rating, except
     * an insult that is negated, quoted or reported while the classifier disagrees, which is low.
     */
    public static @Nullable Severity severity(
            Category category, float score, List<Hit> hits, float low, float medium, float high) {
        if (hits.isEmpty() && LEXICAL.contains(category)) {
            return null;
        }
        Severity severity =
                score >= high ? Severity.HIGH : score >= medium ? Severity.MEDIUM : score >= low ? Severity.LOW : null;
        if (hits.isEmpty() && severity == Severity.LOW) {
            // A weak score with no word to show is noise on ordinary posts: the member could not act on it.
            return null;
        }
        int best = 0;
        for (Hit hit : hits) {
            boolean excused = (hit.negated() || hit.reported() || hit.quoted())
                    && category != Category.OBSCENE
                    && category != Category.SEXUALLY_SUGGESTIVE
                    && score < low;
            best = Math.max(best, excused ? 1 : hit.severity());
        }
        if (best > 0) {
            Severity lexical = Severity.ofRating(best);
            if (severity == null || lexical.compareTo(severity) > 0) {
                severity = lexical;
            }
        }
        return severity;
    }

    /** The lexicon's hits for one category. */
    private static final class Evidence {
        final List<Hit> hits = new ArrayList<>();

        void add(Hit hit) {
            hits.add(hit);
        }

        double score() {
            int best = 0;
            for (Hit hit : hits) {
                best = Math.max(best, hit.severity());
            }
            return 0.6 + 0.13 * best;
        }
    }
}
