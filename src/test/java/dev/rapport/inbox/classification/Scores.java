package dev.rapport.inbox.classification;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Per-class precision, recall and F1 and the accuracy of one label over labelled items. */
record Scores<L extends Enum<L>>(
        List<L> classes, Map<L, int[]> counts, int correct, int total, Map<String, Integer> confusions) {

    /** counts: {true positives, false positives, false negatives} */
    static <L extends Enum<L>> Scores<L> of(
            L[] classes,
            LabelledItems items,
            Function<LabelledItems.Item, L> truth,
            Function<LabelledItems.Item, L> guess) {
        Map<L, int[]> counts = new LinkedHashMap<>();
        for (L label : classes) {
            counts.put(label, new int[3]);
        }
        Map<String, Integer> confusions = new LinkedHashMap<>();
        int correct = 0;
        for (LabelledItems.Item item : items.items()) {
            L expected = truth.apply(item);
            L actual = guess.apply(item);
            if (expected == actual) {
                correct++;
                counts.get(expected)[0]++;
            } else {
                counts.get(actual)[1]++;
                counts.get(expected)[2]++;
                confusions.merge(expected + " → " + actual, 1, Integer::sum);
            }
        }
        return new Scores<>(List.of(classes), counts, correct, items.items().size(), confusions);
    }

    double accuracy() {
        return total == 0 ? 0 : (double) correct / total;
    }

    double precision(L label) {
        int[] c = counts.get(label);
        return c[0] + c[1] == 0 ? Double.NaN : (double) c[0] / (c[0] + c[1]);
    }

    double recall(L label) {
        int[] c = counts.get(label);
        return c[0] + c[2] == 0 ? Double.NaN : (double) c[0] / (c[0] + c[2]);
    }

    double f1(L label) {
        double p = precision(label);
        double r = recall(label);
        return Double.isNaN(p) || Double.isNaN(r) || p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    int support(L label) {
        int[] c = counts.get(label);
        return c[0] + c[2];
    }

    double macroF1() {
        return classes.stream()
                .filter(l -> support(l) > 0)
                .mapToDouble(this::f1)
                .average()
                .orElse(0);
    }

    /** The most frequent confusions, "expected → guessed (n)". */
    List<String> topConfusions(int n) {
        List<Map.Entry<String, Integer>> entries = new ArrayList<>(confusions.entrySet());
        entries.sort((a, b) -> b.getValue() - a.getValue());
        return entries.stream()
                .limit(n)
                .map(e -> e.getKey() + " (" + e.getValue() + ")")
                .toList();
    }
}
