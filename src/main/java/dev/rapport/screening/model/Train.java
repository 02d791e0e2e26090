package dev.rapport.screening.model;

import dev.rapport.screening.text.Language;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Trains the shipped classifier models from the policy data folder and writes them as resources.
 *
 * <pre>
 * mvn -q -o compile &amp;&amp; java -cp target/classes dev.rapport.screening.model.Train \
 *     [DATA_DIR (default ../shared/data/policy)] [OUT_DIR (default src/main/resources/dev/rapport/screening/model)] \
 *     [--lang=zh|en] [--bits=20] [--epochs=10] [--eta=0.2] [--lambda=1e-6] [--nb=true] [--alpha=1] [--clip=0.9999] [--balance=0.5] [--exact=en:sexist (heads fitted by L-BFGS; none)] [--C=20] [--refit=en (languages trained again on train + tune after tuning; none|en|zh|en,zh)]
 * </pre>
 *
 * Prints the tuning figures and the SHA-256 of each model written; same data and options give the
 * same bytes.
 */
public final class Train {

    static final Path DEFAULT_DATA = Path.of("../shared/data/policy");
    static final Path DEFAULT_OUT = Path.of("src/main/resources/dev/rapport/screening/model");

    private Train() {}

    public static void main(String[] args) throws IOException {
        List<String> positional = new ArrayList<>();
        Trainer.Params params = Trainer.Params.defaults();
        List<Language> languages = TextClassifier.LANGUAGES;
        // languages whose final model is trained again on training + tuning texts (thresholds kept)
        java.util.Set<Language> refit = java.util.EnumSet.of(Language.EN);
        for (String arg : args) {
            if (!arg.startsWith("--")) {
                positional.add(arg);
                continue;
            }
            String[] kv = arg.substring(2).split("=", 2);
            String value = kv.length > 1 ? kv[1] : "true";
            Trainer.Params p = params;
            params = switch (kv[0]) {
                case "bits" ->
                    with(
                            p,
                            Integer.parseInt(value),
                            p.epochs(),
                            p.eta(),
                            p.lambda(),
                            p.nb(),
                            p.nbAlpha(),
                            p.clipQuantile(),
                            p.balance());
                case "epochs" ->
                    with(
                            p,
                            p.bits(),
                            Integer.parseInt(value),
                            p.eta(),
                            p.lambda(),
                            p.nb(),
                            p.nbAlpha(),
                            p.clipQuantile(),
                            p.balance());
                case "eta" ->
                    with(
                            p,
                            p.bits(),
                            p.epochs(),
                            Float.parseFloat(value),
                            p.lambda(),
                            p.nb(),
                            p.nbAlpha(),
                            p.clipQuantile(),
                            p.balance());
                case "lambda" ->
                    with(
                            p,
                            p.bits(),
                            p.epochs(),
                            p.eta(),
                            Float.parseFloat(value),
                            p.nb(),
                            p.nbAlpha(),
                            p.clipQuantile(),
                            p.balance());
                case "nb" ->
                    with(
                            p,
                            p.bits(),
                            p.epochs(),
                            p.eta(),
                            p.lambda(),
                            Boolean.parseBoolean(value),
                            p.nbAlpha(),
                            p.clipQuantile(),
                            p.balance());
                case "alpha" ->
                    with(
                            p,
                            p.bits(),
                            p.epochs(),
                            p.eta(),
                            p.lambda(),
                            p.nb(),
                            Float.parseFloat(value),
                            p.clipQuantile(),
                            p.balance());
                case "clip" ->
                    with(
                            p,
                            p.bits(),
                            p.epochs(),
                            p.eta(),
                            p.lambda(),
                            p.nb(),
                            p.nbAlpha(),
                            Float.parseFloat(value),
                            p.balance());
                case "balance" ->
                    with(
                            p,
                            p.bits(),
                            p.epochs(),
                            p.eta(),
                            p.lambda(),
                            p.nb(),
                            p.nbAlpha(),
                            p.clipQuantile(),
                            Float.parseFloat(value));
                case "exact" ->
                    new Trainer.Params(
                            p.bits(),
                            p.epochs(),
                            p.eta(),
                            p.lambda(),
                            p.nb(),
                            p.nbAlpha(),
                            p.clipQuantile(),
                            p.balance(),
                            p.seed(),
                            value.equals("none") ? "" : value,
                            p.exactC());
                case "C" ->
                    new Trainer.Params(
                            p.bits(),
                            p.epochs(),
                            p.eta(),
                            p.lambda(),
                            p.nb(),
                            p.nbAlpha(),
                            p.clipQuantile(),
                            p.balance(),
                            p.seed(),
                            p.exact(),
                            Float.parseFloat(value));
                case "refit" -> {
                    refit = java.util.EnumSet.noneOf(Language.class);
                    for (String code : value.split(",")) {
                        if (!code.isBlank() && !code.equals("none")) {
                            refit.add(Language.ofCode(code.strip()));
                        }
                    }
                    yield params;
                }
                case "lang" -> {
                    languages = List.of(Language.ofCode(value));
                    yield params;
                }
                default -> throw new IllegalArgumentException("unknown option " + arg);
            };
        }
        Path data = positional.size() > 0 ? Path.of(positional.get(0)) : DEFAULT_DATA;
        Path out = positional.size() > 1 ? Path.of(positional.get(1)) : DEFAULT_OUT;
        Files.createDirectories(out);
        for (Language language : languages) {
            long start = System.nanoTime();
            Datasets.Data dataset = Datasets.of(language, data);
            Trainer.Result result = Trainer.train(dataset, params, SimpleNormalizer.INSTANCE, refit.contains(language));
            Path file = out.resolve(TextClassifier.fileName(language));
            write(result.model(), file);
            System.out.printf(
                    Locale.ROOT,
                    "%s: %s%n%s%s in %.1f s, %d bytes, sha256 %s%n",
                    language.code(),
                    params.describe(),
                    result.report(),
                    file,
                    (System.nanoTime() - start) / 1e9,
                    Files.size(file),
                    sha256(file));
        }
    }

    private static Trainer.Params with(
            Trainer.Params p,
            int bits,
            int epochs,
            float eta,
            float lambda,
            boolean nb,
            float alpha,
            float clip,
            float balance) {
        return new Trainer.Params(bits, epochs, eta, lambda, nb, alpha, clip, balance, p.seed(), p.exact(), p.exactC());
    }

    static void write(LinearModel model, Path file) throws IOException {
        try (OutputStream stream = Files.newOutputStream(file)) {
            model.write(stream);
        }
    }

    static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
