package dev.rapport.screening.model;

import dev.rapport.screening.Category;
import dev.rapport.screening.text.Language;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * One language's model: a logistic head per category over {@code 2^bits} hashed feature buckets.
 * Weights are int8 with a float scale per head, interleaved by bucket ({@code weights[bucket * heads
 * + head]}) so a feature touches one cache line. The decision threshold is folded into the bias:
 * a head flags at probability 0.5.
 *
 * <p>Score of head {@code h}: {@code sigmoid(bias[h] + scale[h] * Σ weights[f·H + h] / sqrt(n))}
 * over the {@code n} feature occurrences {@code f} of the normalised text.
 */
public final class LinearModel {

    private static final int MAGIC = 0x52505431; // "RPT1"

    final Language language;
    final int bits;
    final int mask;
    final Category[] heads;
    final float[] bias;
    final float[] scale;
    final byte[] weights;
    final String notes;
    private final int[] headOfCategory;

    LinearModel(
            Language language, int bits, Category[] heads, float[] bias, float[] scale, byte[] weights, String notes) {
        if (weights.length != heads.length << bits) {
            throw new IllegalArgumentException("weights do not match heads and bits");
        }
        this.language = language;
        this.bits = bits;
        this.mask = (1 << bits) - 1;
        this.heads = heads.clone();
        this.bias = bias.clone();
        this.scale = scale.clone();
        this.weights = weights;
        this.notes = notes;
        this.headOfCategory = new int[Category.values().length];
        java.util.Arrays.fill(headOfCategory, -1);
        for (int h = 0; h < heads.length; h++) {
            headOfCategory[heads[h].ordinal()] = h;
        }
    }

    public Language language() {
        return language;
    }

    /** The categories this model scores, in head order. */
    public Category[] categories() {
        return heads.clone();
    }

    /** Training data and parameters, as written by {@link Train}. */
    public String notes() {
        return notes;
    }

    int head(Category category) {
        return headOfCategory[category.ordinal()];
    }

    /** Writes the probability of each head into {@code out}, indexed by category ordinal. */
    void score(String normalized, float[] out) {
        Accumulator accumulator = new Accumulator(weights, heads.length);
        int n = Features.extract(normalized, language, mask, accumulator);
        double norm = n == 0 ? 0 : 1 / Math.sqrt(n);
        for (int h = 0; h < heads.length; h++) {
            double z = bias[h] + scale[h] * accumulator.sums[h] * norm;
            out[heads[h].ordinal()] = (float) (1 / (1 + Math.exp(-z)));
        }
    }

    /** Sums the int8 weights of each head over the features. */
    static final class Accumulator implements Features.Sink {
        private final byte[] weights;
        private final int heads;
        final long[] sums;

        Accumulator(byte[] weights, int heads) {
            this.weights = weights;
            this.heads = heads;
            this.sums = new long[heads];
        }

        @Override
        public void accept(int bucket, int start, int end) {
            int base = bucket * heads;
            for (int h = 0; h < heads; h++) {
                sums[h] += weights[base + h];
            }
        }
    }

    void write(OutputStream stream) throws IOException {
        GZIPOutputStream gzip = new GZIPOutputStream(stream, 1 << 16) {
            {
                def.setLevel(java.util.zip.Deflater.BEST_COMPRESSION);
            }
        };
        DataOutputStream out = new DataOutputStream(gzip);
        out.writeInt(MAGIC);
        out.writeUTF(language.code());
        out.writeByte(bits);
        out.writeByte(heads.length);
        for (int h = 0; h < heads.length; h++) {
            out.writeUTF(heads[h].code());
            out.writeFloat(bias[h]);
            out.writeFloat(scale[h]);
        }
        byte[] noteBytes = notes.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.writeInt(noteBytes.length);
        out.write(noteBytes);
        out.write(weights);
        out.flush();
        gzip.finish();
    }

    static LinearModel read(InputStream stream) throws IOException {
        DataInputStream in = new DataInputStream(new GZIPInputStream(stream, 1 << 16));
        if (in.readInt() != MAGIC) {
            throw new IOException("not a screening model");
        }
        Language language = Language.ofCode(in.readUTF());
        int bits = in.readByte();
        int count = in.readByte();
        if (bits < 10 || bits > 24 || count < 1 || count > Category.values().length) {
            throw new IOException("bad screening model header");
        }
        Category[] heads = new Category[count];
        float[] bias = new float[count];
        float[] scale = new float[count];
        for (int h = 0; h < count; h++) {
            heads[h] = Category.ofCode(in.readUTF());
            bias[h] = in.readFloat();
            scale[h] = in.readFloat();
        }
        byte[] noteBytes = new byte[in.readInt()];
        in.readFully(noteBytes);
        byte[] weights = new byte[count << bits];
        in.readFully(weights);
        return new LinearModel(
                language,
                bits,
                heads,
                bias,
                scale,
                weights,
                new String(noteBytes, java.nio.charset.StandardCharsets.UTF_8));
    }
}
