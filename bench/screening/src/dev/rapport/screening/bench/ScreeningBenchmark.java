package dev.rapport.screening.bench;

import dev.rapport.screening.PolicyRules;
import dev.rapport.screening.ScreeningEngine;
import dev.rapport.screening.Verdict;
import dev.rapport.screening.lexicon.LexiconMatcher;
import dev.rapport.screening.lexicon.Matches;
import dev.rapport.screening.model.TextClassifier;
import dev.rapport.screening.quality.BenchCorpus;
import dev.rapport.screening.text.Language;
import dev.rapport.screening.text.NormalizedText;
import dev.rapport.screening.text.ScriptDetector;
import dev.rapport.screening.text.TextNormalizer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link ScreeningEngine#screen} under the default policy, one thread, on 280-character posts
 * ({@link BenchCorpus}: half Chinese, half English; 80% marketing posts, 20% offensive texts from the
 * held-out splits), language detected ("auto", as the command line does). Throughput in texts per
 * second, and sample time for the per-text percentiles. The {@code part*} benchmarks time the
 * engine's steps on the same texts (normalising, script detection, the lexicon, the classifier of
 * the detected language — both models for a mixed text), to show where the time goes. See
 * bench/screening/run.sh.
 */
@State(Scope.Thread)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class ScreeningBenchmark {

    /** mixed, zh or en. */
    @Param("mixed")
    public String mix;

    /** The policy data folder (../shared/data/policy from the repository root). */
    @Param("../shared/data/policy")
    public String data;

    @Param("src/test/resources/screening/marketing-posts.tsv")
    public String posts;

    private ScreeningEngine engine;
    private String[] texts;
    private int next;

    private final TextNormalizer normalizer = TextNormalizer.standard();
    private final LexiconMatcher matcher = LexiconMatcher.standard();
    private final TextClassifier classifier = TextClassifier.shipped();
    private NormalizedText[] normalized;
    private Language[] detected;
    private final float[] scores = new float[dev.rapport.screening.Category.values().length];

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        engine = new ScreeningEngine(PolicyRules.defaults());
        List<String> corpus = BenchCorpus.build(Path.of(data), Path.of(posts), 4096, mix, 20260101L);
        texts = corpus.toArray(String[]::new);
        normalized = new NormalizedText[texts.length];
        detected = new Language[texts.length];
        int[] languages = new int[Language.values().length];
        for (int i = 0; i < texts.length; i++) {
            engine.screen(texts[i], "auto");
            normalized[i] = normalizer.normalize(texts[i]);
            detected[i] = ScriptDetector.detect(normalized[i].text());
            languages[detected[i].ordinal()]++;
        }
        System.out.println("corpus: " + texts.length + " texts; detected " + java.util.Arrays.toString(Language.values())
                + " " + java.util.Arrays.toString(languages));
    }

    private String nextText() {
        String text = texts[next];
        next = (next + 1) & (texts.length - 1);
        return text;
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public Verdict throughput() {
        return engine.screen(nextText(), "auto");
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Verdict latency() {
        return engine.screen(nextText(), "auto");
    }

    private int nextIndex() {
        int index = next;
        next = (next + 1) & (texts.length - 1);
        return index;
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Warmup(iterations = 2, time = 3)
    @Measurement(iterations = 3, time = 3)
    public NormalizedText partNormalize() {
        return normalizer.normalize(nextText());
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Warmup(iterations = 2, time = 3)
    @Measurement(iterations = 3, time = 3)
    public Language partDetect() {
        return ScriptDetector.detect(normalized[nextIndex()].text());
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Warmup(iterations = 2, time = 3)
    @Measurement(iterations = 3, time = 3)
    public Matches partLexicon() {
        return matcher.match(normalized[nextIndex()]);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Warmup(iterations = 2, time = 3)
    @Measurement(iterations = 3, time = 3)
    public float[] partClassifier() {
        int index = nextIndex();
        String text = normalized[index].text();
        switch (detected[index]) {
            case ZH -> classifier.scoreNormalized(text, dev.rapport.screening.text.Language.ZH, scores);
            case EN -> classifier.scoreNormalized(text, dev.rapport.screening.text.Language.EN, scores);
            case MIXED -> {
                classifier.scoreNormalized(text, dev.rapport.screening.text.Language.ZH, scores);
                classifier.scoreNormalized(text, dev.rapport.screening.text.Language.EN, scores);
            }
        }
        return scores;
    }
}
