package dev.rapport.screening.model;

import dev.rapport.screening.model.Datasets.Role;
import dev.rapport.screening.model.Datasets.Sample;
import dev.rapport.screening.text.Language;
import java.nio.file.Path;
import java.util.List;

/**
 * The experiment behind the exact fit of the English sexist head (not part of the product): the
 * head alone on EDOS train, NB-LR by {@link Lbfgs}, float weights, macro-F1 on EDOS dev only.
 *
 * <pre>
 * java -Xmx8g [-Dbits=20] -cp target/classes:target/test-classes dev.rapport.screening.model.SexistProbe \
 *     ../shared/data/policy "C=20" "x=count C=0.05" "x=bin min=2 bal=0.5 C=1" "C=10 v=1" "cv=5 C=10 v=1" ...
 * </pre>
 *
 * <p>{@code v=1}: NB ratios smoothed over the buckets that occur instead of all {@code 2^bits};
 * {@code cv=K}: K folds inside EDOS train (by index), out-of-fold logits pooled, dev not read.
 */
final class SexistProbe {

    public static void main(String[] args) throws Exception {
        Datasets.Data data = Datasets.english(Path.of(args[0]));
        List<Sample> train = data.with(Role.TRAIN).stream()
                .filter(s -> s.source().equals("edos"))
                .toList();
        List<Sample> dev = data.with(Role.TUNE).stream()
                .filter(s -> s.source().equals("edos"))
                .toList();
        int bits = Integer.getInteger("bits", 20);
        int size = 1 << bits;
        int mask = size - 1;
        Trainer.Vector[] tv = new Trainer.Vector[train.size()];
        Trainer.Vector[] dv = new Trainer.Vector[dev.size()];
        for (int i = 0; i < tv.length; i++)
            tv[i] = Trainer.vectorize(
                    SimpleNormalizer.INSTANCE.normalize(train.get(i).text()), Language.EN, mask);
        for (int i = 0; i < dv.length; i++)
            dv[i] = Trainer.vectorize(
                    SimpleNormalizer.INSTANCE.normalize(dev.get(i).text()), Language.EN, mask);
        for (int a = 1; a < args.length; a++) {
            EnglishExperiments.Opts o = new EnglishExperiments.Opts(args[a]);
            double[] z;
            List<Sample> evalSet = dev;
            if (o.i("cv", 0) > 0) {
                // k folds inside EDOS train (by index), out-of-fold logits pooled; dev is not used
                int k = o.i("cv", 0);
                z = new double[tv.length];
                for (int fold = 0; fold < k; fold++) {
                    List<Sample> tr = new java.util.ArrayList<>();
                    List<Trainer.Vector> trv = new java.util.ArrayList<>();
                    List<Integer> held = new java.util.ArrayList<>();
                    for (int i = 0; i < tv.length; i++) {
                        if (i % k == fold) held.add(i);
                        else {
                            tr.add(train.get(i));
                            trv.add(tv[i]);
                        }
                    }
                    Trainer.Vector[] hv = new Trainer.Vector[held.size()];
                    for (int j = 0; j < hv.length; j++) hv[j] = tv[held.get(j)];
                    double[] zf = fitScore(tr, trv.toArray(new Trainer.Vector[0]), hv, o, size);
                    for (int j = 0; j < hv.length; j++) z[held.get(j)] = zf[j];
                }
                evalSet = train;
            } else {
                z = fitScore(train, tv, dv, o, size);
            }
            double[] sorted = z.clone();
            java.util.Arrays.sort(sorted);
            double best = 0, bt = 0;
            for (int q = 300; q <= 950; q += 2) {
                double t = sorted[q * sorted.length / 1000];
                Trainer.Metrics m = new Trainer.Metrics();
                for (int i = 0; i < z.length; i++) m.add(evalSet.get(i).labels()[0] == 1, z[i] >= t);
                if (m.macroF1() > best) {
                    best = m.macroF1();
                    bt = t;
                }
            }
            Trainer.Metrics m0 = new Trainer.Metrics();
            for (int i = 0; i < z.length; i++) m0.add(evalSet.get(i).labels()[0] == 1, z[i] >= 0);
            System.out.printf(
                    "%-40s %s best %.4f (z %.2f)  at 0: %.4f%n",
                    args[a], evalSet == dev ? "dev" : "CV", best, bt, m0.macroF1());
        }
    }

    /** Fits on {@code tr} and returns the logits of {@code ev}. */
    static double[] fitScore(
            List<Sample> tr, Trainer.Vector[] tvv, Trainer.Vector[] evv, EnglishExperiments.Opts o, int size) {
        int minCount = o.i("min", 1);
        double c = o.d("C", 10);
        String mode = o.s("x", "sqrt");
        double power = o.d("bal", 1);
        double alpha = o.d("alpha", 1);
        int iters = o.i("it", 300);
        double[] pos = new double[size];
        double[] neg = new double[size];
        int np = 0;
        for (int i = 0; i < tvv.length; i++) {
            boolean y = tr.get(i).labels()[0] == 1;
            if (y) np++;
            for (int f : tvv[i].index()) (y ? pos : neg)[f]++;
        }
        // "v=1": smoothing over the buckets that occur (as a vocabulary would) instead of all 2^bits
        int seen = 0;
        for (int f = 0; f < size; f++) if (pos[f] + neg[f] > 0) seen++;
        double smoothing = o.i("v", 0) == 1 ? seen : size;
        double ps = alpha * smoothing, ns = alpha * smoothing;
        for (int f = 0; f < size; f++) {
            ps += pos[f];
            ns += neg[f];
        }
        double[] r = new double[size];
        for (int f = 0; f < size; f++) {
            r[f] = pos[f] + neg[f] < minCount ? 0 : Math.log((pos[f] + alpha) / ps) - Math.log((neg[f] + alpha) / ns);
        }
        int n = tvv.length;
        double wp = Math.pow(n / (2.0 * np), power), wn = Math.pow(n / (2.0 * (n - np)), power);
        double[][] xs = new double[n][];
        for (int i = 0; i < n; i++) xs[i] = values(tvv[i], r, mode);
        double[][] dxs = new double[evv.length][];
        for (int i = 0; i < evv.length; i++) dxs[i] = values(evv[i], r, mode);
        byte[] ys = new byte[n];
        double[] cw = new double[n];
        for (int i = 0; i < n; i++) {
            ys[i] = tr.get(i).labels()[0];
            cw[i] = ys[i] == 1 ? wp : wn;
        }
        double[] w = Lbfgs.fit(tvv, xs, ys, cw, size, 1 / c, iters);
        double[] z = new double[evv.length];
        for (int i = 0; i < evv.length; i++) {
            double s = w[size];
            int[] idx = evv[i].index();
            for (int k = 0; k < idx.length; k++) s += w[idx[k]] * dxs[i][k];
            z[i] = s;
        }
        return z;
    }

    static double[] values(Trainer.Vector v, double[] r, String mode) {
        int[] idx = v.index();
        float[] val = v.value();
        double[] x = new double[idx.length];
        double total = 0;
        for (float f : val) total += f;
        // vectorize gives count/sqrt(n); recover counts: count = value * sqrt(n), n = (sum value)^2
        double sqrtN = total;
        for (int k = 0; k < idx.length; k++) {
            double count = Math.round(val[k] * sqrtN);
            double base = switch (mode) {
                case "sqrt" -> count / sqrtN;
                case "count" -> count;
                case "bin" -> 1;
                default -> throw new IllegalArgumentException(mode);
            };
            x[k] = base * r[idx[k]];
        }
        return x;
    }
}
