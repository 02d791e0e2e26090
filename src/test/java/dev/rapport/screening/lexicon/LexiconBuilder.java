package dev.rapport.screening.lexicon;

import dev.rapport.screening.Category;
import dev.rapport.screening.text.TextNormalizer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

/**
 * Regenerates the screen's lexicon resources ({@code terms.tsv}, {@code allow.txt}, {@code
 * groups.tsv}, {@code t2s.txt}) from the permissively licensed lists in {@code shared/data/policy}
 * and the hand-written {@code curation.txt}:
 *
 * <pre>
 * mvn -q -o test-compile
 * java -cp target/classes:target/test-classes dev.rapport.screening.lexicon.LexiconBuilder [POLICY_DATA_DIR] [OPENCC_JAR_OR_TSCharacters.txt]
 * </pre>
 *
 * Run from the project directory. Deterministic: the same inputs give the same files. The
 * traditional → simplified table comes from OpenCC's {@code TSCharacters.txt} (Apache-2.0), as
 * shipped in the Maven artifact {@code com.github.houbb:opencc4j}; without it the existing {@code
 * t2s.txt} is kept. The normaliser used here reads {@code t2s.txt} from the class path: after a
 * change of that table, build and run twice.
 */
public final class LexiconBuilder {

    private static final Path OUT = Paths.get("src/main/resources/dev/rapport/screening/lexicon");
    private static final TextNormalizer NORMALIZER = TextNormalizer.standard();

    private final Map<String, Map<String, String>> sections = new LinkedHashMap<>();
    private final Set<String> removed = new HashSet<>();
    private final Set<String> keepSingle = new HashSet<>();
    private final Set<String> keep = new HashSet<>();
    private final Set<String> explicitPairs = new HashSet<>();
    private final Set<String> strongCharacters = new HashSet<>();
    private final Map<String, Category> categoryOverride = new HashMap<>();
    private final Map<String, Integer> severityOverride = new HashMap<>();
    /** normalised spelling → term key: the first source to claim a spelling keeps it. */
    private final Map<String, String> claimed = new HashMap<>();

    private final Map<String, TermRow> terms = new LinkedHashMap<>();
    private final List<String> report = new ArrayList<>();

    private static final class TermRow {
        final String canonical;
        final Category category;
        final int severity;
        final String language;
        final String flags;
        final String source;
        final Set<String> spellings = new LinkedHashSet<>();

        TermRow(String canonical, Category category, int severity, String language, String flags, String source) {
            this.canonical = canonical;
            this.category = category;
            this.severity = severity;
            this.language = language;
            this.flags = flags;
            this.source = source;
        }
    }

    public static void main(String[] args) throws IOException {
        Path data = args.length > 0 ? Paths.get(args[0]) : defaultData();
        new LexiconBuilder().build(data, args.length > 1 ? Paths.get(args[1]) : null);
    }

    private static Path defaultData() {
        for (String candidate : List.of("../shared/data/policy", "/work/shared/data/policy")) {
            if (Files.isDirectory(Paths.get(candidate))) {
                return Paths.get(candidate);
            }
        }
        throw new IllegalStateException("no policy data: pass its directory");
    }

    static String normal(String s) {
        return NORMALIZER.normalize(s.strip()).text().strip();
    }

    void build(Path data, Path opencc) throws IOException {
        readCuration(OUT.resolve("curation.txt"));
        added();
        surge(data.resolve("en-surge-profanity/profanity_en.csv"));
        davidson(data.resolve("en-davidson-hate-offensive/refined_ngram_dict.csv"));
        for (String line : lines(data.resolve("ldnoobw/en.txt"))) {
            english(line, Category.SEXUALLY_SUGGESTIVE, 2, "ldnoobw");
        }
        Map<String, String[]> chinese = new LinkedHashMap<>();
        collectChinese(chinese, data.resolve("ldnoobw/zh.txt"), "ldnoobw", Category.OBSCENE, 2);
        collectChinese(
                chinese, data.resolve("zh-houbb-sensitive-word/abuse_terms.txt"), "houbb", Category.OFFENSIVE, 2);
        collectChinese(
                chinese,
                data.resolve("zh-houbb-sensitive-word/sexual_terms.txt"),
                "houbb",
                Category.SEXUALLY_SUGGESTIVE,
                2);
        collectChinese(
                chinese,
                data.resolve("zh-konsheng-lexicon/sexual_terms.txt"),
                "konsheng",
                Category.SEXUALLY_SUGGESTIVE,
                2);
        collectChinese(chinese, data.resolve("zh-swsr-sexism/SexHateLex.txt"), "swsr", Category.OFFENSIVE, 1);
        curateChinese(data, chinese);
        write(opencc);
        report.forEach(System.out::println);
    }

