package dev.rapport.screening.model;

import dev.rapport.screening.model.Datasets.Role;
import dev.rapport.screening.model.Datasets.Sample;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The experiments behind the English sexist head (not part of the product): feature and learner
 * variants trained on EDOS train and measured on EDOS dev only (macro-F1 at the best threshold on
 * dev, and at 0.5). EDOS test is never read here.
 *
 * <pre>
 * mvn -q -o test-compile &amp;&amp; java -Xmx6g -cp target/classes:target/test-classes \
 *     dev.rapport.screening.model.EnglishExperiments ../shared/data/policy "w=1-2 c=2-5" "w=1-3 c=2-6 tf=log idf=1 norm=l2" ...
 * </pre>
 */
final class EnglishExperiments {

    static final Set<String> NEGATIONS = Set.of(
            "not",
            "no",
            "never",
            "nobody",
            "nothing",
            "none",
            "neither",
            "nor",
            "cannot",
            "cant",
            "don't",
            "dont",
            "doesn't",
            "doesnt",
            "isn't",
            "isnt",
            "aren't",
            "arent",
            "wasn't",
            "wasnt",
            "won't",
            "wont",
            "can't",
            "didn't",
            "didnt",
            "shouldn't",
            "wouldn't",
            "couldn't",
            "ain't",
            "without");

    static final Set<String> GENDER = Set.of(
            "women",
            "woman",
            "girl",
            "girls",
            "she",
            "her",
            "hers",
            "herself",
            "wife",
            "wives",
            "female",
            "females",
            "feminist",
            "feminists",
            "feminism",
            "lady",
            "ladies",
            "chick",
            "chicks",
            "bitch",
            "bitches",
            "gf",
            "girlfriend",
            "mother",
            "mothers",
            "mom",
            "moms",
            "daughter",
            "sister",
            "thot",
            "thots",
            "femoid",
            "femoids",
            "foid",
            "foids",
            "stacy",
            "stacies",
            "becky",
            "whore",
            "whores",
            "slut",
            "sluts",
            "hoe",
            "hoes");

    /** Options of one run, "key=value" separated by spaces. */
    static final class Opts {
        final Map<String, String> map = new HashMap<>();

        Opts(String spec) {
            for (String part : spec.trim().split("\\s+")) {
                if (!part.isEmpty()) {
                    String[] kv = part.split("=", 2);
                    map.put(kv[0], kv.length > 1 ? kv[1] : "1");
                }
            }
        }

        String s(String k, String d) {
            return map.getOrDefault(k, d);
        }

        int i(String k, int d) {
            return Integer.parseInt(s(k, Integer.toString(d)));
        }

        double d(String k, double d) {
            return Double.parseDouble(s(k, Double.toString(d)));
        }

        int[] range(String k, String d) {
            String v = s(k, d);
            if (v.equals("0")) {
                return new int[] {0, -1};
            }
            String[] p = v.split("-");
            return new int[] {Integer.parseInt(p[0]), Integer.parseInt(p[p.length - 1])};
        }
    }

    static int hash(int seed, CharSequence s, int from, int to) {
        int h = seed;
        for (int k = from; k < to; k++) {
            h = (h ^ Features.fold(s.charAt(k))) * Features.FNV;
        }
        return h;
    }

