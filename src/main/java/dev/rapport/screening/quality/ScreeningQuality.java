package dev.rapport.screening.quality;

import dev.rapport.screening.Category;
import dev.rapport.screening.PolicyRules;
import dev.rapport.screening.ScreeningEngine;
import dev.rapport.screening.Verdict;
import dev.rapport.screening.lexicon.Hit;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The quality of the whole screen ({@link ScreeningEngine} under the default policy: normaliser,
 * lexicon, classifier and the severity rules together), measured on the held-out data and the
 * marketing posts, written to {@code docs/screening.md}. The classifier alone is measured by {@code
 * dev.rapport.screening.model.Evaluate} in {@code docs/screening-model.md}.
 *
 * <pre>{@code
 * mvn -q -o -DskipTests package
 * java -cp target/classes:$(cat target/classpath.txt) dev.rapport.screening.quality.ScreeningQuality \
 *     ../shared/data/policy docs/screening.md
 * }</pre>
 *
 * or simply {@code bash bench/screening/quality.sh}. The Performance section
 * of the document (between {@code <!-- performance -->} and {@code <!-- /performance -->}) is kept as
 * it is: it comes from {@code bench/screening/run.sh}.
 *
 * <p>Options after the two paths: {@code --posts=FILE} (default {@code
 * src/test/resources/screening/marketing-posts.tsv}), {@code --tests=DIR} (default {@code
 * src/test/java/dev/rapport/screening}).
 */
public final class ScreeningQuality {

    static final String PERFORMANCE_BEGIN = "<!-- performance -->";
    static final String PERFORMANCE_END = "<!-- /performance -->";
    static final float[] CUTOFFS = {0.50f, 0.55f, 0.60f, 0.65f, 0.70f, 0.75f, 0.80f, 0.85f, 0.90f, 0.92f, 0.95f};

    private final ScreeningEngine engine = new ScreeningEngine(PolicyRules.defaults());
    private final Probe probe = new Probe();
    private int disagreements;
    private int checked;

    /** One text screened: the verdict with language detection, the flag with the language given, the inputs. */
    record Screened(String text, boolean label, Verdict verdict, boolean flaggedGiven, Probe.Inputs inputs) {}

    /** A marketing post. */
    record Post(String id, String language, String kind, String text) {}

