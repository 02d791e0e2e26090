package dev.rapport.screening.model;

import dev.rapport.screening.model.Datasets.Role;
import dev.rapport.screening.model.Datasets.Sample;
import dev.rapport.screening.text.Language;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The probe behind the MiniLM-derived feature of the English sexist head (not part of the product):
 * trained on EDOS train, macro-F1 on EDOS dev only (best threshold on dev). EDOS test is never read.
 * Needs the vectors written by {@link EmbeddingProbe}.
 *
 * <pre>
 * java -Xmx8g -cp target/classes:target/test-classes:$(cat target/test-classpath.txt) \
 *     dev.rapport.screening.model.EmbeddingEval ../shared/data/policy /tmp/edos-emb \
 *     "src=static w=sif C=1" "src=static w=none C=1" "src=static w=none mlp=64 epochs=30" \
 *     "src=static w=sif joint=1 s=0.1" "src=sentence C=1" "src=sentence C=0.1" "src=sentence mlp=64 epochs=30"
 * java ... EmbeddingEval ../shared/data/policy /tmp/edos-emb time     # rough cost of the tokeniser per text
 * </pre>
 */
final class EmbeddingEval {

    public static void main(String[] args) throws Exception {
        Datasets.Data data = Datasets.english(Path.of(args[0]));
        Path dir = Path.of(args[1]);
        List<Sample> train = data.with(Role.TRAIN).stream()
                .filter(s -> s.source().equals("edos"))
                .toList();
        List<Sample> dev = data.with(Role.TUNE).stream()
                .filter(s -> s.source().equals("edos"))
                .toList();
        byte[] ytr = labels(train);
        byte[] ydv = labels(dev);
        // NB-LR as shipped (hashed features, C 20, float weights)
        int bits = 20;
        int size = 1 << bits;
        Trainer.Vector[] tv = new Trainer.Vector[train.size()];
        Trainer.Vector[] dv = new Trainer.Vector[dev.size()];
        for (int i = 0; i < tv.length; i++)
            tv[i] = Trainer.vectorize(
                    SimpleNormalizer.INSTANCE.normalize(train.get(i).text()), Language.EN, size - 1);
        for (int i = 0; i < dv.length; i++)
            dv[i] = Trainer.vectorize(
                    SimpleNormalizer.INSTANCE.normalize(dev.get(i).text()), Language.EN, size - 1);
        double[] r = ratios(tv, ytr, size);
        double[][] xtr = nbValues(tv, r);
        double[][] xdv = nbValues(dv, r);
        double[] zNb = null;
        WordPiece wp = new WordPiece(MiniLm.vocabulary());
        float[][] table = EmbeddingProbe.read(dir.resolve("static.f32"));
        int[][] ttok = tokens(wp, train);
        int[][] dtok = tokens(wp, dev);
        double[] freq = new double[wp.size()];
        double total = 0;
        for (int[] t : ttok)
            for (int id : t) {
                freq[id]++;
                total++;
            }
        if (args.length > 2 && args[2].equals("time")) {
            time(wp, table, dev);
            return;
        }
        for (int a = 2; a < args.length; a++) {
            EnglishExperiments.Opts o = new EnglishExperiments.Opts(args[a]);
            String src = o.s("src", "static");
            double[][] etr;
            double[][] edv;
            if (src.equals("sentence")) {
                etr = toDouble(EmbeddingProbe.read(dir.resolve("sentence-train.f32")));
                edv = toDouble(EmbeddingProbe.read(dir.resolve("sentence-tune.f32")));
            } else {
                String weighting = o.s("w", "sif");
                double sif = o.d("a", 1e-3);
                double[] weight = new double[wp.size()];
                for (int k = 0; k < weight.length; k++) {
                    double p = (freq[k] + 1) / (total + weight.length);
                    weight[k] = switch (weighting) {
                        case "sif" -> sif / (sif + p);
                        case "none" -> 1;
                        case "log" -> Math.log(1 + 1 / (p * 1e3));
                        default -> throw new IllegalArgumentException(weighting);
                    };
                }
                etr = average(table, ttok, weight);
                edv = average(table, dtok, weight);
            }
            standardise(etr, edv);
            int d = etr[0].length;
            double c = o.d("C", 1);
            long t0 = System.nanoTime();
            if (o.i("joint", 0) == 1) {
                double s = o.d("s", 0.1);
                Trainer.Vector[] jv = new Trainer.Vector[tv.length];
                double[][] jx = new double[tv.length][];
                for (int i = 0; i < tv.length; i++) {
                    jv[i] = append(tv[i], size, d);
                    jx[i] = concat(xtr[i], etr[i], s);
                }
                double[] w = Lbfgs.fit(jv, jx, ytr, balanced(ytr), size + d, 1 / o.d("Cn", 20), 300);
                double[] z = new double[dv.length];
                for (int i = 0; i < dv.length; i++) {
                    z[i] = w[size + d] + dot(w, dv[i].index(), xdv[i]);
                    for (int k = 0; k < d; k++) z[i] += w[size + k] * s * edv[i][k];
                }
                System.out.printf(
                        "%-50s joint dev best %.4f (%.0f s)%n",
                        args[a], best(z, ydv)[0], (System.nanoTime() - t0) / 1e9);
                continue;
            }
            if (o.i("mlp", 0) > 0) {
                double[] ze =
                        mlp(etr, ytr, edv, o.i("mlp", 0), o.i("epochs", 30), o.d("lr", 1e-3), o.d("wd", 1e-4), ydv);
                if (zNb == null) {
                    zNb = nbLogits(tv, xtr, ytr, dv, xdv, size);
                    System.out.printf("NB-LR alone: dev best %.4f%n", best(zNb, ydv)[0]);
                }
                report(args[a], ze, zNb, ydv, t0);
                continue;
            }
            Trainer.Vector[] dense = new Trainer.Vector[etr.length];
            int[] all = new int[d];
            for (int k = 0; k < d; k++) all[k] = k;
            Trainer.Vector dvec = new Trainer.Vector(all, new float[d]);
            Arrays.fill(dense, dvec);
            double[] w = Lbfgs.fit(dense, etr, ytr, balanced(ytr), d, 1 / c, 500);
            double[] ze = new double[edv.length];
            for (int i = 0; i < edv.length; i++) {
                ze[i] = w[d];
                for (int k = 0; k < d; k++) ze[i] += w[k] * edv[i][k];
            }
            if (zNb == null) {
                double[] wn = Lbfgs.fit(tv, xtr, ytr, balanced(ytr), size, 1 / 20.0, 300);
                zNb = new double[dv.length];
                for (int i = 0; i < dv.length; i++) zNb[i] = wn[size] + dot(wn, dv[i].index(), xdv[i]);
                System.out.printf("NB-LR alone: dev best %.4f%n", best(zNb, ydv)[0]);
            }
            StringBuilder mix = new StringBuilder();
            double bestMix = 0;
            double bestA = 0;
            for (double m : new double[] {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 1.0, 1.25, 1.5, 2}) {
                double[] z = new double[dv.length];
                for (int i = 0; i < z.length; i++) z[i] = zNb[i] + m * ze[i];
                double f = best(z, ydv)[0];
                mix.append(String.format(" %.2f:%.4f", m, f));
                if (f > bestMix) {
                    bestMix = f;
                    bestA = m;
                }
            }
            System.out.printf(
                    "%-50s dense alone %.4f; + NB-LR best %.4f at a=%.2f (%.0f s)%n   %s%n",
                    args[a], best(ze, ydv)[0], bestMix, bestA, (System.nanoTime() - t0) / 1e9, mix);
        }
    }