    /** Tokens: words (with inner apostrophes), links/mentions as one token, other symbols one per code point. */
    static List<String> tokens(String s, boolean punct) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            int special = Features.specialEnd(s, i);
            if (special > i) {
                out.add(s.startsWith("@", i) || s.startsWith("[user]", i) ? "\u0001user" : "\u0001url");
                i = special;
                continue;
            }
            if (Character.isLetterOrDigit(c) || c == '_') {
                int end = i + 1;
                while (end < s.length()
                        && (Character.isLetterOrDigit(s.charAt(end))
                                || s.charAt(end) == '_'
                                || ((s.charAt(end) == '\'' || s.charAt(end) == '’')
                                        && end + 1 < s.length()
                                        && Character.isLetter(s.charAt(end + 1))))) {
                    end++;
                }
                out.add(s.substring(i, end).replace('’', '\''));
                i = end;
                continue;
            }
            int cp = s.codePointAt(i);
            int n = Character.charCount(cp);
            if (punct && !Character.isWhitespace(cp)) {
                out.add("\u0002" + s.substring(i, i + n));
            }
            i += n;
        }
        return out;
    }

    static boolean isWord(String t) {
        return !t.isEmpty() && t.charAt(0) > '\u0002';
    }

    /** Buckets of all feature occurrences of a normalised text, under the options. */
    static int[] features(String s, Opts o, int mask) {
        int[] w = o.range("w", "1-2");
        int[] c = o.range("c", "2-5");
        int[] x = o.range("x", "0");
        boolean punct = o.i("punct", 0) == 1;
        boolean neg = o.i("neg", 0) == 1;
        int cmaxWord = 24;
        List<String> toks = tokens(s, punct);
        int[] buf = new int[64];
        int n = 0;
        int[] th = new int[toks.size()];
        for (int t = 0; t < toks.size(); t++) {
            th[t] = hash(0x2545F491, toks.get(t), 0, toks.get(t).length());
        }
        // word n-grams (punct tokens take part as unigrams only)
        List<Integer> wordIdx = new ArrayList<>();
        for (int t = 0; t < toks.size(); t++) {
            if (isWord(toks.get(t)) || toks.get(t).startsWith("\u0001")) {
                wordIdx.add(t);
            } else if (w[0] <= 1 && w[1] >= 1) {
                if (n + 8 > buf.length) buf = Arrays.copyOf(buf, buf.length * 2);
                buf[n++] = Features.mix(th[t] + 0x3C6EF372) & mask;
            }
        }
        boolean negated = false;
        for (int a = 0; a < wordIdx.size(); a++) {
            int hh = 0x6A09E667;
            for (int len = 1; len <= w[1] && a + len <= wordIdx.size(); len++) {
                hh = hh * 31 + th[wordIdx.get(a + len - 1)];
                if (len >= w[0]) {
                    if (n + 8 > buf.length) buf = Arrays.copyOf(buf, buf.length * 2);
                    buf[n++] = Features.mix(hh + len * 0x9E3779B9) & mask;
                }
            }
            if (neg) {
                String tok = toks.get(wordIdx.get(a));
                if (negated) {
                    if (n + 8 > buf.length) buf = Arrays.copyOf(buf, buf.length * 2);
                    buf[n++] = Features.mix(th[wordIdx.get(a)] ^ 0x510E527F) & mask;
                }
                if (NEGATIONS.contains(tok) || tok.endsWith("n't")) {
                    negated = true;
                }
            }
        }
        int gskip = o.i("gskip", 0);
        if (gskip > 0) {
            boolean collapse = o.i("gclass", 1) == 1;
            for (int a = 0; a < wordIdx.size(); a++) {
                String tok = toks.get(wordIdx.get(a));
                if (!GENDER.contains(tok)) continue;
                int anchor = collapse ? 0x7137449 : th[wordIdx.get(a)];
                for (int b = Math.max(0, a - gskip); b <= Math.min(wordIdx.size() - 1, a + gskip); b++) {
                    if (b == a) continue;
                    if (n + 8 > buf.length) buf = Arrays.copyOf(buf, buf.length * 2);
                    buf[n++] = Features.mix(anchor * 131 + th[wordIdx.get(b)] + (b < a ? 0x1234567 : 0x7654321)) & mask;
                }
            }
        }
        // char n-grams within words with boundary marks
        if (c[1] >= c[0]) {
            for (String tok : toks) {
                if (!isWord(tok)) continue;
                String m = "<" + (tok.length() > cmaxWord ? tok.substring(0, cmaxWord) : tok) + ">";
                for (int p = 0; p < m.length(); p++) {
                    int h = 0x811C9DC5;
                    for (int len = 1; len <= c[1] && p + len <= m.length(); len++) {
                        h = (h ^ Features.fold(m.charAt(p + len - 1))) * Features.FNV;
                        if (len >= c[0]) {
                            if (n + 8 > buf.length) buf = Arrays.copyOf(buf, buf.length * 2);
                            buf[n++] = Features.mix(h) & mask;
                        }
                    }
                }
            }
        }
        // char n-grams across the text (spaces collapsed)
        if (x[1] >= x[0]) {
            StringBuilder sb = new StringBuilder(s.length() + 2).append(' ');
            for (String tok : toks) {
                sb.append(tok.charAt(0) <= '\u0002' ? tok.substring(1) : tok).append(' ');
            }
            for (int p = 0; p < sb.length(); p++) {
                int h = 0x1F83D9AB;
                for (int len = 1; len <= x[1] && p + len <= sb.length(); len++) {
                    h = (h ^ Features.fold(sb.charAt(p + len - 1))) * Features.FNV;
                    if (len >= x[0]) {
                        if (n + 8 > buf.length) buf = Arrays.copyOf(buf, buf.length * 2);
                        buf[n++] = Features.mix(h ^ 0x5BE0CD19) & mask;
                    }
                }
            }
        }
        return Arrays.copyOf(buf, n);
    }

    record Sparse(int[] index, float[] count) {}

    static Sparse sparse(int[] occ) {
        int[] a = occ.clone();
        Arrays.sort(a);
        int u = 0;
        int[] idx = new int[a.length];
        float[] cnt = new float[a.length];
        for (int v : a) {
            if (u > 0 && idx[u - 1] == v) {
                cnt[u - 1]++;
            } else {
                idx[u] = v;
                cnt[u++] = 1;
            }
        }
        return new Sparse(Arrays.copyOf(idx, u), Arrays.copyOf(cnt, u));
    }

    /** Values: tf scheme × idf, then normalised. */
    static float[] values(Sparse v, Opts o, float[] idf) {
        String tf = o.s("tf", "raw");
        String norm = o.s("norm", "sqrtn");
        float[] out = new float[v.index().length];
        double total = 0;
        double sq = 0;
        for (int k = 0; k < out.length; k++) {
            float c = v.count()[k];
            total += c;
            float t = switch (tf) {
                case "bin" -> 1f;
                case "log" -> (float) (1 + Math.log(c));
                default -> c;
            };
            if (idf != null) t *= idf[v.index()[k]];
            out[k] = t;
            sq += t * t;
        }
        double scale = switch (norm) {
            case "l2" -> sq == 0 ? 0 : 1 / Math.sqrt(sq);
            case "none" -> 1;
            default -> total == 0 ? 0 : 1 / Math.sqrt(total);
        };
        for (int k = 0; k < out.length; k++) out[k] *= (float) scale;
        return out;
    }

    /** Trains one logistic head; returns weights (index size) with bias at the end. */
    static float[] train(Sparse[] xs, float[][] vals, byte[] y, int size, Opts o, float[] ratio) {
        int epochs = o.i("epochs", 10);
        float eta = (float) o.d("eta", 0.2);
        float lambda = (float) o.d("lambda", 1e-6);
        double balance = o.d("balance", 0.5);
        int pos = 0;
        for (byte b : y) pos += b;
        int neg = y.length - pos;
        float wp = (float) Math.pow(y.length / (2.0 * pos), balance);
        float wn = (float) Math.pow(y.length / (2.0 * neg), balance);
        float[] w = new float[size + 1];
        float[] g2 = new float[size + 1];
        Random random = new Random(o.i("seed", 20260101));
        int[] order = new int[xs.length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        for (int epoch = 0; epoch < epochs; epoch++) {
            for (int i = order.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            for (int e : order) {
                int[] idx = xs[e].index();
                float[] val = vals[e];
                double z = w[size];
                for (int k = 0; k < idx.length; k++) {
                    z += w[idx[k]] * val[k] * (ratio == null ? 1 : ratio[idx[k]]);
                }
                double p = 1 / (1 + Math.exp(-z));
                float g = (float) ((p - y[e]) * (y[e] == 1 ? wp : wn));
                for (int k = 0; k < idx.length; k++) {
                    int f = idx[k];
                    float xv = val[k] * (ratio == null ? 1 : ratio[f]);
                    float grad = g * xv + lambda * w[f];
                    g2[f] += grad * grad;
                    w[f] -= eta * grad / (float) Math.sqrt(g2[f] + 1e-8f);
                }
                g2[size] += g * g;
                w[size] -= eta * g / (float) Math.sqrt(g2[size] + 1e-8f);
            }
        }
        if (ratio != null) {
            for (int f = 0; f < size; f++) w[f] *= ratio[f];
        }
        return w;
    }

    static double[] logits(Sparse[] xs, float[][] vals, float[] w) {
        int size = w.length - 1;
        double[] out = new double[xs.length];
        for (int e = 0; e < xs.length; e++) {
            double z = w[size];
            int[] idx = xs[e].index();
            for (int k = 0; k < idx.length; k++) z += w[idx[k]] * vals[e][k];
            out[e] = z;
        }
        return out;
    }

    /** {best macro-F1, its threshold (probability), macro-F1 at 0.5}. */
    static double[] best(double[] z, byte[] y) {
        double best = -1;
        double bt = 0.5;
        double half = 0;
        for (int step = 5; step <= 95; step++) {
            double t = step / 100.0;
            double logit = Math.log(t / (1 - t));
            Trainer.Metrics m = new Trainer.Metrics();
            for (int i = 0; i < z.length; i++) m.add(y[i] == 1, z[i] >= logit);
            double f = m.macroF1();
            if (step == 50) half = f;
            if (f > best + 1e-9) {
                best = f;
                bt = t;
            }
        }
        return new double[] {best, bt, half};
    }

    static double f1At(double[] z, byte[] y, double t) {
        double logit = Math.log(t / (1 - t));
        Trainer.Metrics m = new Trainer.Metrics();
        for (int i = 0; i < z.length; i++) m.add(y[i] == 1, z[i] >= logit);
        return m.macroF1();
    }

    static final Map<String, double[]> DEV_LOGITS = new HashMap<>();
    static List<String> unlabelled = List.of();
    static int[] trainCat;
    static List<String> auxText = new ArrayList<>();
    static byte[] auxY;
    static final Map<String, Lsa> LSA = new HashMap<>();

    /** Word vectors: truncated eigen-decomposition of the PPMI word co-occurrence matrix (randomised). */
    static final class Lsa {
        final Map<String, Integer> vocab = new HashMap<>();
        float[][] vectors;

        Lsa(List<String> texts, int k, int window, int minCount, long seed) {
            Map<String, Integer> counts = new HashMap<>();
            List<List<String>> docs = new ArrayList<>();
            for (String t : texts) {
                List<String> words = new ArrayList<>();
                for (String tok : tokens(t, false)) if (isWord(tok)) words.add(tok);
                docs.add(words);
                for (String w : words) counts.merge(w, 1, Integer::sum);
            }
            List<String> words = counts.entrySet().stream()
                    .filter(e -> e.getValue() >= minCount)
                    .map(Map.Entry::getKey)
                    .sorted()
                    .toList();
            for (String w : words) vocab.put(w, vocab.size());
            int v = vocab.size();
            long[] pairs = new long[1 << 20];
            int np = 0;
            for (List<String> d : docs) {
                int[] ids = d.stream().mapToInt(w -> vocab.getOrDefault(w, -1)).toArray();
                for (int i = 0; i < ids.length; i++) {
                    if (ids[i] < 0) continue;
                    for (int j = i + 1; j <= i + window && j < ids.length; j++) {
                        if (ids[j] < 0) continue;
                        if (np + 2 > pairs.length) pairs = Arrays.copyOf(pairs, pairs.length * 2);
                        pairs[np++] = (long) ids[i] * v + ids[j];
                        pairs[np++] = (long) ids[j] * v + ids[i];
                    }
                }
            }
            Arrays.sort(pairs, 0, np);
            List<long[]> cells = new ArrayList<>();
            double[] row = new double[v];
            double total = 0;
            int[] ri = new int[np];
            int[] ci = new int[np];
            float[] cv = new float[np];
            int nnz = 0;
            for (int a = 0; a < np; ) {
                int b = a;
                while (b < np && pairs[b] == pairs[a]) b++;
                ri[nnz] = (int) (pairs[a] / v);
                ci[nnz] = (int) (pairs[a] % v);
                cv[nnz] = b - a;
                row[ri[nnz]] += b - a;
                total += b - a;
                nnz++;
                a = b;
            }
            // PPMI with context smoothing 0.75
            double[] ctx = new double[v];
            double ctxTotal = 0;
            for (int i = 0; i < v; i++) {
                ctx[i] = Math.pow(row[i], 0.75);
                ctxTotal += ctx[i];
            }
            for (int e = 0; e < nnz; e++) {
                double pmi = Math.log(cv[e] * ctxTotal / (row[ri[e]] * ctx[ci[e]]));
                cv[e] = (float) Math.max(0, pmi);
            }
            int m = k + 16;
            Random random = new Random(seed);
            double[][] y = new double[v][m];
            for (double[] r : y) for (int j = 0; j < m; j++) r[j] = random.nextGaussian();
            for (int iter = 0; iter < 4; iter++) {
                orthonormalise(y, m);
                y = multiply(ri, ci, cv, nnz, y, v, m);
            }
            orthonormalise(y, m);
            double[][] my = multiply(ri, ci, cv, nnz, y, v, m);
            double[][] small = new double[m][m];
            for (int i = 0; i < v; i++)
                for (int p = 0; p < m; p++) {
                    double a = y[i][p];
                    if (a == 0) continue;
                    for (int q = 0; q < m; q++) small[p][q] += a * my[i][q];
                }
            double[][] vecs = new double[m][m];
            double[] vals = jacobi(small, vecs);
            Integer[] order = new Integer[m];
            for (int i = 0; i < m; i++) order[i] = i;
            Arrays.sort(order, (a, b) -> Double.compare(vals[b], vals[a]));
            vectors = new float[v][k];
            for (int i = 0; i < v; i++) {
                double norm = 0;
                for (int d = 0; d < k; d++) {
                    int c = order[d];
                    double s = 0;
                    for (int p = 0; p < m; p++) s += y[i][p] * vecs[p][c];
                    s *= Math.sqrt(Math.max(vals[c], 0));
                    vectors[i][d] = (float) s;
                    norm += s * s;
                }
                if (norm > 0) for (int d = 0; d < k; d++) vectors[i][d] /= (float) Math.sqrt(norm);
            }
            System.out.printf(
                    Locale.ROOT,
                    "lsa: %d words, %d cells, top eigenvalues %.1f %.1f, k-th %.1f%n",
                    v,
                    nnz,
                    vals[order[0]],
                    vals[order[1]],
                    vals[order[k - 1]]);
        }

        static double[][] multiply(int[] ri, int[] ci, float[] cv, int nnz, double[][] y, int v, int m) {
            double[][] out = new double[v][m];
            for (int e = 0; e < nnz; e++) {
                double a = cv[e];
                if (a == 0) continue;
                double[] o = out[ri[e]];
                double[] s = y[ci[e]];
                for (int j = 0; j < m; j++) o[j] += a * s[j];
            }
            return out;
        }

        static void orthonormalise(double[][] y, int m) {
            int v = y.length;
            for (int j = 0; j < m; j++) {
                for (int pass = 0; pass < 2; pass++)
                    for (int p = 0; p < j; p++) {
                        double dot = 0;
                        for (int i = 0; i < v; i++) dot += y[i][j] * y[i][p];
                        for (int i = 0; i < v; i++) y[i][j] -= dot * y[i][p];
                    }
                double norm = 0;
                for (int i = 0; i < v; i++) norm += y[i][j] * y[i][j];
                norm = Math.sqrt(norm);
                for (int i = 0; i < v; i++) y[i][j] = norm == 0 ? 0 : y[i][j] / norm;
            }
        }

        /** Cyclic Jacobi eigen-decomposition of a symmetric matrix (destroys a); eigenvectors in columns of v. */
        static double[] jacobi(double[][] a, double[][] v) {
            int n = a.length;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) a[i][j] = a[j][i] = (a[i][j] + a[j][i]) / 2;
                v[i][i] = 1;
            }
            for (int sweep = 0; sweep < 50; sweep++) {
                double off = 0;
                for (int p = 0; p < n; p++) for (int q = p + 1; q < n; q++) off += a[p][q] * a[p][q];
                if (off < 1e-18) break;
                for (int p = 0; p < n; p++)
                    for (int q = p + 1; q < n; q++) {
                        if (Math.abs(a[p][q]) < 1e-30) continue;
                        double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
                        double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                        if (theta == 0) t = 1;
                        double c = 1 / Math.sqrt(t * t + 1);
                        double s = t * c;
                        for (int r = 0; r < n; r++) {
                            double arp = a[r][p], arq = a[r][q];
                            a[r][p] = c * arp - s * arq;
                            a[r][q] = s * arp + c * arq;
                        }
                        for (int r = 0; r < n; r++) {
                            double apr = a[p][r], aqr = a[q][r];
                            a[p][r] = c * apr - s * aqr;
                            a[q][r] = s * apr + c * aqr;
                        }
                        for (int r = 0; r < n; r++) {
                            double vrp = v[r][p], vrq = v[r][q];
                            v[r][p] = c * vrp - s * vrq;
                            v[r][q] = s * vrp + c * vrq;
                        }
                    }
            }
            double[] out = new double[n];
            for (int i = 0; i < n; i++) out[i] = a[i][i];
            return out;
        }
    }

    static double total(float[] a) {
        double t = 0;
        for (float x : a) t += x;
        return t;
    }

    /** Appends dense LSA dimensions (indices size..size+k) to a sparse vector. */
    static void addDense(Sparse[] xs, float[][] vals, List<String> texts, Lsa lsa, int size, Opts o) {
        double scale = o.d("lsascale", 1);
        String mode = o.s("lsanorm", "sqrtn");
        int k = lsa.vectors[0].length;
        for (int e = 0; e < xs.length; e++) {
            double[] d = new double[k];
            int words = 0;
            for (String tok : tokens(texts.get(e), false)) {
                if (!isWord(tok)) continue;
                Integer id = lsa.vocab.get(tok);
                words++;
                if (id == null) continue;
                float[] vec = lsa.vectors[id];
                for (int j = 0; j < k; j++) d[j] += vec[j];
            }
            double norm = 0;
            for (double a : d) norm += a * a;
            double f = mode.equals("l2")
                    ? (norm == 0 ? 0 : 1 / Math.sqrt(norm))
                    : mode.equals("mean")
                            ? (words == 0 ? 0 : 1.0 / words)
                            : (xs[e].count().length == 0 ? 0 : 1 / Math.sqrt(total(xs[e].count())));
            int n = xs[e].index().length;
            int[] idx = Arrays.copyOf(xs[e].index(), n + k);
            float[] val = Arrays.copyOf(vals[e], n + k);
            float[] cnt = Arrays.copyOf(xs[e].count(), n + k);
            for (int j = 0; j < k; j++) {
                idx[n + j] = size + j;
                val[n + j] = (float) (d[j] * f * scale);
            }
            xs[e] = new Sparse(idx, cnt);
            vals[e] = val;
        }
    }

    static void run(String spec, List<String> trainText, byte[] trainY, List<String> devText, byte[] devY) {
        long start = System.nanoTime();
        Opts o = new Opts(spec);
        int bits = o.i("bits", 20);
        int size = 1 << bits;
        int mask = size - 1;
        Sparse[] tr = new Sparse[trainText.size()];
        for (int i = 0; i < tr.length; i++) tr[i] = sparse(features(trainText.get(i), o, mask));
        Sparse[] dv = new Sparse[devText.size()];
        for (int i = 0; i < dv.length; i++) dv[i] = sparse(features(devText.get(i), o, mask));
        float[] idf = null;
        if (o.i("idf", 0) == 1) {
            int[] df = new int[size];
            for (Sparse v : tr) for (int f : v.index()) df[f]++;
            idf = new float[size];
            for (int f = 0; f < size; f++) idf[f] = (float) (Math.log((1.0 + tr.length) / (1.0 + df[f])) + 1);
        }
        float[][] trv = new float[tr.length][];
        for (int i = 0; i < tr.length; i++) trv[i] = values(tr[i], o, idf);
        float[][] dvv = new float[dv.length][];
        for (int i = 0; i < dv.length; i++) dvv[i] = values(dv[i], o, idf);
        int lsaK = o.i("lsa", 0);
        int dense = lsaK;
        if (lsaK > 0) {
            String key = lsaK + "/" + o.i("win", 4) + "/" + o.i("minc", 3);
            Lsa lsa = LSA.computeIfAbsent(key, kk -> new Lsa(unlabelled, lsaK, o.i("win", 4), o.i("minc", 3), 7));
            addDense(tr, trv, trainText, lsa, size, o);
            addDense(dv, dvv, devText, lsa, size, o);
        }
        size += dense;
        float[] ratio = null;
        if (o.i("nb", 0) == 1) {
            double alpha = o.d("alpha", 1);
            double[] p = new double[size];
            double[] q = new double[size];
            for (int i = 0; i < tr.length; i++) {
                double[] t = trainY[i] == 1 ? p : q;
                for (int f : tr[i].index()) t[f] += 1;
            }
            double ps = alpha * size;
            double qs = alpha * size;
            for (int f = 0; f < size; f++) {
                ps += p[f];
                qs += q[f];
            }
            ratio = new float[size];
            for (int f = 0; f < size; f++)
                ratio[f] = (float) (Math.log((p[f] + alpha) / ps) - Math.log((q[f] + alpha) / qs));
            double interp =
                    o.d("interp", 1); // ratio^interp-like softening: r -> interp*r + (1-interp)*sign... keep simple
            if (interp != 1) for (int f = 0; f < size; f++) ratio[f] = (float) (interp * ratio[f] + (1 - interp));
            for (int f = size - dense; f < size; f++) ratio[f] = 1;
        }
        float[] w = train(tr, trv, trainY, size, o, ratio);
        double[] z = logits(dv, dvv, w);
        if (o.i("sub", 0) > 0) {
            // one head per EDOS category (category vs not sexist), combined with the main head by max
            double[][] zs = new double[5][];
            zs[0] = z;
            for (int c = 1; c <= 4; c++) {
                List<Integer> keep = new ArrayList<>();
                for (int i = 0; i < tr.length; i++) if (trainCat[i] == 0 || trainCat[i] == c) keep.add(i);
                Sparse[] sx = new Sparse[keep.size()];
                float[][] sv = new float[keep.size()][];
                byte[] sy = new byte[keep.size()];
                for (int i = 0; i < sx.length; i++) {
                    sx[i] = tr[keep.get(i)];
                    sv[i] = trv[keep.get(i)];
                    sy[i] = (byte) (trainCat[keep.get(i)] == c ? 1 : 0);
                }
                float[] ws = train(sx, sv, sy, size, o, null);
                zs[c] = logits(dv, dvv, ws);
            }
            for (double mix : new double[] {0, 0.25, 0.5, 1}) {
                double[] comb = new double[z.length];
                for (int i = 0; i < z.length; i++) {
                    double mx = zs[1][i];
                    for (int c = 2; c <= 4; c++) mx = Math.max(mx, zs[c][i]);
                    comb[i] = (1 - mix) * z[i] + mix * mx;
                }
                double[] b = best(comb, devY);
                System.out.printf(Locale.ROOT, "  sub mix %.2f: dev macro-F1 %.4f at t=%.2f%n", mix, b[0], b[1]);
            }
        }
        if (o.i("aux", 0) > 0) {
            Sparse[] ax = new Sparse[auxText.size()];
            float[][] av = new float[ax.length][];
            for (int i = 0; i < ax.length; i++) {
                ax[i] = sparse(features(auxText.get(i), o, mask));
                av[i] = values(ax[i], o, idf);
            }
            float[] wa = train(ax, av, auxY, size, o, null);
            double[] za = logits(dv, dvv, wa);
            for (double a : new double[] {0.1, 0.2, 0.3, 0.5, 1}) {
                double[] comb = new double[z.length];
                for (int i = 0; i < z.length; i++) comb[i] = z[i] + a * za[i];
                double[] b = best(comb, devY);
                System.out.printf(Locale.ROOT, "  aux %.1f: dev macro-F1 %.4f at t=%.2f%n", a, b[0], b[1]);
            }
        }
        DEV_LOGITS.put(o.s("name", spec), z);
        double[] b = best(z, devY);
        System.out.printf(
                Locale.ROOT,
                "dev macro-F1 %.4f at t=%.2f (0.5: %.4f)  [%s]  %.1f s%n",
                b[0],
                b[1],
                b[2],
                spec,
                (System.nanoTime() - start) / 1e9);
    }

    /** Pooled out-of-fold macro-F1 (best threshold) of k-fold cross-validation inside EDOS train. */
    static void cv(String spec, List<String> texts, byte[] y, int folds) {
        Opts o = new Opts(spec);
        int size = 1 << o.i("bits", 20);
        Sparse[] xs = new Sparse[texts.size()];
        for (int i = 0; i < xs.length; i++) xs[i] = sparse(features(texts.get(i), o, size - 1));
        float[][] vs = new float[xs.length][];
        for (int i = 0; i < xs.length; i++) vs[i] = values(xs[i], o, null);
        double[] z = new double[xs.length];
        for (int f = 0; f < folds; f++) {
            List<Integer> tr = new ArrayList<>();
            List<Integer> te = new ArrayList<>();
            for (int i = 0; i < xs.length; i++) (i % folds == f ? te : tr).add(i);
            Sparse[] a = tr.stream().map(i -> xs[i]).toArray(Sparse[]::new);
            float[][] av = tr.stream().map(i -> vs[i]).toArray(float[][]::new);
            byte[] ay = new byte[tr.size()];
            for (int i = 0; i < ay.length; i++) ay[i] = y[tr.get(i)];
            float[] ratio = null;
            if (o.i("nb", 0) == 1) {
                double[] p = new double[size];
                double[] q = new double[size];
                for (int i = 0; i < a.length; i++) for (int g : a[i].index()) (ay[i] == 1 ? p : q)[g] += 1;
                double ps = size, qs = size;
                for (int g = 0; g < size; g++) {
                    ps += p[g];
                    qs += q[g];
                }
                ratio = new float[size];
                for (int g = 0; g < size; g++)
                    ratio[g] = (float) (Math.log((p[g] + 1) / ps) - Math.log((q[g] + 1) / qs));
            }
            float[] w = train(a, av, ay, size, o, ratio);
            Sparse[] b = te.stream().map(i -> xs[i]).toArray(Sparse[]::new);
            float[][] bv = te.stream().map(i -> vs[i]).toArray(float[][]::new);
            double[] zb = logits(b, bv, w);
            for (int i = 0; i < zb.length; i++) z[te.get(i)] = zb[i];
        }
        double[] b = best(z, y);
        System.out.printf(
                Locale.ROOT, "cv%d macro-F1 %.4f at t=%.2f (0.5: %.4f) [%s]%n", folds, b[0], b[1], b[2], spec);
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        Datasets.Data data = Datasets.english(root);
        List<String> trainText = new ArrayList<>();
        List<String> devText = new ArrayList<>();
        List<Byte> ty = new ArrayList<>();
        List<Byte> dy = new ArrayList<>();
        for (Sample s : data.samples()) {
            if (!s.source().equals("edos") || s.role() == Role.TEST) continue;
            String t = SimpleNormalizer.INSTANCE.normalize(s.text());
            if (s.role() == Role.TRAIN) {
                trainText.add(t);
                ty.add(s.labels()[0]);
            } else {
                devText.add(t);
                dy.add(s.labels()[0]);
            }
        }
        List<String> un = new ArrayList<>();
        for (Sample s : data.samples()) {
            if (s.role() == Role.TEST) continue;
            if (s.source().equals("edos") || s.source().startsWith("davidson"))
                un.add(SimpleNormalizer.INSTANCE.normalize(s.text()));
        }
        unlabelled = un;
        List<Byte> ay = new ArrayList<>();
        for (Sample s : data.samples()) {
            if (s.role() == Role.TRAIN && s.source().startsWith("davidson")) {
                auxText.add(SimpleNormalizer.INSTANCE.normalize(s.text()));
                ay.add(s.labels()[1]);
            }
        }
        auxY = new byte[ay.size()];
        for (int i = 0; i < auxY.length; i++) auxY[i] = ay.get(i);
        List<Integer> cats = new ArrayList<>();
        for (Map<String, String> row : Csv.read(root.resolve("en-edos-sexism/edos_labelled_aggregated.csv"))) {
            if (row.get("split").trim().equals("train")) {
                String c = row.get("label_category").trim();
                cats.add(c.equals("none") ? 0 : c.charAt(0) - '0');
            }
        }
        trainCat = cats.stream().mapToInt(Integer::intValue).toArray();
        byte[] trainY = new byte[ty.size()];
        for (int i = 0; i < trainY.length; i++) trainY[i] = ty.get(i);
        byte[] devY = new byte[dy.size()];
        for (int i = 0; i < devY.length; i++) devY[i] = dy.get(i);
        System.out.printf("train %d, dev %d%n", trainY.length, devY.length);
        for (int a = 1; a < args.length; a++) {
            if (args[a].startsWith("ens:")) {
                // ens:nameA,nameB[,...] average of standardised dev logits
                String[] names = args[a].substring(4).split(",");
                double[] sum = new double[devY.length];
                for (String nm : names) {
                    double[] z = DEV_LOGITS.get(nm);
                    double mean = Arrays.stream(z).average().orElse(0);
                    double sd = Math.sqrt(Arrays.stream(z)
                            .map(v -> (v - mean) * (v - mean))
                            .average()
                            .orElse(1));
                    for (int i = 0; i < sum.length; i++) sum[i] += (z[i]) / sd / names.length;
                }
                double[] b = best(sum, devY);
                System.out.printf(Locale.ROOT, "ensemble dev macro-F1 %.4f at t=%.2f [%s]%n", b[0], b[1], args[a]);
                continue;
            }
            if (args[a].startsWith("cv:")) {
                cv(args[a].substring(3), trainText, trainY, 5);
                continue;
            }
            run(args[a], trainText, trainY, devText, devY);
        }
    }
}