    public static void main(String[] args) throws IOException {
        Path data = Path.of(args.length > 0 ? args[0] : "../shared/data/policy");
        Path out = Path.of(args.length > 1 ? args[1] : "docs/screening.md");
        Path posts = Path.of("src/test/resources/screening/marketing-posts.tsv");
        Path tests = Path.of("src/test/java/dev/rapport/screening");
        for (int i = 2; i < args.length; i++) {
            if (args[i].startsWith("--posts=")) {
                posts = Path.of(args[i].substring("--posts=".length()));
            } else if (args[i].startsWith("--tests=")) {
                tests = Path.of(args[i].substring("--tests=".length()));
            } else {
                throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        long started = System.nanoTime();
        String report = new ScreeningQuality().report(data, posts, tests, out);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, report, StandardCharsets.UTF_8);
        System.err.printf(Locale.ROOT, "wrote %s in %.1f s%n", out, (System.nanoTime() - started) / 1e9);
    }

    // ------------------------------------------------------------------ screening

    private Screened screen(String text, boolean label, String language) {
        Verdict verdict = engine.screen(text, "auto");
        boolean given = engine.screen(text, language).flagged();
        Probe.Inputs inputs = probe.inputs(text, "auto");
        checked++;
        if (Probe.flagged(inputs, ScreeningEngine.LOW_SCORE, ScreeningEngine.MEDIUM_SCORE) != verdict.flagged()) {
            disagreements++;
        }
        return new Screened(text, label, verdict, given, inputs);
    }

    static boolean flagged(Verdict verdict, Category category) {
        for (Verdict.Finding finding : verdict.findings()) {
            if (finding.category() == category && finding.action().flagged()) {
                return true;
            }
        }
        return false;
    }

    static List<Post> posts(Path file) throws IOException {
        List<Post> posts = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#") || line.startsWith("id\t")) {
                continue;
            }
            String[] cells = line.split("\t", 4);
            posts.add(new Post(cells[0], cells[1], cells[2], cells[3].replace("\\n", "\n")));
        }
        return posts;
    }

    // ------------------------------------------------------------------ the report

    String report(Path data, Path postsFile, Path tests, Path out) throws IOException {
        List<Splits.Sample> zh = Splits.load("chinese", data);
        List<Splits.Sample> en = Splits.load("english", data);

        Map<String, List<Screened>> test = new LinkedHashMap<>();
        Map<String, List<Splits.Sample>> testSamples = new LinkedHashMap<>();
        Map<String, List<Probe.Inputs>> tune = new LinkedHashMap<>();
        Map<String, List<Boolean>> tuneLabels = new LinkedHashMap<>();
        Map<String, List<Boolean>> tuneSexist = new LinkedHashMap<>();
        List<Splits.Sample> all = new ArrayList<>(zh);
        all.addAll(en);
        for (int index = 0; index < all.size(); index++) {
            Splits.Sample sample = all.get(index);
            String language = index < zh.size() ? "zh" : "en";
            if (sample.role().equals("TEST")) {
                test.computeIfAbsent(sample.set(), s -> new ArrayList<>())
                        .add(screen(sample.text(), sample.positive(), language));
                testSamples
                        .computeIfAbsent(sample.set(), s -> new ArrayList<>())
                        .add(sample);
            } else if (sample.role().equals("TUNE")) {
                tune.computeIfAbsent(sample.set(), s -> new ArrayList<>()).add(probe.inputs(sample.text(), "auto"));
                tuneLabels.computeIfAbsent(sample.set(), s -> new ArrayList<>()).add(sample.positive());
                tuneSexist
                        .computeIfAbsent(sample.set(), s -> new ArrayList<>())
                        .add(sample.label(Category.SEXIST) == 1);
            }
        }
        List<Post> posts = posts(postsFile);
        List<Screened> postResults = new ArrayList<>();
        for (Post post : posts) {
            postResults.add(screen(post.text(), false, post.language()));
        }

        StringBuilder md = new StringBuilder();
        md.append("# Screening: quality of the whole screen, and performance\n\n");
        md.append("Generated by `dev.rapport.screening.quality.ScreeningQuality` — do not edit by hand, but for the"
                + " Performance section and what follows it, which the generator keeps as they are (`bench/screening/run.sh` writes the figures between its markers; the reading is written by hand)."
                + " This is the whole screen (`ScreeningEngine` with the default policy: normaliser, lexicon with"
                + " context, the classifier of the text's language, the severity rules); the classifier alone is"
                + " measured in [screening-model.md](screening-model.md).\n\n");
        md.append("## Commands\n\nFrom the repository root, with the data folder at `../shared/data/policy`:\n\n");
        md.append("```sh\n"
                + "bash bench/screening/quality.sh            # builds if needed, then writes this file\n"
                + "# which is:\n"
                + "mvn -q -o -DskipTests package\n"
                + "mvn -q -o dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile=target/classpath.txt\n"
                + "java -Xmx2g -cp target/classes:$(cat target/classpath.txt) \\\n"
                + "    dev.rapport.screening.quality.ScreeningQuality ../shared/data/policy docs/screening.md\n"
                + "# performance (JMH and the command line): see the Performance section\n"
                + "bash bench/screening/run.sh\n"
                + "```\n\n");
        md.append("Models measured: ")
                .append(modelIds())
                .append(" (SHA-256 of the shipped `classifier-*.bin.gz`, first 12 hex digits).\n\n");

        // ---------------------------------------------------------------- summary
        List<Screened> cold = test.getOrDefault("cold", List.of());
        List<Screened> edos = test.getOrDefault("edos", List.of());
        Counts coldFlag = Counts.of(cold, s -> s.verdict().flagged());
        Counts coldGiven = Counts.of(cold, Screened::flaggedGiven);
        Counts edosFlag = Counts.of(edos, s -> s.verdict().flagged());
        Counts edosSexist = Counts.of(edos, s -> flagged(s.verdict(), Category.SEXIST));
        Counts edosGiven = Counts.of(edos, Screened::flaggedGiven);
        Counts edosSexistGiven = new Counts();
        for (Screened s : edos) {
            edosSexistGiven.add(flagged(engine.screen(s.text(), "en"), Category.SEXIST), s.label());
        }
        Map<String, int[]> marketing = new TreeMap<>();
        for (int i = 0; i < posts.size(); i++) {
            int[] counts = marketing.computeIfAbsent(posts.get(i).language(), l -> new int[4]);
            counts[0]++;
            if (postResults.get(i).verdict().flagged()) {
                counts[1]++;
            }
            if (postResults.get(i).flaggedGiven()) {
                counts[2]++;
            }
            if (postResults.get(i).verdict().action() == dev.rapport.screening.Action.WARN) {
                counts[3]++;
            }
        }

        md.append("## Summary\n\n");
        md.append("A text counts as **flagged** when the screen's action is hold or block (under the default"
                + " policy: a finding of medium or high severity — a classifier score ≥ "
                + fmt2(ScreeningEngine.MEDIUM_SCORE)
                + ", or a lexicon term rated 2–3 that is not excused by negation, quoting or reported speech);"
                + " a warning (low severity) is not a flag. The language is detected (`auto`, as the command"
                + " line does unless a line says otherwise); the figures with the data set's language given are"
                + " in brackets.\n\n");
        md.append("| figure | measured | target | met |\n|---|---|---|---|\n");
        md.append("| Chinese: accuracy on COLD dev (flagged vs offensive), ")
                .append(cold.size())
                .append(" texts | ")
                .append(pct(coldFlag.accuracy()))
                .append(" (zh given: ")
                .append(pct(coldGiven.accuracy()))
                .append(") | ≥ 81% | ")
                .append(met(coldFlag.accuracy() >= 0.81))
                .append(" |\n");
        md.append("| English: macro-F1 on EDOS test, (a) sexist finding vs sexist, ")
                .append(edos.size())
                .append(" texts | ")
                .append(f3(edosSexist.macroF1()))
                .append(" (en given: ")
                .append(f3(edosSexistGiven.macroF1()))
                .append(") | ≥ 0.80 | ")
                .append(met(edosSexist.macroF1() >= 0.80))
                .append(" |\n");
        md.append("| English: macro-F1 on EDOS test, (b) flagged (any category) vs sexist | ")
                .append(f3(edosFlag.macroF1()))
                .append(" (en given: ")
                .append(f3(edosGiven.macroF1()))
                .append(") | ≥ 0.80 | ")
                .append(met(edosFlag.macroF1() >= 0.80))
                .append(" |\n");
        for (var entry : marketing.entrySet()) {
            int[] c = entry.getValue();
            md.append("| marketing posts flagged (")
                    .append(entry.getKey())
                    .append(") | ")
                    .append(c[1])
                    .append(" of ")
                    .append(c[0])
                    .append(" (")
                    .append(entry.getKey())
                    .append(" given: ")
                    .append(c[2])
                    .append(") | ≤ 1 in 200 (≤ ")
                    .append(String.format(Locale.ROOT, "%.2f", c[0] / 200.0))
                    .append(") | ")
                    .append(met(c[1] * 200 <= c[0]))
                    .append(" |\n");
        }
        md.append("| performance | see [Performance](#performance) | ≥ 20,000 texts/s, p99 < 1 ms, 100,000 lines < 15 s"
                + " | see there |\n\n");
        md.append("EDOS labels sexism only; an EDOS text flagged for another category (e.g. obscene, offensive)"
                + " counts as a false positive in (b). The target is read as (a), the category the data labels;"
                + " both are shown.\n\n");
        md.append("Check: the decision replayed from the classifier's scores and the lexicon's hits (`Probe`, used"
                        + " for the cut-off evidence below) agrees with `ScreeningEngine` on ")
                .append(checked - disagreements)
                .append(" of ")
                .append(checked)
                .append(" texts.\n\n");

        // ---------------------------------------------------------------- held-out data
        md.append("## Held-out data\n\n");
        md.append("The test texts are exactly those the classifier's training code (`model.Datasets`, read as it"
                + " is) marks as test — never trained on, never tuned on:\n\n");
        md.append("| data | test texts | positives | what a positive is |\n|---|---:|---:|---|\n");
        Map<String, String> meaning = Map.of(
                "cold", "COLD dev split: offensive (label 1); topics race / region / gender",
                "swsr", "SWSR SexComment, the tenth held out by text hash: sexist",
                "edos", "EDOS test split: sexist",
                "davidson",
                        "Davidson et al., the tenth held out by text hash (model doc: 8/10 train, 1/10 tune,"
                                + " 1/10 test): hate or offensive");
        for (var entry : test.entrySet()) {
            md.append(cells(
                    entry.getKey(),
                    entry.getValue().size(),
                    entry.getValue().stream().filter(Screened::label).count(),
                    meaning.getOrDefault(entry.getKey(), "")));
        }
        md.append("\nThe rest of Davidson, SWSR, COLD train and EDOS train/dev is training or tuning data and is not"
                + " counted here (the tuning part is used only for the cut-off evidence below).\n\n");

        for (String language : List.of("zh", "en")) {
            List<String> sets = language.equals("zh") ? List.of("cold", "swsr") : List.of("edos", "davidson");
            md.append("## ")
                    .append(language.equals("zh") ? "Chinese (zh)" : "English (en)")
                    .append("\n\n");
            md.append("Precision, recall and F1 of the positive class; macro-F1 averages it with the negative class's"
                    + " F1. A category counts when its finding is at hold or block; \"flagged\" is any category.\n\n");
            md.append("| prediction | label | test set | texts | positives | precision | recall | F1 | macro-F1 |"
                    + " accuracy |\n");
            md.append("|---|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
            Counts pooled = new Counts();
            for (String set : sets) {
                List<Screened> screened = test.getOrDefault(set, List.of());
                List<Splits.Sample> samples = testSamples.getOrDefault(set, List.of());
                if (screened.isEmpty()) {
                    continue;
                }
                Counts any = Counts.of(screened, s -> s.verdict().flagged());
                pooled.addAll(any);
                row(md, "flagged", "any", set, any);
                for (Category category : samples.get(0).heads()) {
                    Counts counts = new Counts();
                    for (int i = 0; i < screened.size(); i++) {
                        int label = samples.get(i).label(category);
                        if (label >= 0) {
                            counts.add(flagged(screened.get(i).verdict(), category), label == 1);
                        }
                    }
                    if (counts.positives() > 0) {
                        row(md, category.code(), category.code(), set, counts);
                    }
                }
            }
            row(md, "flagged", "any", "all test texts", pooled);
            md.append('\n');
            if (language.equals("zh")) {
                md.append("COLD dev by topic (flagged vs offensive):\n\n");
                md.append("| topic | texts | offensive | precision | recall | F1 | accuracy |\n"
                        + "|---|---:|---:|---:|---:|---:|---:|\n");
                Map<String, Counts> topics = new TreeMap<>();
                List<Splits.Sample> samples = testSamples.getOrDefault("cold", List.of());
                for (int i = 0; i < cold.size(); i++) {
                    topics.computeIfAbsent(samples.get(i).source().substring(5), t -> new Counts())
                            .add(cold.get(i).verdict().flagged(), cold.get(i).label());
                }
                for (var entry : topics.entrySet()) {
                    Counts c = entry.getValue();
                    md.append(cells(
                            entry.getKey(),
                            c.total(),
                            c.positives(),
                            f3(c.precision()),
                            f3(c.recall()),
                            f3(c.f1()),
                            pct(c.accuracy())));
                }
                md.append('\n');
                confusion(md, "flagged on COLD dev", "offensive", coldFlag);
                falsePositives(md, "COLD dev", cold);
            } else {
                confusion(md, "flagged on EDOS test", "sexist", edosFlag);
                confusion(md, "the sexist finding on EDOS test", "sexist", edosSexist);
                falsePositives(md, "EDOS test", edos);
            }
        }

        // ---------------------------------------------------------------- marketing
        md.append("## Marketing posts (false positives)\n\n");
        md.append("`")
                .append(postsFile)
                .append("`: ordinary posts (product news, events, customer thanks, Q&A, promotions, hiring, holiday"
                        + " greetings), written for this test; none comes from the training data. None should be"
                        + " flagged.\n\n");
        md.append(
                "| language | posts | flagged (auto) | flagged (language given) | warned only | rate | target | met |\n"
                        + "|---|---:|---:|---:|---:|---|---|---|\n");
        for (var entry : marketing.entrySet()) {
            int[] c = entry.getValue();
            md.append(cells(
                    entry.getKey(),
                    c[0],
                    c[1],
                    c[2],
                    c[3],
                    c[1] == 0 ? "0" : "1 in " + Math.round((double) c[0] / c[1]),
                    "≤ 1 in 200",
                    met(c[1] * 200 <= c[0])));
        }
        md.append("\nFlagged posts (any language setting):\n\n");
        int listed = 0;
        for (int i = 0; i < posts.size(); i++) {
            Screened s = postResults.get(i);
            if (!s.verdict().flagged() && !s.flaggedGiven()) {
                continue;
            }
            listed++;
            Verdict verdict = s.verdict().flagged()
                    ? s.verdict()
                    : engine.screen(s.text(), posts.get(i).language());
            md.append("- ")
                    .append(posts.get(i).id())
                    .append(" «")
                    .append(oneLine(s.text(), 200))
                    .append("» — ")
                    .append(s.verdict().flagged() ? "auto" : "only with the language given")
                    .append(": ")
                    .append(findings(verdict, s.inputs()))
                    .append('\n');
        }
        if (listed == 0) {
            md.append("- none\n");
        }
        md.append("\nWarned (not flagged; the author sees a warning and may go on):\n\n");
        int warned = 0;
        for (int i = 0; i < posts.size(); i++) {
            Screened s = postResults.get(i);
            if (s.verdict().action() != dev.rapport.screening.Action.WARN) {
                continue;
            }
            warned++;
            md.append("- ")
                    .append(posts.get(i).id())
                    .append(" «")
                    .append(oneLine(s.text(), 120))
                    .append("»: ")
                    .append(findings(s.verdict(), s.inputs()))
                    .append('\n');
        }
        if (warned == 0) {
            md.append("- none\n");
        }
        md.append('\n');

        // ---------------------------------------------------------------- suites
        md.append(TestSuites.summary(tests));

        // ---------------------------------------------------------------- cut-offs
        md.append(cutoffs(tune, tuneLabels, tuneSexist, postResults, posts));

        // ---------------------------------------------------------------- performance (kept)
        md.append("## Performance\n\n");
        md.append(performance(out));
        return md.toString();
    }

    // ------------------------------------------------------------------ pieces

    private String cutoffs(
            Map<String, List<Probe.Inputs>> tune,
            Map<String, List<Boolean>> labels,
            Map<String, List<Boolean>> sexist,
            List<Screened> postResults,
            List<Post> posts) {
        StringBuilder md = new StringBuilder();
        md.append("## Evidence on the severity cut-offs (for a decision; the engine is unchanged)\n\n");
        md.append("`ScreeningEngine` flags a category when the classifier's score is ≥ MEDIUM_SCORE (now ")
                .append(fmt2(ScreeningEngine.MEDIUM_SCORE))
                .append("; LOW_SCORE ")
                .append(fmt2(ScreeningEngine.LOW_SCORE))
                .append(" only warns, HIGH_SCORE ")
                .append(fmt2(ScreeningEngine.HIGH_SCORE))
                .append(" blocks instead of holding, so neither changes what is flagged but for LOW_SCORE's part"
                        + " in excusing a negated or reported insult) or when a lexicon term rated 2–3 is found. The"
                        + " classifier's heads already have their tuned threshold folded in at 0.5. Below, the"
                        + " decision is replayed at other MEDIUM_SCORE values on the **tuning** texts only (never"
                        + " the test texts above): a tenth of COLD train, EDOS dev, the tuning tenths of SWSR and"
                        + " Davidson. The marketing posts are the false-positive target set itself, shown because"
                        + " the target is on them — choosing a cut-off on them is tuning on the test, so weigh them"
                        + " as a constraint, not as the objective. \"lexicon only\" is the screen without classifier"
                        + " flags.\n\n");
        md.append("| MEDIUM_SCORE | zh: COLD tune accuracy | zh: SWSR tune macro-F1 | en: EDOS dev macro-F1 (flagged)"
                + " | en: EDOS dev macro-F1 (sexist) | en: Davidson tune macro-F1 | marketing zh flagged |"
                + " marketing en flagged |\n");
        md.append("|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        float[] values = new float[CUTOFFS.length + 1];
        System.arraycopy(CUTOFFS, 0, values, 0, CUTOFFS.length);
        values[CUTOFFS.length] = Float.MAX_VALUE;
        double[][] table = new double[values.length][];
        int[][] flaggedPosts = new int[values.length][2];
        int[] totalPosts = new int[2];
        for (Post post : posts) {
            totalPosts[post.language().equals("zh") ? 0 : 1]++;
        }
        for (int row = 0; row < values.length; row++) {
            float medium = values[row];
            float low = Math.min(ScreeningEngine.LOW_SCORE, medium);
            table[row] = new double[] {
                sweep(tune.get("cold"), labels.get("cold"), low, medium, null).accuracy(),
                sweep(tune.get("swsr"), labels.get("swsr"), low, medium, null).macroF1(),
                sweep(tune.get("edos"), labels.get("edos"), low, medium, null).macroF1(),
                sweep(tune.get("edos"), sexist.get("edos"), low, medium, Category.SEXIST)
                        .macroF1(),
                sweep(tune.get("davidson"), labels.get("davidson"), low, medium, null)
                        .macroF1()
            };
            for (int i = 0; i < posts.size(); i++) {
                if (Probe.flagged(postResults.get(i).inputs(), low, medium)) {
                    flaggedPosts[row][posts.get(i).language().equals("zh") ? 0 : 1]++;
                }
            }
        }
        double[] best = new double[5];
        for (double[] row : table) {
            for (int c = 0; c < best.length; c++) {
                best[c] = Math.max(best[c], Double.isNaN(row[c]) ? 0 : row[c]);
            }
        }
        for (int row = 0; row < values.length; row++) {
            float medium = values[row];
            md.append("| ")
                    .append(medium == Float.MAX_VALUE ? "lexicon only" : fmt2(medium))
                    .append(medium == ScreeningEngine.MEDIUM_SCORE ? " (now)" : "");
            for (int c = 0; c < best.length; c++) {
                String value = c == 0 ? pct(table[row][c]) : f3(table[row][c]);
                md.append(" | ").append(table[row][c] == best[c] ? "**" + value + "**" : value);
            }
            for (int lang = 0; lang < 2; lang++) {
                String value = flaggedPosts[row][lang] + " / " + totalPosts[lang];
                md.append(" | ").append(flaggedPosts[row][lang] * 200 <= totalPosts[lang] ? value : value + " ✗");
            }
            md.append(" |\n");
        }
        md.append("\nBold: the best value of each column; ✗: more than 1 flagged in 200.\n");
        md.append('\n');
        return md.toString();
    }

    private static Counts sweep(
            List<Probe.Inputs> inputs, List<Boolean> labels, float low, float medium, Category category) {
        Counts counts = new Counts();
        if (inputs == null) {
            return counts;
        }
        for (int i = 0; i < inputs.size(); i++) {
            boolean predicted = category == null
                    ? Probe.flagged(inputs.get(i), low, medium)
                    : Probe.flagged(inputs.get(i), category, low, medium);
            counts.add(predicted, labels.get(i));
        }
        return counts;
    }

    private static void row(StringBuilder md, String prediction, String label, String set, Counts c) {
        md.append(cells(
                prediction,
                label,
                set,
                c.total(),
                c.positives(),
                f3(c.precision()),
                f3(c.recall()),
                f3(c.f1()),
                f3(c.macroF1()),
                pct(c.accuracy())));
    }

    /** One row of a Markdown table. */
    private static String cells(Object... values) {
        StringBuilder row = new StringBuilder("|");
        for (Object value : values) {
            row.append(' ').append(value).append(" |");
        }
        return row.append('\n').toString();
    }

    private static void confusion(StringBuilder md, String what, String label, Counts c) {
        md.append("Confusion of ")
                .append(what)
                .append(" (rows: actual, columns: predicted):\n\n| | flagged | not flagged |\n|---|---:|---:|\n| ")
                .append(label)
                .append(" | ")
                .append(c.tp)
                .append(" | ")
                .append(c.fn)
                .append(" |\n| not ")
                .append(label)
                .append(" | ")
                .append(c.fp)
                .append(" | ")
                .append(c.tn)
                .append(" |\n\n");
    }

    /** The most common reasons of the false positives: category, source, words; and the examples. */
    private void falsePositives(StringBuilder md, String name, List<Screened> screened) {
        Map<String, Integer> byCategory = new TreeMap<>();
        Map<String, Integer> byWord = new LinkedHashMap<>();
        List<Screened> fps = new ArrayList<>();
        for (Screened s : screened) {
            if (!s.verdict().flagged() || s.label()) {
                continue;
            }
            fps.add(s);
            for (Verdict.Finding finding : s.verdict().findings()) {
                if (!finding.action().flagged()) {
                    continue;
                }
                String source = source(finding.category(), s.inputs());
                byCategory.merge(finding.category().code() + " (" + source + ")", 1, Integer::sum);
                for (String word : new java.util.LinkedHashSet<>(finding.evidence())) {
                    byWord.merge(
                            finding.category().code() + " · " + source + " · `"
                                    + word.toLowerCase(Locale.ROOT)
                                            .replace("`", "'")
                                            .replace("|", "\\|") + "`",
                            1,
                            Integer::sum);
                }
            }
        }
        md.append("False positives on ")
                .append(name)
                .append(": ")
                .append(fps.size())
                .append(". What fired (category at hold or block, and whether a lexicon term rated 2–3 or the"
                        + " classifier's score put it there; a text can count under several):\n\n");
        md.append("| category (source) | false positives |\n|---|---:|\n");
        byCategory.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> md.append("| ")
                        .append(e.getKey())
                        .append(" | ")
                        .append(e.getValue())
                        .append(" |\n"));
        md.append("\nMost common words or n-grams shown as evidence in them (category · source · evidence: false"
                + " positives):\n\n");
        md.append(byWord.entrySet().stream()
                        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                        .limit(20)
                        .map(e -> e.getKey() + ": " + e.getValue())
                        .reduce((a, b) -> a + "; " + b)
                        .orElse("none"))
                .append("\n\nExamples (the highest-scoring false positives):\n\n");
        fps.stream()
                .sorted(Comparator.comparingDouble((Screened s) -> -topScore(s.verdict())))
                .limit(10)
                .forEach(s -> md.append("- «")
                        .append(oneLine(s.text(), 140))
                        .append("» — ")
                        .append(findings(s.verdict(), s.inputs()))
                        .append('\n'));
        md.append('\n');
    }

    private static double topScore(Verdict verdict) {
        return verdict.findings().stream()
                .filter(f -> f.action().flagged())
                .mapToDouble(Verdict.Finding::score)
                .max()
                .orElse(0);
    }

    /** "lexicon" when a term rated 2–3 (not excused) put the category at medium or more, else "classifier". */
    private static String source(Category category, Probe.Inputs inputs) {
        return Probe.flagged(inputs, category, ScreeningEngine.LOW_SCORE, Float.MAX_VALUE) ? "lexicon" : "classifier";
    }

    private static String findings(Verdict verdict, Probe.Inputs inputs) {
        List<String> parts = new ArrayList<>();
        for (Verdict.Finding finding : verdict.findings()) {
            StringBuilder part = new StringBuilder();
            part.append(finding.category().code())
                    .append(' ')
                    .append(finding.severity().name().toLowerCase(Locale.ROOT))
                    .append(' ')
                    .append(String.format(Locale.ROOT, "%.2f", finding.score()))
                    .append(" → ")
                    .append(finding.action().code())
                    .append(" (by the ")
                    .append(source(finding.category(), inputs))
                    .append("; classifier score ")
                    .append(String.format(
                            Locale.ROOT,
                            "%.2f",
                            inputs.scores()[finding.category().ordinal()]));
            List<String> hits = new ArrayList<>();
            for (Hit hit : inputs.hits()) {
                if (hit.category() == finding.category()) {
                    hits.add(hit.canonical() + "/" + hit.severity()
                            + (hit.negated() ? " negated" : "")
                            + (hit.quoted() ? " quoted" : "")
                            + (hit.reported() ? " reported" : ""));
                }
            }
            if (!hits.isEmpty()) {
                part.append(", lexicon ").append(String.join(", ", hits));
            }
            part.append(')');
            if (!finding.evidence().isEmpty()) {
                part.append(" `")
                        .append(String.join("` `", finding.evidence())
                                .replace("\n", " ")
                                .replace("|", "\\|"))
                        .append('`');
            }
            parts.add(part.toString());
        }
        return String.join("; ", parts);
    }

    private static String performance(Path out) throws IOException {
        if (Files.exists(out)) {
            String old = Files.readString(out, StandardCharsets.UTF_8);
            int begin = old.indexOf(PERFORMANCE_BEGIN);
            int end = old.indexOf(PERFORMANCE_END);
            if (begin >= 0 && end > begin) {
                return old.substring(begin).strip() + "\n";
            }
        }
        return PERFORMANCE_BEGIN + "\n\nNot measured yet: run `bash bench/screening/run.sh`.\n\n" + PERFORMANCE_END
                + "\n";
    }

    private static String modelIds() {
        List<String> ids = new ArrayList<>();
        for (String language : List.of("zh", "en")) {
            String name = "dev/rapport/screening/model/classifier-" + language + ".bin.gz";
            try (InputStream in = ScreeningQuality.class.getClassLoader().getResourceAsStream(name)) {
                if (in == null) {
                    ids.add(language + " missing");
                    continue;
                }
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                sha.update(in.readAllBytes());
                ids.add(language + " `" + HexFormat.of().formatHex(sha.digest()).substring(0, 12) + "`");
            } catch (IOException | NoSuchAlgorithmException e) {
                ids.add(language + " unreadable");
            }
        }
        return String.join(", ", ids);
    }

    static String oneLine(String text, int max) {
        String line = text.replace('\n', ' ').replace("|", "\\|").replace("`", "'");
        return line.length() <= max ? line : line.substring(0, max) + "…";
    }

    static String pct(double value) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.2f%%", value * 100);
    }

    static String f3(double value) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.3f", value);
    }

    static String fmt2(float value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    static String met(boolean met) {
        return met ? "**met**" : "**not met**";
    }

    // ------------------------------------------------------------------ counts

    /** A binary confusion matrix. */
    static final class Counts {
        long tp;
        long fp;
        long fn;
        long tn;

        static Counts of(List<Screened> screened, java.util.function.Predicate<Screened> predicted) {
            Counts counts = new Counts();
            for (Screened s : screened) {
                counts.add(predicted.test(s), s.label());
            }
            return counts;
        }

        void add(boolean predicted, boolean actual) {
            if (predicted && actual) {
                tp++;
            } else if (predicted) {
                fp++;
            } else if (actual) {
                fn++;
            } else {
                tn++;
            }
        }

        void addAll(Counts other) {
            tp += other.tp;
            fp += other.fp;
            fn += other.fn;
            tn += other.tn;
        }

        long total() {
            return tp + fp + fn + tn;
        }

        long positives() {
            return tp + fn;
        }

        double precision() {
            return tp + fp == 0 ? 0 : (double) tp / (tp + fp);
        }

        double recall() {
            return tp + fn == 0 ? 0 : (double) tp / (tp + fn);
        }

        double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        double accuracy() {
            return total() == 0 ? Double.NaN : (double) (tp + tn) / total();
        }

        double macroF1() {
            if (total() == 0) {
                return Double.NaN;
            }
            double p = tn + fn == 0 ? 0 : (double) tn / (tn + fn);
            double r = tn + fp == 0 ? 0 : (double) tn / (tn + fp);
            double negative = p + r == 0 ? 0 : 2 * p * r / (p + r);
            return (f1() + negative) / 2;
        }
    }

    // ------------------------------------------------------------------ the test suites

    /** Counts the cases of the evasion and innocent-substring suites from their sources. */
    static final class TestSuites {

        private static final Pattern METHOD = Pattern.compile("\\n\\s*void\\s+(\\w+)\\s*\\(");

        static String summary(Path tests) throws IOException {
            StringBuilder md = new StringBuilder();
            md.append("## Evasion and innocent-substring suites (tests)\n\n");
            md.append("They run with the build (`mvn test`); counted here from their sources in `")
                    .append(tests)
                    .append("`. The evasion cases check that each normalisation defeats its trick (full-width"
                            + " and mathematical letters, case, zero-width and soft-hyphen characters, dots, hyphens"
                            + " and spaces between letters, elongation, Armenian/Cyrillic/Greek look-alikes, accents,"
                            + " masking stars, leetspeak; for Chinese: spaces, stars and zero-width characters between"
                            + " characters, repetition, a Latin letter for a character, abbreviations, pinyin,"
                            + " homophones, traditional characters) with the span in the original text; the innocent"
                            + " cases check that no lexicon term is found in words that contain one (\"Scunthorpe\","
                            + " \"assassin\", \"cocktail\", \"鸡肉\", \"小姐姐\", …).\n\n");
            md.append("| test class | test | cases |\n|---|---|---:|\n");
            int total = 0;
            for (String file : List.of(
                    "text/TextNormalizerTests.java",
                    "text/ScriptDetectorTests.java",
                    "lexicon/LexiconMatcherTests.java",
                    "lexicon/LexiconTests.java")) {
                Path path = tests.resolve(file);
                if (!Files.exists(path)) {
                    md.append("| ").append(file).append(" | (not found) | – |\n");
                    continue;
                }
                String source = Files.readString(path, StandardCharsets.UTF_8);
                Matcher method = METHOD.matcher(source);
                int previous = 0;
                while (method.find()) {
                    String before = source.substring(previous, method.start());
                    previous = method.end();
                    int annotation = Math.max(before.lastIndexOf("@Test"), before.lastIndexOf("@ParameterizedTest"));
                    if (annotation < 0) {
                        continue;
                    }
                    String block = before.substring(annotation);
                    int cases = 1;
                    if (block.startsWith("@ParameterizedTest")) {
                        cases = 0;
                        for (String line : block.split("\n")) {
                            if (line.strip().startsWith("\"") && !line.contains("delimiter")) {
                                cases++;
                            }
                        }
                        if (block.contains("@CsvSource({")) {
                            cases = block.substring(block.indexOf("@CsvSource({"))
                                    .split("\",\\s*\"")
                                    .length;
                        }
                    }
                    total += cases;
                    md.append("| ")
                            .append(path.getFileName().toString().replace(".java", ""))
                            .append(" | ")
                            .append(words(method.group(1)))
                            .append(" | ")
                            .append(cases)
                            .append(" |\n");
                }
            }
            md.append("| | all | ").append(total).append(" |\n\n");
            return md.toString();
        }

        private static String words(String camel) {
            return camel.replaceAll("([a-z0-9])([A-Z])", "$1 $2")
                    .replaceAll("([A-Z])([A-Z][a-z])", "$1 $2")
                    .toLowerCase(Locale.ROOT);
        }
    }
}
