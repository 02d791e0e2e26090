package dev.rapport.screening.model;

import dev.rapport.screening.Category;
import dev.rapport.screening.model.Datasets.Data;
import dev.rapport.screening.model.Datasets.Sample;
import dev.rapport.screening.text.Language;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Trains one language's heads: logistic regression by AdaGrad SGD with L2, optionally on NB
 * log-count-ratio scaled features (NB-LR, folded into the weights afterwards), then int8
 * quantisation and a decision threshold per head chosen on the tuning texts (folded into the
 * bias). Single-threaded with a fixed seed, so the output is the same bit for bit.
 */
final class Trainer {

    record Params(
            int bits,
            int epochs,
            float eta,
            float lambda,
            boolean nb,
            float nbAlpha,
            float clipQuantile,
            float balance,
            long seed,
            String exact,
            float exactC) {
        static Params defaults() {
            return new Params(20, 10, 0.2f, 1e-6f, true, 1f, 0.9999f, 0.5f, 20_260_101L, "en:sexist", 20f);
        }

        Params(
                int bits,
                int epochs,
                float eta,
                float lambda,
                boolean nb,
                float nbAlpha,
                float clipQuantile,
                float balance,
                long seed) {
            this(bits, epochs, eta, lambda, nb, nbAlpha, clipQuantile, balance, seed, "", 20f);
        }

        /** Whether the head is fitted exactly (L-BFGS, balanced classes, L2 = 1/C) instead of by SGD. */
        boolean exact(Language language, Category head) {
            for (String item : exact.split(",")) {
                if (item.strip().equals(language.code() + ":" + head.code())) {
                    return true;
                }
            }
            return false;
        }

        String describe() {
            return String.format(
                            Locale.ROOT,
                            "buckets 2^%d, %s, AdaGrad SGD %d epochs, eta %.3g, L2 %.3g, NB alpha %.3g, int8 clip quantile %.5f, class balance power %.2f, seed %d",
                            bits,
                            nb ? "NB-LR (log-count-ratio features)" : "LR",
                            epochs,
                            eta,
                            lambda,
                            nbAlpha,
                            clipQuantile,
                            balance,
                            seed)
                    + (exact.isBlank()
                            ? ""
                            : String.format(
                                    Locale.ROOT,
                                    "; fitted exactly (L-BFGS, classes balanced, C %.3g): %s",
                                    exactC,
                                    exact));
        }
    }

    /** A sparse feature vector: unique buckets and values (count / sqrt(feature occurrences)). */
    record Vector(int[] index, float[] value) {}

    static Vector vectorize(String normalized, Language language, int mask) {
        int[][] buffer = {new int[256]};
        int[] size = {0};
        Features.extract(normalized, language, mask, (bucket, start, end) -> {
            if (size[0] == buffer[0].length) {
                buffer[0] = Arrays.copyOf(buffer[0], size[0] * 2);
            }
            buffer[0][size[0]++] = bucket;
        });
        int n = size[0];
        int[] all = buffer[0];
        Arrays.sort(all, 0, n);
        int unique = 0;
        int[] index = new int[n];
        float[] value = new float[n];
        float unit = n == 0 ? 0 : (float) (1 / Math.sqrt(n));
        for (int i = 0; i < n; i++) {
            if (unique > 0 && index[unique - 1] == all[i]) {
                value[unique - 1] += unit;
            } else {
                index[unique] = all[i];
                value[unique] = unit;
                unique++;
            }
        }
        return new Vector(Arrays.copyOf(index, unique), Arrays.copyOf(value, unique));
    }

    record Result(LinearModel model, String report, double[] thresholds) {}

    static Result train(Data data, Params params, Normalizer normalizer) {
        return train(data, params, normalizer, false);
    }

    /**
     * Trains on the training texts and chooses each head's threshold on the tuning texts; with
     * {@code refit}, then trains again with the same parameters on the training and tuning texts
     * together and keeps the thresholds chosen before (the tuning texts then are no longer held
     * out, so the tuning figures reported are those of the first model).
     */
    static Result train(Data data, Params params, Normalizer normalizer, boolean refit) {
        List<Sample> train = data.with(Datasets.Role.TRAIN);
        List<Sample> tune = data.with(Datasets.Role.TUNE);
        Result first = train(data, params, normalizer, train, tune, null);
        if (!refit) {
            return first;
        }
        List<Sample> all = new java.util.ArrayList<>(train);
        all.addAll(tune);
        Result second = train(data, params, normalizer, all, tune, first.thresholds());
        String report = first.report()
                + "- final model: trained again on training + tuning texts (" + all.size()
                + ") with the same parameters and the thresholds above\n";
        LinearModel m = second.model();
        String notes = "Parameters: " + params.describe() + ", refit on training + tuning texts\n" + report;
        return new Result(
                new LinearModel(m.language, m.bits, m.heads, m.bias, m.scale, m.weights, notes),
                report,
                first.thresholds());
    }