    /**
     * Rough single-thread cost per dev text (normalised beforehand) of what the screen would add:
     * WordPiece alone; with a scalar per piece (the linear head folded); with the 384-dim average.
     */
    static void time(WordPiece wp, float[][] table, List<Sample> dev) {
        String[] texts = dev.stream()
                .map(s -> SimpleNormalizer.INSTANCE.normalize(s.text()))
                .toArray(String[]::new);
        float[] scalar = new float[wp.size()];
        for (int k = 0; k < scalar.length; k++) scalar[k] = table[k][0];
        double[] sink = new double[MiniLm.DIM];
        long chars = 0;
        for (String t : texts) chars += t.length();
        for (int round = 0; round < 12; round++) {
            long t0 = System.nanoTime();
            long pieces = 0;
            for (String t : texts) pieces += wp.tokenize(t, id -> {});
            long t1 = System.nanoTime();
            double[] acc = {0};
            for (String t : texts) wp.tokenize(t, id -> acc[0] += scalar[id]);
            long t2 = System.nanoTime();
            for (String t : texts)
                wp.tokenize(t, id -> {
                    float[] row = table[id];
                    for (int k = 0; k < row.length; k++) sink[k] += row[k];
                });
            long t3 = System.nanoTime();
            if (round >= 8)
                System.out.printf(
                        "per text (%.0f chars, %.1f pieces): wordpiece %.2f us, + scalar per piece %.2f us, + 384-dim sum %.2f us (%s)%n",
                        chars / (double) texts.length,
                        pieces / (double) texts.length,
                        (t1 - t0) / 1e3 / texts.length,
                        (t2 - t1) / 1e3 / texts.length,
                        (t3 - t2) / 1e3 / texts.length,
                        acc[0] + sink[0] > 0 ? "" : " ");
        }
    }

