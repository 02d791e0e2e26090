package dev.rapport.screening.model;

/**
 * Weighted L2-regularised logistic regression over sparse vectors, minimised exactly by L-BFGS
 * (full batch, deterministic): {@code Σ c_i·log(1 + exp(−y_i·z_i)) + ½·λ·‖w‖²} with {@code z_i =
 * b + Σ w_f·x_if}; the bias {@code b} (stored last) is not regularised.
 */
final class Lbfgs {

    private static final int MEMORY = 10;

    private Lbfgs() {}

    /**
     * Returns {@code size + 1} weights (the bias last). {@code index[i]} are the buckets of example
     * {@code i}, {@code value[i]} their values, {@code label[i]} 0 or 1, {@code weight[i]} its cost.
     */
    static double[] fit(
            Trainer.Vector[] index,
            double[][] value,
            byte[] label,
            double[] weight,
            int size,
            double lambda,
            int iterations) {
        int dim = size + 1;
        double[] w = new double[dim];
        double[] g = new double[dim];
        double f = objective(index, value, label, weight, size, lambda, w, g);
        double[][] s = new double[MEMORY][];
        double[][] y = new double[MEMORY][];
        double[] rho = new double[MEMORY];
        int stored = 0;
        int newest = -1;
        double[] d = new double[dim];
        double[] alpha = new double[MEMORY];
        double[] wNew = new double[dim];
        double[] gNew = new double[dim];
        for (int iteration = 0; iteration < iterations; iteration++) {
            // two-loop recursion: d = −H·g
            for (int k = 0; k < dim; k++) {
                d[k] = -g[k];
            }
            for (int j = 0; j < stored; j++) {
                int m = Math.floorMod(newest - j, MEMORY);
                alpha[m] = rho[m] * dot(s[m], d);
                axpy(-alpha[m], y[m], d);
            }
            if (stored > 0) {
                double gamma = dot(s[newest], y[newest]) / dot(y[newest], y[newest]);
                for (int k = 0; k < dim; k++) {
                    d[k] *= gamma;
                }
            } else {
                double norm = Math.sqrt(dot(g, g));
                for (int k = 0; k < dim; k++) {
                    d[k] /= Math.max(norm, 1e-12);
                }
            }
            for (int j = stored - 1; j >= 0; j--) {
                int m = Math.floorMod(newest - j, MEMORY);
                double beta = rho[m] * dot(y[m], d);
                axpy(alpha[m] - beta, s[m], d);
            }
            double slope = dot(g, d);
            if (slope >= 0) {
                for (int k = 0; k < dim; k++) {
                    d[k] = -g[k];
                }
                slope = dot(g, d);
            }
            // backtracking (Armijo)
            double step = 1;
            double fNew;
            while (true) {
                for (int k = 0; k < dim; k++) {
                    wNew[k] = w[k] + step * d[k];
                }
                fNew = objective(index, value, label, weight, size, lambda, wNew, gNew);
                if (fNew <= f + 1e-4 * step * slope || step < 1e-10) {
                    break;
                }
                step *= 0.5;
            }
            newest = (newest + 1) % MEMORY;
            double[] sk = s[newest] == null ? new double[dim] : s[newest];
            double[] yk = y[newest] == null ? new double[dim] : y[newest];
            for (int k = 0; k < dim; k++) {
                sk[k] = wNew[k] - w[k];
                yk[k] = gNew[k] - g[k];
            }
            double sy = dot(sk, yk);
            s[newest] = sk;
            y[newest] = yk;
            rho[newest] = sy > 1e-12 ? 1 / sy : 0;
            stored = Math.min(stored + 1, MEMORY);
            double[] t = w;
            w = wNew;
            wNew = t;
            t = g;
            g = gNew;
            gNew = t;
            boolean converged = Math.abs(f - fNew) <= 1e-9 * Math.max(1, Math.abs(f));
            f = fNew;
            if (converged) {
                break;
            }
        }
        return w;
    }

    private static double objective(
            Trainer.Vector[] index,
            double[][] value,
            byte[] label,
            double[] weight,
            int size,
            double lambda,
            double[] w,
            double[] g) {
        double f = 0;
        for (int k = 0; k < size; k++) {
            g[k] = lambda * w[k];
            f += 0.5 * lambda * w[k] * w[k];
        }
        g[size] = 0;
        for (int i = 0; i < index.length; i++) {
            int[] idx = index[i].index();
            double[] x = value[i];
            double z = w[size];
            for (int k = 0; k < idx.length; k++) {
                z += w[idx[k]] * x[k];
            }
            double sign = label[i] == 1 ? 1 : -1;
            double m = sign * z;
            // log(1 + exp(−m)), stable
            f += weight[i] * (m > 0 ? Math.log1p(Math.exp(-m)) : -m + Math.log1p(Math.exp(m)));
            double p = 1 / (1 + Math.exp(-z));
            double r = weight[i] * (p - label[i]);
            for (int k = 0; k < idx.length; k++) {
                g[idx[k]] += r * x[k];
            }
            g[size] += r;
        }
        return f;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int k = 0; k < a.length; k++) {
            s += a[k] * b[k];
        }
        return s;
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int k = 0; k < x.length; k++) {
            y[k] += a * x[k];
        }
    }
}