    // ------------------------------------------------------------------ curation

    private void readCuration(Path file) throws IOException {
        String section = "";
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                section = line.substring(1, line.length() - 1);
                sections.put(section, new LinkedHashMap<>());
                continue;
            }
            String[] f = fields(line);
            sections.get(section).put(line, f[0]);
            switch (section) {
                case "remove" -> removed.add(normal(f[0]));
                case "keep-single" -> keepSingle.add(normal(f[0]));
                case "keep" -> keep.add(normal(f[0]));
                case "explicit-pairs" -> explicitPairs.add(normal(f[0]));
                case "strong-characters" -> strongCharacters.add(normal(f[0]));
                case "category" -> categoryOverride.put(normal(f[0]), Category.ofCode(f[1]));
                case "severity" -> severityOverride.put(normal(f[0]), Integer.parseInt(f[1]));
                default -> {}
            }
        }
    }

    private static String[] fields(String line) {
        String[] f = line.contains("\t") ? line.split("\t") : line.split(" \\| ");
        for (int i = 0; i < f.length; i++) {
            f[i] = f[i].strip();
        }
        return f;
    }

    private List<String[]> section(String name) {
        List<String[]> rows = new ArrayList<>();
        for (String line : sections.getOrDefault(name, Map.of()).keySet()) {
            rows.add(fields(line));
        }
        return rows;
    }

    private void added() {
        for (String[] f : section("add")) {
            TermRow row = term(f[0], Category.ofCode(f[1]), Integer.parseInt(f[2]), f[3], f[4], "curation");
            for (String spelling : f[5].split(",")) {
                String s = normal(spelling);
                if (!s.isEmpty()) {
                    row.spellings.add(spelling.strip());
                    claimed.putIfAbsent(s, key(row));
                }
            }
        }
    }

    private TermRow term(
            String canonical, Category category, int severity, String language, String flags, String source) {
        String key = canonical + "\t" + category.code() + "\t" + severity + "\t" + language + "\t" + flags;
        return terms.computeIfAbsent(key, k -> new TermRow(canonical, category, severity, language, flags, source));
    }

    private static String key(TermRow row) {
        return row.canonical + "\t" + row.category.code() + "\t" + row.severity + "\t" + row.language + "\t"
                + row.flags;
    }

    /** Adds a spelling to a term unless removed or already claimed; true when added. */
    private boolean claim(TermRow row, String spelling) {
        String s = normal(spelling);
        if (s.isEmpty()
                || removed.contains(s)
                || claimed.containsKey(s)
                || s.codePoints().noneMatch(Character::isLetter)) {
            return false;
        }
        claimed.put(s, key(row));
        row.spellings.add(spelling.strip());
        return true;
    }

    // ------------------------------------------------------------------ English

    private static Category surgeCategory(String category) {
        return switch (category) {
            case "sexual anatomy / sexual acts" -> Category.SEXUALLY_SUGGESTIVE;
            case "bodily fluids / excrement" -> Category.OBSCENE;
            case "racial / ethnic slurs" -> Category.RACIST;
            case "sexual orientation / gender" -> Category.SEXIST;
            case "other / general insult" -> Category.OFFENSIVE;
            case "religious offense" -> Category.RELIGIOUS_OFFENSIVE;
            case "mental disability", "physical disability" -> Category.DISCRIMINATORY;
            default -> Category.DEROGATORY; // animal references, physical attributes, political
        };
    }

    private void surge(Path file) throws IOException {
        List<String> lines = lines(file);
        int kept = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            String surface = f[0].strip();
            String canonical = f[1].strip();
            int severity = switch (f[8].strip()) {
                case "Mild" -> 1;
                case "Strong" -> 2;
                default -> 3;
            };
            Category category = categoryOverride.get(normal(surface));
            if (category == null) {
                category = categoryOverride.get(normal(canonical));
            }
            if (category == null) {
                category = surgeCategory(f[4].strip());
            }
            severity = severityOverride.getOrDefault(normal(surface), severity);
            if (claim(term(canonical, category, severity, "en", "b", "surge"), surface)) {
                kept++;
            }
        }
        report.add("surge: " + kept + " of " + (lines.size() - 1) + " spellings kept");
    }

    private void davidson(Path file) throws IOException {
        Map<String, String> present = new HashMap<>();
        for (String line : lines(file)) {
            present.put(line.split(",")[0], line);
        }
        for (String[] f : section("davidson")) {
            if (!present.containsKey(f[0])) {
                throw new IllegalStateException("davidson n-gram not in the data: " + f[0]);
            }
            claim(term(f[0], Category.ofCode(f[1]), Integer.parseInt(f[2]), "en", "b", "davidson"), f[0]);
        }
    }

    private void english(String surface, Category fallback, int severity, String source) {
        String s = normal(surface);
        Category category = categoryOverride.getOrDefault(s, fallback);
        claim(term(surface.strip(), category, severityOverride.getOrDefault(s, severity), "en", "b", source), surface);
    }

    // ------------------------------------------------------------------ Chinese

    private void collectChinese(
            Map<String, String[]> chinese, Path file, String source, Category fallback, int severity)
            throws IOException {
        for (String line : lines(file)) {
            String raw = line.strip();
            if (raw.isEmpty()) {
                continue;
            }
            chinese.putIfAbsent(raw, new String[] {source, fallback.code(), String.valueOf(severity)});
        }
    }

    private static boolean onlyLettersAndDigits(String s) {
        return s.codePoints().allMatch(Character::isLetterOrDigit);
    }

    private static boolean hasHan(String s) {
        return s.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
    }

    private void curateChinese(Path data, Map<String, String[]> chinese) throws IOException {
        // occurrence counts in the labelled TRAIN texts (never the dev split): safe vs offensive/sexist
        Set<String> candidates = new HashSet<>();
        for (String raw : chinese.keySet()) {
            candidates.add(normal(raw));
        }
        Map<String, int[]> counts = new HashMap<>();
        int maxLength = candidates.stream().mapToInt(String::length).max().orElse(1);
        List<String[]> cold = Csv.read(data.resolve("zh-cold-train/train.csv"));
        int coldText = Csv.column(cold, "TEXT");
        int coldLabel = Csv.column(cold, "label");
        for (String[] row : cold.subList(1, cold.size())) {
            count(
                    counts,
                    candidates,
                    maxLength,
                    normal(row[coldText]),
                    row[coldLabel].strip().equals("1"));
        }
        List<String[]> swsr = Csv.read(data.resolve("zh-swsr-sexism/SexComment.csv"));
        int swsrText = Csv.column(swsr, "comment_text");
        int swsrLabel = Csv.column(swsr, "label");
        for (String[] row : swsr.subList(1, swsr.size())) {
            count(
                    counts,
                    candidates,
                    maxLength,
                    normal(row[swsrText]),
                    row[swsrLabel].strip().equals("1"));
        }
        int single = 0;
        int noisy = 0;
        int odd = 0;
        int weak = 0;
        int kept = 0;
        List<String> droppedByData = new ArrayList<>();
        for (Map.Entry<String, String[]> e : chinese.entrySet()) {
            String raw = e.getKey();
            String source = e.getValue()[0];
            String s = normal(raw);
            if (s.isEmpty() || removed.contains(s) || claimed.containsKey(s)) {
                continue;
            }
            if (!onlyLettersAndDigits(s) || s.chars().allMatch(Character::isDigit)) {
                odd++;
                continue;
            }
            boolean han = hasHan(s);
            if (han && s.codePointCount(0, s.length()) == 1 && !keepSingle.contains(s)) {
                single++;
                continue;
            }
            if (han
                    && s.codePointCount(0, s.length()) == 2
                    && !explicitPairs.contains(s)
                    && strongCharacters.stream().noneMatch(s::contains)) {
                weak++;
                continue;
            }
            int[] c = counts.getOrDefault(s, new int[2]);
            int safe = c[0];
            int offensive = c[1];
            double precision = offensive / (double) Math.max(1, safe + offensive);
            boolean strict = source.equals("swsr");
            if (strict && han && s.codePointCount(0, s.length()) <= 3 && "这那个真太很好说在的是了".indexOf(s.charAt(0)) >= 0) {
                weak++; // "这个贱", "真的屌": a function word glued to a shorter term
                continue;
            }
            if (!keep.contains(s) && ((safe >= 3 && precision < 0.6) || (strict && safe >= 2 && precision < 0.75))) {
                noisy++;
                droppedByData.add(raw + "(" + offensive + "/" + (safe + offensive) + ")");
                continue;
            }
            if (!han) {
                // Latin entries of the Chinese lists: short ones are Chinese abbreviations ("tmd")
                boolean abbreviation = s.length() <= 3;
                Category category = categoryOverride.getOrDefault(s, Category.ofCode(e.getValue()[1]));
                TermRow row = term(
                        raw,
                        category,
                        Integer.parseInt(e.getValue()[2]),
                        abbreviation ? "zh" : "en",
                        abbreviation ? "bh" : "b",
                        source);
                if (claim(row, raw)) {
                    kept++;
                }
                continue;
            }
            Category category = categoryOverride.getOrDefault(s, zhCategory(s, Category.ofCode(e.getValue()[1])));
            int severity = severityOverride.getOrDefault(s, zhSeverity(s, Integer.parseInt(e.getValue()[2])));
            String flags = s.codePoints().anyMatch(cp -> cp < 0x80) ? "-" : "-";
            if (claim(term(s, category, severity, "zh", flags, source), raw)) {
                kept++;
            }
        }
        report.add("chinese: " + kept + " kept of " + chinese.size() + "; dropped " + single + " single characters, "
                + odd + " odd entries, " + weak + " two-character words without a strong character, " + noisy
                + " frequent in innocent texts");
        report.add("dropped as frequent in innocent texts (offensive/all): " + String.join(" ", droppedByData));
    }

    private static void count(
            Map<String, int[]> counts, Set<String> candidates, int maxLength, String text, boolean offensive) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < text.length(); i++) {
            for (int l = 1; l <= maxLength && i + l <= text.length(); l++) {
                String sub = text.substring(i, i + l);
                if (candidates.contains(sub) && seen.add(sub)) {
                    counts.computeIfAbsent(sub, k -> new int[2])[offensive ? 1 : 0]++;
                }
            }
        }
    }

    private static boolean any(String s, String... parts) {
        for (String part : parts) {
            if (s.contains(part)) {
                return true;
            }
        }
        return false;
    }

    static Category zhCategory(String s, Category fallback) {
        if (any(s, "黑鬼", "鬼子", "阿三", "棒子", "尼哥", "黑奴", "支那", "洋鬼", "倭", "黑蛆", "白皮猪", "越南猴")) {
            return Category.RACIST;
        }
        if (any(s, "基佬", "人妖", "娘炮", "残废", "弱智", "智障", "脑残", "瘸", "乡巴佬", "同性恋")) {
            return Category.DISCRIMINATORY;
        }
        if (any(s, "绿绿", "猪林", "穆狗")) {
            return Category.RELIGIOUS_OFFENSIVE;
        }
        if (any(
                s, "婊", "荡妇", "破鞋", "母狗", "骚货", "贱女", "剩女", "娘们", "黄脸婆", "女拳", "男人婆", "女里女气", "母老虎", "破麻", "臭三八",
                "贱男")) {
            return Category.SEXIST;
        }
        if (any(
                s, "操", "肏", "干你", "干妳", "干他", "干她", "干林", "干恁", "日你", "日他", "屄", "逼", "屌", "鸡巴", "几巴", "妈的", "他妈",
                "你妈", "娘的", "王八", "他娘", "你娘", "草泥马", "卧槽", "狗日", "龟儿子", "贼你妈", "塞你", "驶你", "靠北", "鸡八", "机巴", "狗屁", "屎",
                "尿", "屁", "洨", "撸")) {
            return Category.OBSCENE;
        }
        if (any(s, "傻", "白痴", "笨", "贱", "蠢", "废物", "人渣", "滚", "去死", "死全家", "神经", "狗娘", "杂种", "猪猡", "混球", "龟孙", "饭桶")) {
            return Category.OFFENSIVE;
        }
        if (any(
                s, "乳", "交", "淫", "阴", "精", "射", "奸", "嫖", "妓", "肉棒", "裸", "性", "色", "av", "插", "春药", "高潮", "口爆", "穴",
                "骚", "鸡", "奶", "爱液", "潮吹", "肛", "龟头", "处女", "炮", "艳", "欲", "屁眼", "成人", "强暴", "情趣")) {
            return Category.SEXUALLY_SUGGESTIVE;
        }
        return fallback;
    }

    static int zhSeverity(String s, int fallback) {
        if (any(s, "操你", "肏你", "干你娘", "干你妈", "日你妈", "你妈逼", "傻逼", "杂种", "婊子", "死全家", "黑鬼", "支那", "狗娘养", "强奸", "轮奸")) {
            return 3;
        }
        return fallback;
    }

    // ------------------------------------------------------------------ output

    private void write(Path opencc) throws IOException {
        StringBuilder out = new StringBuilder();
        out.append(
                "# Generated by LexiconBuilder from shared/data/policy and curation.txt: do not edit, regenerate.\n");
        out.append("# canonical\tcategory\tseverity\tlanguage\tflags\tspellings\tsource\n");
        TreeMap<String, TermRow> sorted = new TreeMap<>();
        for (TermRow row : terms.values()) {
            if (!row.spellings.isEmpty()) {
                sorted.put(row.language + "\t" + key(row), row);
            }
        }
        Map<String, Integer> perCategory = new TreeMap<>();
        int spellings = 0;
        for (TermRow row : sorted.values()) {
            for (String spelling : row.spellings) {
                if (spelling.contains("|") || spelling.contains("\t")) {
                    throw new IllegalStateException("bad spelling " + spelling);
                }
            }
            out.append(row.canonical)
                    .append('\t')
                    .append(row.category.code())
                    .append('\t')
                    .append(row.severity)
                    .append('\t')
                    .append(row.language)
                    .append('\t')
                    .append(row.flags)
                    .append('\t')
                    .append(String.join("|", row.spellings))
                    .append('\t')
                    .append(row.source)
                    .append('\n');
            perCategory.merge(row.language + " " + row.category.code(), row.spellings.size(), Integer::sum);
            spellings += row.spellings.size();
        }
        Files.writeString(OUT.resolve("terms.tsv"), out.toString(), StandardCharsets.UTF_8);
        report.add("terms.tsv: " + sorted.size() + " terms, " + spellings + " spellings; per language and category: "
                + perCategory);

        StringBuilder allow =
                new StringBuilder("# Generated by LexiconBuilder from curation.txt [allow]: innocent compounds.\n");
        for (String[] f : section("allow")) {
            allow.append(f[0]).append('\n');
        }
        Files.writeString(OUT.resolve("allow.txt"), allow.toString(), StandardCharsets.UTF_8);

        StringBuilder groups = new StringBuilder(
                "# Generated by LexiconBuilder from curation.txt [groups]: surface, group, kind, language.\n");
        for (String[] f : section("groups")) {
            GroupKind.valueOf(f[2]);
            groups.append(f[0])
                    .append('\t')
                    .append(f[1])
                    .append('\t')
                    .append(f[2])
                    .append('\t')
                    .append(f[3])
                    .append('\n');
        }
        Files.writeString(OUT.resolve("groups.tsv"), groups.toString(), StandardCharsets.UTF_8);

        String characters = openccCharacters(opencc);
        if (characters == null) {
            report.add("t2s.txt: OpenCC data not found, kept the existing table");
            return;
        }
        StringBuilder t2s = new StringBuilder();
        t2s.append("# Traditional -> simplified Chinese, one character pair a line, the first candidate of OpenCC's\n");
        t2s.append(
                "# data/dictionary/TSCharacters.txt (OpenCC, Apache License 2.0, via com.github.houbb:opencc4j). Generated by LexiconBuilder.\n");
        int pairs = 0;
        for (String line : characters.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            if (f.length < 2) {
                continue;
            }
            String from = f[0].strip();
            String to = f[1].strip().split(" ")[0];
            if (from.codePointCount(0, from.length()) == 1
                    && to.codePointCount(0, to.length()) == 1
                    && !from.equals(to)) {
                t2s.append(from).append(to).append('\n');
                pairs++;
            }
        }
        Files.writeString(OUT.resolve("t2s.txt"), t2s.toString(), StandardCharsets.UTF_8);
        report.add("t2s.txt: " + pairs + " pairs");
    }

    private static String openccCharacters(Path given) throws IOException {
        Path source = given;
        if (source == null) {
            Path repo = Paths.get(System.getProperty("user.home"), ".m2/repository/com/github/houbb/opencc4j");
            if (Files.isDirectory(repo)) {
                try (Stream<Path> files = Files.walk(repo)) {
                    source = files.filter(p -> p.toString().endsWith(".jar"))
                            .sorted()
                            .reduce((a, b) -> b)
                            .orElse(null);
                }
            }
        }
        if (source == null || !Files.exists(source)) {
            return null;
        }
        if (source.toString().endsWith(".txt")) {
            return Files.readString(source, StandardCharsets.UTF_8);
        }
        try (ZipFile zip = new ZipFile(source.toFile())) {
            var entry = zip.getEntry("data/dictionary/TSCharacters.txt");
            if (entry == null) {
                return null;
            }
            try (InputStream in = zip.getInputStream(entry)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
    }

    private static List<String> lines(Path file) throws IOException {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String l = line.replace("\r", "").replace("\uFEFF", "");
            if (!l.isBlank()) {
                out.add(l);
            }
        }
        return out;
    }

    /** A small RFC 4180 reader (quoted fields with commas, quotes and newlines). */
    static final class Csv {
        static List<String[]> read(Path file) throws IOException {
            String s = Files.readString(file, StandardCharsets.UTF_8).replace("\uFEFF", "");
            List<String[]> rows = new ArrayList<>();
            List<String> row = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (quoted) {
                    if (c == '"') {
                        if (i + 1 < s.length() && s.charAt(i + 1) == '"') {
                            field.append('"');
                            i++;
                        } else {
                            quoted = false;
                        }
                    } else {
                        field.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    row.add(field.toString());
                    field.setLength(0);
                } else if (c == '\n') {
                    row.add(field.toString());
                    field.setLength(0);
                    rows.add(row.toArray(new String[0]));
                    row = new ArrayList<>();
                } else if (c != '\r') {
                    field.append(c);
                }
            }
            if (field.length() > 0 || !row.isEmpty()) {
                row.add(field.toString());
                rows.add(row.toArray(new String[0]));
            }
            return rows;
        }

        static int column(List<String[]> rows, String name) {
            String[] header = rows.get(0);
            for (int i = 0; i < header.length; i++) {
                if (header[i].strip().equals(name)) {
                    return i;
                }
            }
            throw new IllegalStateException("no column " + name);
        }
    }
}