    static double[] nbLogits(
            Trainer.Vector[] tv, double[][] xtr, byte[] ytr, Trainer.Vector[] dv, double[][] xdv, int size) {
        double[] wn = Lbfgs.fit(tv, xtr, ytr, balanced(ytr), size, 1 / 20.0, 300);
        double[] z = new double[dv.length];
        for (int i = 0; i < dv.length; i++) z[i] = wn[size] + dot(wn, dv[i].index(), xdv[i]);
        return z;
    }

    static void report(String name, double[] ze, double[] zNb, byte[] ydv, long t0) {
        StringBuilder mix = new StringBuilder();
        double bestMix = 0;
        double bestA = 0;
        double sn = sd(zNb), se = sd(ze);
        for (double m : new double[] {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 1.0, 1.25, 1.5, 2}) {
            double[] z = new double[zNb.length];
            for (int i = 0; i < z.length; i++) z[i] = zNb[i] / sn + m * ze[i] / se;
            double f = best(z, ydv)[0];
            mix.append(String.format(" %.2f:%.4f", m, f));
            if (f > bestMix) {
                bestMix = f;
                bestA = m;
            }
        }
        System.out.printf(
                "%-50s dense alone %.4f; + NB-LR best %.4f at a=%.2f (std units) (%.0f s)%n   %s%n",
                name, best(ze, ydv)[0], bestMix, bestA, (System.nanoTime() - t0) / 1e9, mix);
    }

    static double sd(double[] z) {
        double m = 0, v = 0;
        for (double x : z) m += x;
        m /= z.length;
        for (double x : z) v += (x - m) * (x - m);
        return Math.sqrt(v / z.length);
    }

