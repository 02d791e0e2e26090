package dev.rapport.screening.model;

import dev.rapport.screening.model.Datasets.Role;
import dev.rapport.screening.model.Datasets.Sample;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Computes MiniLM vectors for the probe (not part of the product): {@code static} writes the
 * vector of every vocabulary piece ([CLS] piece [SEP], mean-pooled); {@code sentence} writes the
 * sentence vector (mean-pooled) of every EDOS train and dev text. EDOS test is never read here.
 *
 * <p>Compiled only with the {@code minilm} Maven profile (all-MiniLM-L6-v2 and ONNX Runtime, test
 * scope). {@code static} takes about 45 s, {@code sentence} about 4 min on this 2-core machine.
 *
 * <pre>
 * mvn -q -Pminilm test-compile
 * mvn -q -Pminilm dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt
 * java -Xmx4g -cp target/classes:target/test-classes:$(cat target/test-classpath.txt) \
 *     dev.rapport.screening.model.EmbeddingProbe ../shared/data/policy /tmp/edos-emb static|sentence
 * </pre>
 */
final class EmbeddingProbe {

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[1]);
        Files.createDirectories(out);
        try (MiniLm lm = new MiniLm(Integer.getInteger("threads", 2))) {
            if (args[2].equals("static")) {
                int v = lm.wordPiece.size();
                float[][] table = new float[v][];
                int batch = 256;
                long start = System.nanoTime();
                for (int i = 0; i < v; i += batch) {
                    int b = Math.min(batch, v - i);
                    int[][] seqs = new int[b][];
                    for (int k = 0; k < b; k++) {
                        seqs[k] = new int[] {lm.cls, i + k, lm.sep};
                    }
                    float[][] pooled = lm.pooled(seqs);
                    System.arraycopy(pooled, 0, table, i, b);
                }
                System.out.printf("static: %d pieces in %.1f s%n", v, (System.nanoTime() - start) / 1e9);
                write(out.resolve("static.f32"), table);
            } else {
                Datasets.Data data = Datasets.english(Path.of(args[0]));
                for (Role role : new Role[] {Role.TRAIN, Role.TUNE}) {
                    List<Sample> samples = data.with(role).stream()
                            .filter(s -> s.source().equals("edos"))
                            .toList();
                    int n = samples.size();
                    int[][] enc = new int[n][];
                    for (int i = 0; i < n; i++) {
                        enc[i] = lm.encode(samples.get(i).text(), 128);
                    }
                    Integer[] order = new Integer[n];
                    for (int i = 0; i < n; i++) order[i] = i;
                    Arrays.sort(order, Comparator.comparingInt(i -> enc[i].length));
                    float[][] vectors = new float[n][];
                    long start = System.nanoTime();
                    int batch = 32;
                    for (int i = 0; i < n; i += batch) {
                        int b = Math.min(batch, n - i);
                        int[][] seqs = new int[b][];
                        for (int k = 0; k < b; k++) seqs[k] = enc[order[i + k]];
                        float[][] pooled = lm.pooled(seqs);
                        for (int k = 0; k < b; k++) vectors[order[i + k]] = pooled[k];
                    }
                    System.out.printf("%s: %d texts in %.1f s%n", role, n, (System.nanoTime() - start) / 1e9);
                    write(out.resolve("sentence-" + role.name().toLowerCase() + ".f32"), vectors);
                }
            }
        }
    }

    static void write(Path file, float[][] rows) throws IOException {
        try (DataOutputStream out =
                new DataOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(file)))) {
            out.writeInt(rows.length);
            out.writeInt(rows[0].length);
            for (float[] row : rows) for (float x : row) out.writeFloat(x);
        }
    }

    static float[][] read(Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(file)))) {
            int n = in.readInt();
            int d = in.readInt();
            float[][] rows = new float[n][d];
            for (float[] row : rows) for (int k = 0; k < d; k++) row[k] = in.readFloat();
            return rows;
        }
    }
}
