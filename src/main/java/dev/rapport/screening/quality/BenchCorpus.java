package dev.rapport.screening.quality;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The texts of the screening benchmark ({@code bench/screening}): 280-character posts, half Chinese
 * and half English; of each language 80% ordinary marketing posts (the marketing-post test file,
 * several posts joined until 280 characters) and 20% offensive texts from the held-out splits (COLD
 * dev, EDOS test, joined or cut to 280 characters). Deterministic for a seed.
 *
 * <p>As a program it writes JSON lines for the command line's benchmark: {@code java -cp … BenchCorpus
 * DATA POSTS COUNT > 100k.jsonl}.
 */
public final class BenchCorpus {

    /** The length of a post, in UTF-16 characters. */
    public static final int LENGTH = 280;

    private BenchCorpus() {}

    /**
     * @param mix {@code mixed}, {@code zh} or {@code en}
     */
    public static List<String> build(Path data, Path posts, int count, String mix, long seed) throws IOException {
        List<String> zhPosts = new ArrayList<>();
        List<String> enPosts = new ArrayList<>();
        for (ScreeningQuality.Post post : ScreeningQuality.posts(posts)) {
            (post.language().equals("zh") ? zhPosts : enPosts).add(post.text());
        }
        List<String> zhBad = new ArrayList<>();
        for (Splits.Sample sample : Splits.load("chinese", data)) {
            if (sample.role().equals("TEST") && sample.set().equals("cold") && sample.positive()) {
                zhBad.add(sample.text());
            }
        }
        List<String> enBad = new ArrayList<>();
        for (Splits.Sample sample : Splits.load("english", data)) {
            if (sample.role().equals("TEST") && sample.set().equals("edos") && sample.positive()) {
                enBad.add(sample.text());
            }
        }
        Random random = new Random(seed);
        List<String> texts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            boolean zh = mix.equals("zh") || (mix.equals("mixed") && i % 2 == 0);
            boolean bad = random.nextInt(5) == 0;
            List<String> pool = zh ? (bad ? zhBad : zhPosts) : (bad ? enBad : enPosts);
            texts.add(post(pool, random, zh ? "" : " "));
        }
        return texts;
    }

    private static String post(List<String> pool, Random random, String separator) {
        StringBuilder text = new StringBuilder(pool.get(random.nextInt(pool.size())));
        while (text.length() < LENGTH) {
            text.append(separator).append(pool.get(random.nextInt(pool.size())));
        }
        int end = LENGTH;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end);
    }

    public static void main(String[] args) throws IOException {
        Path data = Path.of(args.length > 0 ? args[0] : "../shared/data/policy");
        Path posts = Path.of(args.length > 1 ? args[1] : "src/test/resources/screening/marketing-posts.tsv");
        int count = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
        List<String> texts = build(data, posts, count, "mixed", 20260101L);
        try (BufferedWriter out =
                new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16)) {
            for (int i = 0; i < texts.size(); i++) {
                out.write("{\"id\":" + (i + 1) + ",\"text\":\"" + json(texts.get(i)) + "\"}\n");
            }
        }
    }

    static String json(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