    /** One hidden layer (ReLU), Adam on minibatches of 64, balanced classes; dev figure per epoch. */
    static double[] mlp(double[][] x, byte[] y, double[][] xd, int h, int epochs, double lr, double wd, byte[] yd) {
        int d = x[0].length;
        java.util.Random random = new java.util.Random(20260101);
        double[][] w1 = new double[h][d];
        double[] b1 = new double[h];
        double[] w2 = new double[h];
        double b2 = 0;
        for (double[] row : w1) for (int k = 0; k < d; k++) row[k] = random.nextGaussian() * Math.sqrt(2.0 / d);
        for (int j = 0; j < h; j++) w2[j] = random.nextGaussian() * Math.sqrt(1.0 / h);
        int params = h * d + h + h + 1;
        double[] m = new double[params], v = new double[params], g = new double[params];
        double[] cost = balanced(y);
        int[] order = new int[x.length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        int step = 0;
        double[] hid = new double[h];
        double[] out = null;
        for (int epoch = 0; epoch < epochs; epoch++) {
            for (int i = order.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            for (int s = 0; s < order.length; s += 64) {
                Arrays.fill(g, 0);
                int e = Math.min(order.length, s + 64);
                for (int q = s; q < e; q++) {
                    double[] xi = x[order[q]];
                    double z = b2;
                    for (int j = 0; j < h; j++) {
                        double a = b1[j];
                        for (int k = 0; k < d; k++) a += w1[j][k] * xi[k];
                        hid[j] = a > 0 ? a : 0;
                        z += w2[j] * hid[j];
                    }
                    double p = 1 / (1 + Math.exp(-z));
                    double r = cost[order[q]] * (p - y[order[q]]) / (e - s);
                    for (int j = 0; j < h; j++) {
                        g[h * d + h + j] += r * hid[j];
                        if (hid[j] > 0) {
                            double back = r * w2[j];
                            g[h * d + j] += back;
                            int base = j * d;
                            for (int k = 0; k < d; k++) g[base + k] += back * xi[k];
                        }
                    }
                    g[params - 1] += r;
                }
                step++;
                double c1 = 1 - Math.pow(0.9, step), c2 = 1 - Math.pow(0.999, step);
                for (int pi = 0; pi < params; pi++) {
                    double val = pi < h * d
                            ? w1[pi / d][pi % d]
                            : pi < h * d + h ? b1[pi - h * d] : pi < params - 1 ? w2[pi - h * d - h] : b2;
                    double gi = g[pi] + (pi < h * d || (pi >= h * d + h && pi < params - 1) ? wd * val : 0);
                    m[pi] = 0.9 * m[pi] + 0.1 * gi;
                    v[pi] = 0.999 * v[pi] + 0.001 * gi * gi;
                    val -= lr * (m[pi] / c1) / (Math.sqrt(v[pi] / c2) + 1e-8);
                    if (pi < h * d) w1[pi / d][pi % d] = val;
                    else if (pi < h * d + h) b1[pi - h * d] = val;
                    else if (pi < params - 1) w2[pi - h * d - h] = val;
                    else b2 = val;
                }
            }
            out = new double[xd.length];
            for (int i = 0; i < xd.length; i++) {
                double z = b2;
                for (int j = 0; j < h; j++) {
                    double a = b1[j];
                    for (int k = 0; k < d; k++) a += w1[j][k] * xd[i][k];
                    z += w2[j] * (a > 0 ? a : 0);
                }
                out[i] = z;
            }
            if (epoch % 5 == 4) System.out.printf("  epoch %d: dev %.4f%n", epoch + 1, best(out, yd)[0]);
        }
        return out;
    }

    static byte[] labels(List<Sample> samples) {
        byte[] y = new byte[samples.size()];
        for (int i = 0; i < y.length; i++) y[i] = samples.get(i).labels()[0];
        return y;
    }

    static double[] balanced(byte[] y) {
        int np = 0;
        for (byte b : y) np += b;
        double wp = y.length / (2.0 * np);
        double wn = y.length / (2.0 * (y.length - np));
        double[] c = new double[y.length];
        for (int i = 0; i < y.length; i++) c[i] = y[i] == 1 ? wp : wn;
        return c;
    }

    static double[] ratios(Trainer.Vector[] tv, byte[] y, int size) {
        double[] pos = new double[size];
        double[] neg = new double[size];
        for (int i = 0; i < tv.length; i++) for (int f : tv[i].index()) (y[i] == 1 ? pos : neg)[f]++;
        double ps = size, ns = size;
        for (int f = 0; f < size; f++) {
            ps += pos[f];
            ns += neg[f];
        }
        double[] r = new double[size];
        for (int f = 0; f < size; f++) r[f] = Math.log((pos[f] + 1) / ps) - Math.log((neg[f] + 1) / ns);
        return r;
    }

    static double[][] nbValues(Trainer.Vector[] v, double[] r) {
        double[][] x = new double[v.length][];
        for (int i = 0; i < v.length; i++) {
            int[] idx = v[i].index();
            x[i] = new double[idx.length];
            for (int k = 0; k < idx.length; k++) x[i][k] = v[i].value()[k] * r[idx[k]];
        }
        return x;
    }

    static double dot(double[] w, int[] idx, double[] x) {
        double s = 0;
        for (int k = 0; k < idx.length; k++) s += w[idx[k]] * x[k];
        return s;
    }

    static int[][] tokens(WordPiece wp, List<Sample> samples) {
        int[][] out = new int[samples.size()][];
        for (int i = 0; i < out.length; i++) {
            List<Integer> ids = new java.util.ArrayList<>();
            wp.tokenize(SimpleNormalizer.INSTANCE.normalize(samples.get(i).text()), ids::add);
            out[i] = ids.stream().mapToInt(Integer::intValue).toArray();
        }
        return out;
    }

    static double[][] average(float[][] table, int[][] tokens, double[] weight) {
        int d = table[0].length;
        double[][] out = new double[tokens.length][d];
        for (int i = 0; i < tokens.length; i++) {
            double sum = 0;
            for (int id : tokens[i]) {
                for (int k = 0; k < d; k++) out[i][k] += weight[id] * table[id][k];
                sum += weight[id];
            }
            if (sum > 0) for (int k = 0; k < d; k++) out[i][k] /= sum;
        }
        return out;
    }

    static double[][] toDouble(float[][] f) {
        double[][] out = new double[f.length][f[0].length];
        for (int i = 0; i < f.length; i++) for (int k = 0; k < f[i].length; k++) out[i][k] = f[i][k];
        return out;
    }

    static void standardise(double[][] train, double[][] other) {
        int d = train[0].length;
        for (int k = 0; k < d; k++) {
            double m = 0, v = 0;
            for (double[] x : train) m += x[k];
            m /= train.length;
            for (double[] x : train) v += (x[k] - m) * (x[k] - m);
            double sd = Math.sqrt(v / train.length) + 1e-9;
            for (double[] x : train) x[k] = (x[k] - m) / sd;
            for (double[] x : other) x[k] = (x[k] - m) / sd;
        }
    }

    static Trainer.Vector append(Trainer.Vector v, int size, int d) {
        int[] idx = Arrays.copyOf(v.index(), v.index().length + d);
        for (int k = 0; k < d; k++) idx[v.index().length + k] = size + k;
        return new Trainer.Vector(idx, null);
    }

    static double[] concat(double[] a, double[] b, double s) {
        double[] out = Arrays.copyOf(a, a.length + b.length);
        for (int k = 0; k < b.length; k++) out[a.length + k] = s * b[k];
        return out;
    }

    /** Best macro-F1 over thresholds (quantiles of the scores) and the threshold. */
    static double[] best(double[] z, byte[] y) {
        double[] sorted = z.clone();
        Arrays.sort(sorted);
        double best = 0, bt = 0;
        for (int q = 300; q <= 950; q += 2) {
            double t = sorted[q * sorted.length / 1000];
            Trainer.Metrics m = new Trainer.Metrics();
            for (int i = 0; i < z.length; i++) m.add(y[i] == 1, z[i] >= t);
            if (m.macroF1() > best) {
                best = m.macroF1();
                bt = t;
            }
        }
        return new double[] {best, bt};
    }
}
