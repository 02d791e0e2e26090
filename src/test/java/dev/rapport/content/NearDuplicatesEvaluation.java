package dev.rapport.content;

import dev.rapport.content.text.Fingerprint;
import java.util.ArrayList;
import java.util.List;

/**
 * Pairs of the paraphrase set (src/test/resources/content/near-duplicates.tsv) with their
 * similarity: a base post and each of its copies are positive pairs; a base and its same-topic post,
 * and any two posts of different groups, are negative pairs.
 */
final class NearDuplicatesEvaluation {

    record Pair(String a, String b, String kind, boolean duplicate, double similarity) {}

    private NearDuplicatesEvaluation() {}

    static List<Pair> pairs() {
        List<String[]> rows = LabelledPosts.read("/content/near-duplicates.tsv", 3);
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            for (int j = i + 1; j < rows.size(); j++) {
                String[] a = rows.get(i);
                String[] b = rows.get(j);
                boolean sameGroup = a[0].equals(b[0]);
                if (sameGroup && !a[1].equals("base") && !b[1].equals("base")) {
                    continue; // two copies of one post, or a copy and the same-topic post: not labelled
                }
                boolean duplicate = sameGroup && !a[1].equals("topic") && !b[1].equals("topic");
                String kind = sameGroup ? (a[1].equals("base") ? b[1] : a[1]) : "other-group";
                double similarity = Fingerprint.of(a[2]).similarity(Fingerprint.of(b[2]));
                pairs.add(new Pair(a[0] + "/" + a[1], b[0] + "/" + b[1], kind, duplicate, similarity));
            }
        }
        return pairs;
    }

    /** {true positives, false positives, false negatives} at a threshold. */
    static int[] confusion(List<Pair> pairs, double threshold) {
        int[] c = new int[3];
        for (Pair p : pairs) {
            boolean found = p.similarity() >= threshold;
            if (found && p.duplicate()) {
                c[0]++;
            } else if (found) {
                c[1]++;
            } else if (p.duplicate()) {
                c[2]++;
            }
        }
        return c;
    }
}
