package dev.rapport.screening.lexicon;

import dev.rapport.screening.text.NormalizedText;
import dev.rapport.screening.text.TextNormalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds lexicon terms in normalised text with one Aho–Corasick pass.
 *
 * <p>Terms and text are compared as run skeletons: repeated chars count once, and a term's doubled
 * letter needs a run of at least two in the text ("fuuuuck" and "fuuck" hit "fuck"; "as" does not
 * hit "ass"; "傻逼逼逼" hits "傻逼"). Latin-script terms match whole words only ("Scunthorpe",
 * "cocktail", "assassin", "therapist" do not hit); a Han char counts as a word boundary, so "他是sb"
 * hits; so do the Latin spellings of Chinese terms ("nmsl"). Chinese terms match anywhere, except where an innocent compound from the allow-list
 * overlaps the hit and is not shorter than it ("鸡肉", "小姐姐", "飞机场"; in English "maine coon", "moby dick"). Where hits overlap, one
 * inside another is dropped (longest match wins). Terms marked "Chinese context" (abbreviations like
 * "sb", "cnm") need a Han char within {@value #HAN_CONTEXT} chars.
 *
 * <p>Thread-safe after construction; {@link #standard()} is built once from {@link Lexicon#standard()}.
 */
public final class LexiconMatcher {

    static final int HAN_CONTEXT = 12;
    private static final int CUE_WINDOW = 32;

    private static final byte TERM = 0;
    private static final byte ALLOW = 1;
    private static final byte GROUP = 2;

    private final Lexicon lexicon;
    private final TextNormalizer normalizer;

    // the automaton
    private final int[] root = new int[0x10000];
    private final LongIntMap edges;
    private final int[] fail;
    private final int[] dict;
    private final int[] outFirst;
    // entries
    private final Entry[] entries;
    private final int[] entryNext;

    private record Entry(
            byte kind, int index, int length, long doubles, boolean variant, String surface, boolean latin) {}

    private static final class Standard {
        static final LexiconMatcher MATCHER = new LexiconMatcher(Lexicon.standard());
    }

    public static LexiconMatcher standard() {
        return Standard.MATCHER;
    }

    public LexiconMatcher(Lexicon lexicon) {
        this(lexicon, TextNormalizer.standard());
    }

    public LexiconMatcher(Lexicon lexicon, TextNormalizer normalizer) {
        this.lexicon = lexicon;
        this.normalizer = normalizer;
        Builder b = new Builder();
        List<Term> terms = lexicon.terms();
        for (int i = 0; i < terms.size(); i++) {
            Term term = terms.get(i);
            String canonical = normalizer.normalize(term.canonical()).text().strip();
            for (String spelling : term.spellings()) {
                String normal = normalizer.normalize(spelling).text().strip();
                boolean variant = !normal.equals(canonical);
                for (String surface : surfaces(term, normal, variant)) {
                    b.add(TERM, i, surface, variant);
                }
            }
        }
        for (int i = 0; i < lexicon.allowed().size(); i++) {
            b.add(
                    ALLOW,
                    i,
                    normalizer.normalize(lexicon.allowed().get(i)).text().strip(),
                    false);
        }
        for (int i = 0; i < lexicon.groups().size(); i++) {
            b.add(
                    GROUP,
                    i,
                    normalizer
                            .normalize(lexicon.groups().get(i).surface())
                            .text()
                            .strip(),
                    false);
        }
        int nodes = b.nodeCount;
        edges = b.edges;
        System.arraycopy(b.root, 0, root, 0, root.length);
        fail = new int[nodes];
        dict = new int[nodes];
        outFirst = Arrays.copyOf(b.outFirst, nodes);
        entries = b.entries.toArray(new Entry[0]);
        entryNext = b.entryNext.stream().mapToInt(Integer::intValue).toArray();
        links(b);
    }

    public Lexicon lexicon() {
        return lexicon;
    }

    /** How many strings the automaton holds (terms with their spellings, compounds, group words). */
    public int patternCount() {
        return entries.length;
    }

    /** The normalised spellings of a term, with automatic variants for Latin-script terms. */
    private static Set<String> surfaces(Term term, String s, boolean variant) {
        Set<String> out = new LinkedHashSet<>();
        if (!hasLetter(s)) {
            return out;
        }
        out.add(s);
        if (term.wordBoundaries() && s.chars().allMatch(c -> c < 0x80)) {
            char last = s.charAt(s.length() - 1);
            if (last >= 'a' && last <= 'z') {
                if (s.endsWith("s") || s.endsWith("x") || s.endsWith("z") || s.endsWith("ch") || s.endsWith("sh")) {
                    out.add(s + "es");
                } else {
                    out.add(s + "s");
                }
            }
            // "1" is normalised to "i": "s1ut" must still hit "slut"
            for (String form : List.copyOf(out)) {
                if (form.indexOf('l') >= 0 && form.chars().filter(c -> c == 'l').count() <= 3) {
                    out.addAll(lToI(form));
                }
            }
            // masked vowels: "f*ck", "sh*t", "b*tch"
            if (s.length() >= 4 && s.length() <= 8 && s.indexOf(' ') < 0) {
                for (int k = 1; k < s.length() - 1; k++) {
                    if ("aeiou".indexOf(s.charAt(k)) >= 0) {
                        out.add(s.substring(0, k) + '*' + s.substring(k + 1));
                    }
                }
            }
        }
        return out;
    }

    private static List<String> lToI(String s) {
        List<String> out = new ArrayList<>();
        int[] positions = s.chars().filter(c -> true).toArray();
        List<Integer> ls = new ArrayList<>();
        for (int k = 0; k < positions.length; k++) {
            if (positions[k] == 'l') {
                ls.add(k);
            }
        }
        for (int mask = 1; mask < (1 << ls.size()); mask++) {
            char[] c = s.toCharArray();
            for (int bit = 0; bit < ls.size(); bit++) {
                if ((mask & (1 << bit)) != 0) {
                    c[ls.get(bit)] = 'i';
                }
            }
            out.add(new String(c));
        }
        return out;
    }

    private static boolean hasLetter(String s) {
        for (int k = 0; k < s.length(); k++) {
            if (Character.isLetter(s.charAt(k)) || Character.isSurrogate(s.charAt(k))) {
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ matching

    public Matches match(String original) {
        return match(normalizer.normalize(original));
    }

    public Matches match(NormalizedText nt) {
        String t = nt.text();
        int n = t.length();
        if (n == 0) {
            return new Matches(nt, List.of(), List.of());
        }
        int[] skelStart = new int[n];
        int[] run = new int[n];
        Found found = new Found();
        int state = 0;
        int k = -1;
        char previous = 0;
        for (int i = 0; i < n; i++) {
            char c = t.charAt(i);
            if (k >= 0 && c == previous) {
                run[k]++;
                continue;
            }
            if (k >= 0 && state != 0) {
                emit(state, k, skelStart, run, t, found);
            }
            k++;
            skelStart[k] = i;
            run[k] = 1;
            previous = c;
            state = step(state, c);
        }
        if (k >= 0 && state != 0) {
            emit(state, k, skelStart, run, t, found);
        }
        if (found.hits == null && found.groups == null) {
            return new Matches(nt, List.of(), List.of());
        }
        return new Matches(nt, resolveHits(nt, found), resolveGroups(nt, found));
    }

    private int step(int state, char c) {
        while (true) {
            int next = state == 0 ? root[c] : edges.get(((long) state << 16) | c);
            if (next > 0) {
                return next;
            }
            if (state == 0) {
                return 0;
            }
            state = fail[state];
        }
    }

    private static final class Found {
        int[] hits; // triples: entry, start, end (normalised)
        int hitCount;
        int[] allows;
        int allowCount;
        int[] groups;
        int groupCount;

        static int[] push(int[] a, int count, int x, int y, int z) {
            int[] b = a == null ? new int[12] : a;
            if (count * 3 + 3 > b.length) {
                b = Arrays.copyOf(b, b.length * 2);
            }
            b[count * 3] = x;
            b[count * 3 + 1] = y;
            b[count * 3 + 2] = z;
            return b;
        }
    }

    private void emit(int state, int k, int[] skelStart, int[] run, String t, Found found) {
        int node = outFirst[state] >= 0 ? state : dict[state];
        while (node > 0) {
            for (int e = outFirst[node]; e >= 0; e = entryNext[e]) {
                Entry entry = entries[e];
                int s = k - entry.length + 1;
                if (entry.doubles != 0 && !doublesMatch(entry.doubles, run, s, entry.length)) {
                    continue;
                }
                int start = skelStart[s];
                int end = skelStart[k] + run[k];
                switch (entry.kind) {
                    case TERM -> {
                        Term term = lexicon.terms().get(entry.index);
                        if ((term.wordBoundaries() || entry.latin) && !atBoundaries(t, start, end)) {
                            continue;
                        }
                        if (term.hanContext() && !hanNearby(t, start, end)) {
                            continue;
                        }
                        found.hits = Found.push(found.hits, found.hitCount++, e, start, end);
                    }
                    case ALLOW -> found.allows = Found.push(found.allows, found.allowCount++, e, start, end);
                    default -> {
                        if (lexicon.groups().get(entry.index).language() == dev.rapport.screening.text.Language.EN
                                && !atBoundaries(t, start, end)) {
                            continue;
                        }
                        found.groups = Found.push(found.groups, found.groupCount++, e, start, end);
                    }
                }
            }
            node = dict[node];
        }
    }

    private static boolean doublesMatch(long doubles, int[] run, int s, int length) {
        for (int j = 0; j < length && j < 64; j++) {
            if ((doubles & (1L << j)) != 0 && run[s + j] < 2) {
                return false;
            }
        }
        return true;
    }

    private static boolean atBoundaries(String t, int start, int end) {
        boolean left = start == 0 || !isWordChar(t.charAt(start - 1));
        boolean right = end >= t.length() || !isWordChar(t.charAt(end));
        return left && right;
    }

    private static boolean isWordChar(char c) {
        return TextNormalizer.isWordChar(c) || (c >= 0x80 && Character.isLetter(c) && !TextNormalizer.isHan(c));
    }

    private static boolean hanNearby(String t, int start, int end) {
        int from = Math.max(0, start - HAN_CONTEXT);
        int to = Math.min(t.length(), end + HAN_CONTEXT);
        for (int i = from; i < to; i++) {
            if ((i < start || i >= end) && TextNormalizer.isHan(t.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private List<Hit> resolveHits(NormalizedText nt, Found found) {
        if (found.hits == null) {
            return List.of();
        }
        int count = found.hitCount;
        int[] h = found.hits;
        boolean[] dropped = new boolean[count];
        for (int a = 0; a < count; a++) {
            int aStart = h[a * 3 + 1];
            int aEnd = h[a * 3 + 2];
            Term term = lexicon.terms().get(entries[h[a * 3]].index);
            // innocent compounds ("鸡肉", "小姐姐", "maine coon")
            if (found.allows != null) {
                for (int x = 0; x < found.allowCount; x++) {
                    int s = found.allows[x * 3 + 1];
                    int e = found.allows[x * 3 + 2];
                    boolean overlaps = s < aEnd && aStart < e;
                    boolean inside = s >= aStart && e <= aEnd && e - s < aEnd - aStart;
                    if (overlaps && !inside) {
                        dropped[a] = true;
                        break;
                    }
                }
            }
            // longest match wins; on equal spans, the more severe term
            for (int b = 0; b < count && !dropped[a]; b++) {
                if (b == a) {
                    continue;
                }
                int bStart = h[b * 3 + 1];
                int bEnd = h[b * 3 + 2];
                if (bStart <= aStart && aEnd <= bEnd) {
                    boolean same = bStart == aStart && bEnd == aEnd;
                    if (!same) {
                        dropped[a] = true;
                    } else {
                        int aSev = term.severity();
                        int bSev = lexicon.terms().get(entries[h[b * 3]].index).severity();
                        if (bSev > aSev || (bSev == aSev && b < a)) {
                            dropped[a] = true;
                        }
                    }
                }
            }
        }
        List<Hit> hits = new ArrayList<>();
        for (int a = 0; a < count; a++) {
            if (dropped[a]) {
                continue;
            }
            Entry entry = entries[h[a * 3]];
            Term term = lexicon.terms().get(entry.index);
            int start = h[a * 3 + 1];
            int end = h[a * 3 + 2];
            NormalizedText.Span span = nt.toOriginal(start, end);
            int flags = Context.flags(nt, start, end, term);
            if (entry.variant) {
                flags |= Hit.VARIANT;
            }
            if (Context.obfuscated(nt, start, end, span)) {
                flags |= Hit.OBFUSCATED;
            }
            hits.add(new Hit(
                    term.canonical(),
                    term.category(),
                    term.severity(),
                    term.language(),
                    span.start(),
                    span.end(),
                    flags,
                    entry.surface,
                    term));
        }
        hits.sort(Comparator.comparingInt(Hit::start).thenComparingInt(Hit::end));
        return List.copyOf(hits);
    }

    private List<GroupMention> resolveGroups(NormalizedText nt, Found found) {
        if (found.groups == null) {
            return List.of();
        }
        List<GroupMention> groups = new ArrayList<>();
        int[] g = found.groups;
        outer:
        for (int a = 0; a < found.groupCount; a++) {
            int aStart = g[a * 3 + 1];
            int aEnd = g[a * 3 + 2];
            for (int b = 0; b < found.groupCount; b++) {
                int bStart = g[b * 3 + 1];
                int bEnd = g[b * 3 + 2];
                if (b != a && bStart <= aStart && aEnd <= bEnd && (bEnd - bStart > aEnd - aStart || b < a)) {
                    continue outer;
                }
            }
            GroupTerm term = lexicon.groups().get(entries[g[a * 3]].index);
            NormalizedText.Span span = nt.toOriginal(aStart, aEnd);
            groups.add(new GroupMention(term.group(), term.kind(), span.start(), span.end()));
        }
        groups.sort(Comparator.comparingInt(GroupMention::start));
        return List.copyOf(groups);
    }

    // ------------------------------------------------------------------ building

    private static final class Builder {
        final int[] root = new int[0x10000];
        final LongIntMap edges = new LongIntMap(1 << 16);
        int nodeCount = 1;
        int[] outFirst = {-1};
        int[] firstChild = {-1};
        int[] nextSibling = {-1};
        char[] label = {0};
        final List<Entry> entries = new ArrayList<>();
        final List<Integer> entryNext = new ArrayList<>();

        void add(byte kind, int index, String surface, boolean variant) {
            if (surface.isEmpty()) {
                return;
            }
            StringBuilder skeleton = new StringBuilder(surface.length());
            long doubles = 0;
            for (int i = 0; i < surface.length(); i++) {
                char c = surface.charAt(i);
                if (skeleton.length() > 0 && skeleton.charAt(skeleton.length() - 1) == c) {
                    if (skeleton.length() <= 64) {
                        doubles |= 1L << (skeleton.length() - 1);
                    }
                    continue;
                }
                skeleton.append(c);
            }
            int state = 0;
            for (int i = 0; i < skeleton.length(); i++) {
                char c = skeleton.charAt(i);
                int next = state == 0 ? root[c] : edges.get(((long) state << 16) | c);
                if (next <= 0) {
                    next = newNode(c, state);
                    if (state == 0) {
                        root[c] = next;
                    } else {
                        edges.put(((long) state << 16) | c, next);
                    }
                }
                state = next;
            }
            for (int e = outFirst[state]; e >= 0; e = entryNext.get(e)) {
                Entry other = entries.get(e);
                if (other.kind == kind && other.index == index && other.doubles == doubles) {
                    return; // the same term spelled the same
                }
            }
            boolean latin = surface.chars().allMatch(c -> c < 0x80);
            entries.add(new Entry(kind, index, skeleton.length(), doubles, variant, surface, latin));
            entryNext.add(outFirst[state]);
            outFirst[state] = entries.size() - 1;
        }

        private int newNode(char c, int parent) {
            if (nodeCount == outFirst.length) {
                int capacity = nodeCount * 2;
                outFirst = Arrays.copyOf(outFirst, capacity);
                firstChild = Arrays.copyOf(firstChild, capacity);
                nextSibling = Arrays.copyOf(nextSibling, capacity);
                label = Arrays.copyOf(label, capacity);
            }
            int node = nodeCount++;
            outFirst[node] = -1;
            firstChild[node] = -1;
            label[node] = c;
            nextSibling[node] = firstChild[parent];
            firstChild[parent] = node;
            return node;
        }
    }

    private void links(Builder b) {
        int[] queue = new int[b.nodeCount];
        int head = 0;
        int tail = 0;
        for (int child = b.firstChild[0]; child >= 0; child = b.nextSibling[child]) {
            fail[child] = 0;
            dict[child] = 0;
            queue[tail++] = child;
        }
        while (head < tail) {
            int node = queue[head++];
            for (int child = b.firstChild[node]; child >= 0; child = b.nextSibling[child]) {
                char c = b.label[child];
                int f = fail[node];
                int target;
                while (true) {
                    int next = f == 0 ? root[c] : edges.get(((long) f << 16) | c);
                    if (next > 0 && next != child) {
                        target = next;
                        break;
                    }
                    if (f == 0) {
                        target = 0;
                        break;
                    }
                    f = fail[f];
                }
                fail[child] = target;
                dict[child] = outFirst[target] >= 0 ? target : dict[target];
                queue[tail++] = child;
            }
        }
    }

    /** Open addressing long → int map; 0 is "absent". */
    static final class LongIntMap {
        private long[] keys;
        private int[] values;
        private int size;
        private int mask;

        LongIntMap(int capacity) {
            keys = new long[capacity];
            values = new int[capacity];
            mask = capacity - 1;
        }

        private static int hash(long key) {
            long h = key * 0x9E3779B97F4A7C15L;
            return (int) (h ^ (h >>> 32));
        }

        int get(long key) {
            int i = hash(key) & mask;
            while (true) {
                long k = keys[i];
                if (k == key) {
                    return values[i];
                }
                if (k == 0) {
                    return 0;
                }
                i = (i + 1) & mask;
            }
        }

        void put(long key, int value) {
            if ((size + 1) * 2 > keys.length) {
                grow();
            }
            int i = hash(key) & mask;
            while (keys[i] != 0 && keys[i] != key) {
                i = (i + 1) & mask;
            }
            if (keys[i] == 0) {
                size++;
            }
            keys[i] = key;
            values[i] = value;
        }

        private void grow() {
            long[] oldKeys = keys;
            int[] oldValues = values;
            keys = new long[oldKeys.length * 2];
            values = new int[oldKeys.length * 2];
            mask = keys.length - 1;
            size = 0;
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldKeys[i] != 0) {
                    put(oldKeys[i], oldValues[i]);
                }
            }
        }
    }
}
