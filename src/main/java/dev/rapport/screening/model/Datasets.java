package dev.rapport.screening.model;

import dev.rapport.screening.Category;
import dev.rapport.screening.text.Language;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The training, tuning and held-out test texts of each language, read from the policy data folder
 * ({@code ../shared/data/policy}), with a label per head (1, 0, or missing).
 *
 * <p>Chinese heads: OFFENSIVE = COLD label; RACIST, DISCRIMINATORY (region) and SEXIST = COLD label
 * on the race, region and gender topic (0 on the other topics); SEXIST also = SWSR label. English
 * heads: SEXIST = EDOS label; OFFENSIVE = Davidson hate or offensive; OBSCENE = Davidson hate or
 * offensive with a sexual or excretory profanity of the Surge list; RACIST = Davidson hate with a
 * racial slur of the Surge list (hate without one: missing); EDOS "not sexist" texts with no Surge
 * term are extra negatives for these three.
 *
 * <p>Splits: COLD dev, EDOS test, and a tenth of Davidson and of SWSR (by text hash) are the test
 * sets and are never trained or tuned on; tuning uses a tenth of COLD train, EDOS dev, and another
 * tenth of Davidson and SWSR.
 */
final class Datasets {

    enum Role {
        TRAIN,
        TUNE,
        TEST
    }

    static final byte MISSING = -1;

    record Sample(String text, String source, Role role, byte[] labels) {}

    record Data(Language language, Category[] heads, List<Sample> samples) {
        List<Sample> with(Role role) {
            return samples.stream().filter(s -> s.role() == role).toList();
        }
    }

    static final Category[] ZH_HEADS = {Category.OFFENSIVE, Category.SEXIST, Category.RACIST, Category.DISCRIMINATORY};
    static final Category[] EN_HEADS = {Category.SEXIST, Category.OFFENSIVE, Category.OBSCENE, Category.RACIST};

    private Datasets() {}

    /** 0–9 from the text, stable across runs and JVMs. */
    static int bucketOf(String text) {
        return Math.floorMod(Features.mix(text.hashCode()), 10);
    }

    private static Role hashRole(String text) {
        int bucket = bucketOf(text);
        return bucket == 0 ? Role.TEST : bucket == 1 ? Role.TUNE : Role.TRAIN;
    }

    private static byte[] labels(int heads) {
        byte[] labels = new byte[heads];
        java.util.Arrays.fill(labels, MISSING);
        return labels;
    }

    static Data chinese(Path root) throws IOException {
        List<Sample> samples = new ArrayList<>();
        for (String file : List.of("train.csv", "dev.csv")) {
            boolean dev = file.equals("dev.csv");
            for (Map<String, String> row :
                    Csv.read(root.resolve("zh-cold-train").resolve(file))) {
                String text = row.get("TEXT");
                int label = Integer.parseInt(row.get("label").trim());
                String topic = row.get("topic").trim();
                byte[] labels = labels(ZH_HEADS.length);
                labels[0] = (byte) label;
                labels[1] = (byte) (topic.equals("gender") ? label : 0);
                labels[2] = (byte) (topic.equals("race") ? label : 0);
                labels[3] = (byte) (topic.equals("region") ? label : 0);
                Role role = dev ? Role.TEST : bucketOf(text) == 1 ? Role.TUNE : Role.TRAIN;
                samples.add(new Sample(text, "cold-" + topic, role, labels));
            }
        }
        for (Map<String, String> row : Csv.read(root.resolve("zh-swsr-sexism/SexComment.csv"))) {
            String text = row.get("comment_text");
            byte[] labels = labels(ZH_HEADS.length);
            labels[1] = (byte) Integer.parseInt(row.get("label").trim());
            samples.add(new Sample(text, "swsr", hashRole(text), labels));
        }
        return new Data(Language.ZH, ZH_HEADS, samples);
    }

