package dev.rapport.screening.quality;

import dev.rapport.screening.Category;
import dev.rapport.screening.ScreeningEngine;
import dev.rapport.screening.Severity;
import dev.rapport.screening.lexicon.Hit;
import dev.rapport.screening.lexicon.Lexicon;
import dev.rapport.screening.lexicon.LexiconMatcher;
import dev.rapport.screening.model.SimpleNormalizer;
import dev.rapport.screening.model.TextClassifier;
import dev.rapport.screening.text.Language;
import dev.rapport.screening.text.NormalizedText;
import dev.rapport.screening.text.TextNormalizer;
import java.nio.file.Path;
import java.util.List;

/**
 * The experiment behind a per-category cut-off for English sexism (not part of the product): the
 * screen's sexist finding (classifier score at the cut-off, or a lexicon term rated 2–3) on EDOS
 * dev, scored by models trained WITHOUT the refit on train + dev ({@code Train --lang=en
 * --refit=none} into MODEL_DIR), so that dev is held out. EDOS test is never read.
 *
 * <pre>
 * java -cp target/classes:target/test-classes:$(cat target/classpath.txt) \
 *     dev.rapport.screening.quality.SexistCutoffProbe ../shared/data/policy MODEL_DIR
 * </pre>
 */
final class SexistCutoffProbe {

    public static void main(String[] args) throws Exception {
        TextClassifier classifier = TextClassifier.fromDirectory(Path.of(args[1]), SimpleNormalizer.INSTANCE);
        TextNormalizer normalizer = TextNormalizer.standard();
        LexiconMatcher matcher = new LexiconMatcher(Lexicon.standard(), normalizer);
        List<Splits.Sample> dev = Splits.load("english", Path.of(args[0])).stream()
                .filter(s -> s.set().equals("edos") && s.role().equals("TUNE"))
                .toList();
        int n = dev.size();
        float[] score = new float[n];
        List<List<Hit>> hits = new java.util.ArrayList<>();
        boolean[] label = new boolean[n];
        for (int i = 0; i < n; i++) {
            NormalizedText normalized = normalizer.normalize(dev.get(i).text());
            score[i] = classifier.scores(normalized.text(), Language.EN)[Category.SEXIST.ordinal()];
            hits.add(matcher.match(normalized).hits().stream()
                    .filter(h -> h.category() == Category.SEXIST)
                    .toList());
            label[i] = dev.get(i).label(Category.SEXIST) == 1;
        }
        for (int step = 40; step <= 80; step += 5) {
            float medium = step / 100f;
            long tp = 0, fp = 0, fn = 0, tn = 0;
            long tpc = 0, fpc = 0, fnc = 0, tnc = 0;
            for (int i = 0; i < n; i++) {
                Severity severity = ScreeningEngine.severity(
                        Category.SEXIST,
                        score[i],
                        hits.get(i),
                        Math.min(medium, ScreeningEngine.LOW_SCORE),
                        medium,
                        Math.max(medium, ScreeningEngine.HIGH_SCORE));
                boolean flagged = severity != null && severity.compareTo(Severity.MEDIUM) >= 0;
                boolean alone = score[i] >= medium;
                if (flagged) {
                    if (label[i]) tp++;
                    else fp++;
                } else if (label[i]) fn++;
                else tn++;
                if (alone) {
                    if (label[i]) tpc++;
                    else fpc++;
                } else if (label[i]) fnc++;
                else tnc++;
            }
            System.out.printf(
                    "sexist cut-off %.2f: screen sexist finding macro-F1 %.4f; classifier alone %.4f%n",
                    medium, macro(tp, fp, fn, tn), macro(tpc, fpc, fnc, tnc));
        }
    }

    static double macro(long tp, long fp, long fn, long tn) {
        return (f1(tp, fp, fn) + f1(tn, fn, fp)) / 2;
    }

    static double f1(long tp, long fp, long fn) {
        return tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
    }
}