    private static Result train(
            Data data,
            Params params,
            Normalizer normalizer,
            List<Sample> train,
            List<Sample> tune,
            double[] fixedThresholds) {
        Language language = data.language();
        Category[] heads = data.heads();
        int headCount = heads.length;
        int size = 1 << params.bits();
        int mask = size - 1;
        Vector[] vectors = new Vector[train.size()];
        for (int i = 0; i < vectors.length; i++) {
            vectors[i] = vectorize(normalizer.normalize(train.get(i).text()), language, mask);
        }
        // class weights (balanced) and NB ratios per head
        float[] positiveWeight = new float[headCount];
        float[] negativeWeight = new float[headCount];
        float[][] ratio = new float[headCount][];
        StringBuilder report = new StringBuilder();
        for (int h = 0; h < headCount; h++) {
            int positives = 0;
            int negatives = 0;
            double[] pos = params.nb() ? new double[size] : null;
            double[] neg = params.nb() ? new double[size] : null;
            for (int i = 0; i < vectors.length; i++) {
                byte label = train.get(i).labels()[h];
                if (label == Datasets.MISSING) {
                    continue;
                }
                if (label == 1) {
                    positives++;
                } else {
                    negatives++;
                }
                if (params.nb()) {
                    double[] counts = label == 1 ? pos : neg;
                    for (int f : vectors[i].index()) {
                        counts[f] += 1;
                    }
                }
            }
            int total = positives + negatives;
            positiveWeight[h] = (float) Math.pow(total / (2.0 * Math.max(positives, 1)), params.balance());
            negativeWeight[h] = (float) Math.pow(total / (2.0 * Math.max(negatives, 1)), params.balance());
            if (params.nb()) {
                double posSum = params.nbAlpha() * (double) size;
                double negSum = params.nbAlpha() * (double) size;
                for (int f = 0; f < size; f++) {
                    posSum += pos[f];
                    negSum += neg[f];
                }
                float[] r = new float[size];
                for (int f = 0; f < size; f++) {
                    r[f] = (float) (Math.log((pos[f] + params.nbAlpha()) / posSum)
                            - Math.log((neg[f] + params.nbAlpha()) / negSum));
                }
                ratio[h] = r;
            }
            report.append(String.format(
                    Locale.ROOT,
                    "- %s: %d positive, %d negative training texts%n",
                    heads[h].code(),
                    positives,
                    negatives));
        }
        float[][] weights = new float[headCount][size];
        float[][] squares = new float[headCount][size];
        float[] bias = new float[headCount];
        float[] biasSquares = new float[headCount];
        Random random = new Random(params.seed());
        int[] order = new int[vectors.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        float eta = params.eta();
        float lambda = params.lambda();
        for (int epoch = 0; epoch < params.epochs(); epoch++) {
            for (int i = order.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            for (int e : order) {
                Vector vector = vectors[e];
                byte[] labels = train.get(e).labels();
                int[] index = vector.index();
                float[] value = vector.value();
                for (int h = 0; h < headCount; h++) {
                    byte label = labels[h];
                    if (label == Datasets.MISSING) {
                        continue;
                    }
                    float[] w = weights[h];
                    float[] g2 = squares[h];
                    float[] r = ratio[h];
                    double z = bias[h];
                    for (int k = 0; k < index.length; k++) {
                        float x = r == null ? value[k] : value[k] * r[index[k]];
                        z += w[index[k]] * x;
                    }
                    double p = 1 / (1 + Math.exp(-z));
                    float g = (float) ((p - label) * (label == 1 ? positiveWeight[h] : negativeWeight[h]));
                    for (int k = 0; k < index.length; k++) {
                        int f = index[k];
                        float x = r == null ? value[k] : value[k] * r[f];
                        float grad = g * x + lambda * w[f];
                        g2[f] += grad * grad;
                        w[f] -= eta * grad / (float) Math.sqrt(g2[f] + 1e-8f);
                    }
                    biasSquares[h] += g * g;
                    bias[h] -= eta * g / (float) Math.sqrt(biasSquares[h] + 1e-8f);
                }
            }
        }
        for (int h = 0; h < headCount; h++) {
            if (params.exact(language, heads[h])) {
                fitExactly(h, train, vectors, ratio[h], params.exactC(), weights[h], bias);
                report.append(String.format(
                        Locale.ROOT,
                        "- %s: fitted exactly by L-BFGS (classes balanced, C %.3g)%n",
                        heads[h].code(),
                        params.exactC()));
            }
        }
        // fold NB ratios, quantise to int8
        float[] scale = new float[headCount];
        byte[] quantised = new byte[headCount << params.bits()];
        for (int h = 0; h < headCount; h++) {
            float[] w = weights[h];
            if (ratio[h] != null) {
                for (int f = 0; f < size; f++) {
                    w[f] *= ratio[h][f];
                }
            }
            float[] magnitudes = new float[size];
            int nonZero = 0;
            for (int f = 0; f < size; f++) {
                if (w[f] != 0) {
                    magnitudes[nonZero++] = Math.abs(w[f]);
                }
            }
            Arrays.sort(magnitudes, 0, nonZero);
            float clip = nonZero == 0 ? 1 : magnitudes[Math.min(nonZero - 1, (int) (params.clipQuantile() * nonZero))];
            scale[h] = clip / 127f;
            for (int f = 0; f < size; f++) {
                int q = Math.round(w[f] / scale[h]);
                quantised[f * headCount + h] = (byte) Math.max(-127, Math.min(127, q));
            }
        }
        LinearModel raw = new LinearModel(language, params.bits(), heads, bias, scale, quantised, "");
        // thresholds on the tuning texts
        float[][] tuneScores = new float[tune.size()][Category.values().length];
        for (int i = 0; i < tune.size(); i++) {
            raw.score(normalizer.normalize(tune.get(i).text()), tuneScores[i]);
        }
        float[] shiftedBias = bias.clone();
        double[] thresholds = new double[headCount];
        for (int h = 0; h < headCount; h++) {
            if (fixedThresholds != null) {
                thresholds[h] = fixedThresholds[h];
                shiftedBias[h] = (float) (bias[h] - Math.log(thresholds[h] / (1 - thresholds[h])));
                continue;
            }
            boolean accuracy = language == Language.ZH && heads[h] == Category.OFFENSIVE;
            double best = -1;
            double bestThreshold = 0.5;
            double atHalf = 0;
            for (int step = 5; step <= 95; step++) {
                double threshold = step / 100.0;
                Metrics m = new Metrics();
                for (int i = 0; i < tune.size(); i++) {
                    byte label = tune.get(i).labels()[h];
                    if (label != Datasets.MISSING) {
                        m.add(label == 1, tuneScores[i][heads[h].ordinal()] >= threshold);
                    }
                }
                double value = accuracy ? m.accuracy() : m.macroF1();
                if (step == 50) {
                    atHalf = value;
                }
                if (value > best + 1e-9) {
                    best = value;
                    bestThreshold = threshold;
                }
            }
            thresholds[h] = bestThreshold;
            shiftedBias[h] = (float) (bias[h] - Math.log(bestThreshold / (1 - bestThreshold)));
            report.append(String.format(
                    Locale.ROOT,
                    "- %s: threshold %.2f (folded into the bias); tuning %s %.4f (at 0.50: %.4f)%n",
                    heads[h].code(),
                    bestThreshold,
                    accuracy ? "accuracy" : "macro-F1",
                    best,
                    atHalf));
        }
        String notes = "Parameters: " + params.describe() + "\n" + report;
        return new Result(
                new LinearModel(language, params.bits(), heads, shiftedBias, scale, quantised, notes),
                report.toString(),
                thresholds);
    }

    /**
     * Replaces head {@code h}'s SGD weights by the exact minimum of the balanced, L2-regularised
     * logistic loss ({@code ½‖w‖²/C}) over the same (NB-scaled) features, found by {@link Lbfgs}.
     */
    private static void fitExactly(
            int h, List<Sample> train, Vector[] vectors, float[] ratio, float c, float[] weights, float[] bias) {
        int n = 0;
        int positives = 0;
        for (int i = 0; i < vectors.length; i++) {
            byte label = train.get(i).labels()[h];
            if (label != Datasets.MISSING) {
                n++;
                positives += label;
            }
        }
        Vector[] index = new Vector[n];
        double[][] value = new double[n][];
        byte[] labels = new byte[n];
        double[] cost = new double[n];
        double positiveCost = n / (2.0 * Math.max(positives, 1));
        double negativeCost = n / (2.0 * Math.max(n - positives, 1));
        int k = 0;
        for (int i = 0; i < vectors.length; i++) {
            byte label = train.get(i).labels()[h];
            if (label == Datasets.MISSING) {
                continue;
            }
            Vector v = vectors[i];
            double[] x = new double[v.index().length];
            for (int j = 0; j < x.length; j++) {
                x[j] = v.value()[j] * (ratio == null ? 1 : ratio[v.index()[j]]);
            }
            index[k] = v;
            value[k] = x;
            labels[k] = label;
            cost[k] = label == 1 ? positiveCost : negativeCost;
            k++;
        }
        double[] w = Lbfgs.fit(index, value, labels, cost, weights.length, 1 / c, 300);
        for (int f = 0; f < weights.length; f++) {
            weights[f] = (float) w[f];
        }
        bias[h] = (float) w[weights.length];
    }

    /** Binary confusion counts. */
    static final class Metrics {
        long tp;
        long fp;
        long tn;
        long fn;

        void add(boolean actual, boolean predicted) {
            if (actual && predicted) {
                tp++;
            } else if (predicted) {
                fp++;
            } else if (actual) {
                fn++;
            } else {
                tn++;
            }
        }

        long total() {
            return tp + fp + tn + fn;
        }

        double accuracy() {
            return total() == 0 ? 0 : (tp + tn) / (double) total();
        }

        double precision() {
            return tp + fp == 0 ? 0 : tp / (double) (tp + fp);
        }

        double recall() {
            return tp + fn == 0 ? 0 : tp / (double) (tp + fn);
        }

        double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        double negativeF1() {
            double p = tn + fn == 0 ? 0 : tn / (double) (tn + fn);
            double r = tn + fp == 0 ? 0 : tn / (double) (tn + fp);
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        double macroF1() {
            return (f1() + negativeF1()) / 2;
        }
    }
}