    static Data english(Path root) throws IOException {
        Lexicon surge = Lexicon.surge(root.resolve("en-surge-profanity/profanity_en.csv"));
        List<Sample> samples = new ArrayList<>();
        for (Map<String, String> row : Csv.read(root.resolve("en-edos-sexism/edos_labelled_aggregated.csv"))) {
            String text = row.get("text");
            String split = row.get("split").trim();
            boolean sexist = row.get("label_sexist").trim().equals("sexist");
            byte[] labels = labels(EN_HEADS.length);
            labels[0] = (byte) (sexist ? 1 : 0);
            Role role = switch (split) {
                case "train" -> Role.TRAIN;
                case "dev" -> Role.TUNE;
                default -> Role.TEST;
            };
            if (!sexist && role == Role.TRAIN && surge.categories(text).isEmpty()) {
                labels[1] = 0;
                labels[2] = 0;
                labels[3] = 0;
            }
            samples.add(new Sample(text, "edos", role, labels));
        }
        for (Map<String, String> row : Csv.read(root.resolve("en-davidson-hate-offensive/labeled_data.csv"))) {
            String text = unescapeHtml(row.get("tweet"));
            int cls = Integer.parseInt(row.get("class").trim());
            Set<String> found = surge.categories(text);
            byte[] labels = labels(EN_HEADS.length);
            boolean bad = cls != 2;
            labels[1] = (byte) (bad ? 1 : 0);
            labels[2] = (byte)
                    (bad
                                    && (found.contains("sexual anatomy / sexual acts")
                                            || found.contains("bodily fluids / excrement"))
                            ? 1
                            : 0);
            labels[3] = cls == 0 ? (found.contains("racial / ethnic slurs") ? (byte) 1 : MISSING) : 0;
            samples.add(new Sample(text, "davidson-" + cls, hashRole(text), labels));
        }
        return new Data(Language.EN, EN_HEADS, samples);
    }

    static Data of(Language language, Path root) throws IOException {
        return language == Language.ZH ? chinese(root) : english(root);
    }

    static String unescapeHtml(String text) {
        if (text.indexOf('&') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int semi = c == '&' ? text.indexOf(';', i) : -1;
            if (semi > i && semi - i <= 10) {
                String entity = text.substring(i + 1, semi);
                String replacement = switch (entity) {
                    case "amp" -> "&";
                    case "lt" -> "<";
                    case "gt" -> ">";
                    case "quot" -> "\"";
                    case "apos" -> "'";
                    default -> null;
                };
                if (replacement == null && entity.startsWith("#")) {
                    try {
                        replacement = new String(Character.toChars(Integer.parseInt(entity.substring(1))));
                    } catch (IllegalArgumentException e) {
                        replacement = null;
                    }
                }
                if (replacement != null) {
                    out.append(replacement);
                    i = semi + 1;
                    continue;
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    /** A term list with categories, matched on whole words (and word pairs) of the lower-cased text. */
    static final class Lexicon {
        private final Map<String, Set<String>> terms;

        private Lexicon(Map<String, Set<String>> terms) {
            this.terms = terms;
        }

        static Lexicon surge(Path file) throws IOException {
            Map<String, Set<String>> terms = new HashMap<>();
            for (Map<String, String> row : Csv.read(file)) {
                String term = row.get("text").trim().toLowerCase(Locale.ROOT);
                for (String column : List.of("category_1", "category_2", "category_3")) {
                    String category = row.getOrDefault(column, "").trim();
                    if (!category.isEmpty()) {
                        terms.computeIfAbsent(term, t -> new HashSet<>()).add(category);
                    }
                }
            }
            return new Lexicon(terms);
        }

        Set<String> categories(String text) {
            String[] words = text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}'*@$!]+");
            Set<String> found = new HashSet<>();
            for (int i = 0; i < words.length; i++) {
                found.addAll(terms.getOrDefault(words[i], Set.of()));
                if (i + 1 < words.length) {
                    found.addAll(terms.getOrDefault(words[i] + " " + words[i + 1], Set.of()));
                }
            }
            return found;
        }
    }

    static String readString(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
