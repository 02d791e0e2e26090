package dev.rapport.inbox.classification;

import dev.rapport.inbox.classification.CueBook.Hit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The points the cues of one text give each intent and each direction of sentiment, with the
 * evidence behind them. Each cue counts once. A sentiment (or praise/complaint) cue right after a
 * negation turns around: "not happy", "不喜欢" count as negative, "not broken" as no complaint; a
 * negated negative counts half as positive. An intensifier right before a sentiment cue makes it
 * count 1.5 times.
 */
final class CueScores {

    private static final int INTENTS = Intent.values().length;

    final double[] intents = new double[INTENTS];
    final List<List<Evidence>> intentEvidence = new ArrayList<>(INTENTS);
    double positive;
    double negative;
    final List<Evidence> positiveEvidence = new ArrayList<>();
    final List<Evidence> negativeEvidence = new ArrayList<>();

    private CueScores() {
        for (int i = 0; i < INTENTS; i++) {
            intentEvidence.add(new ArrayList<>());
        }
    }

    static CueScores of(FoldedText text, List<Hit> hits) {
        CueScores scores = new CueScores();
        Set<CueBook.Cue> counted = new HashSet<>();
        Hit negation = null;
        Hit intensifier = null;
        for (Hit hit : hits) {
            String kind = hit.cue().kind();
            if (kind.equals("NEGATION")) {
                negation = hit;
                continue;
            }
            if (kind.equals("INTENSIFIER")) {
                intensifier = hit;
                continue;
            }
            if (kind.equals("NEUTRAL") || !counted.add(hit.cue())) {
                continue;
            }
            boolean sentiment = kind.equals("POSITIVE") || kind.equals("NEGATIVE");
            boolean turns = sentiment || kind.equals("PRAISE") || kind.equals("COMPLAINT");
            boolean negated = turns && close(text.text(), negation, hit, 3);
            double weight = hit.cue().weight();
            if (sentiment && close(text.text(), intensifier, hit, 2)) {
                weight *= 1.5;
            }
            int start = negated ? negation.start() : hit.start();
            switch (kind) {
                case "POSITIVE" -> {
                    if (negated) {
                        scores.negative += weight;
                        scores.negativeEvidence.add(evidence(text, start, hit.end(), "sentiment:NEGATIVE"));
                    } else {
                        scores.positive += weight;
                        scores.positiveEvidence.add(evidence(text, start, hit.end(), "sentiment:POSITIVE"));
                    }
                }
                case "NEGATIVE" -> {
                    if (negated) {
                        scores.positive += weight / 2;
                        scores.positiveEvidence.add(evidence(text, start, hit.end(), "sentiment:POSITIVE"));
                    } else {
                        scores.negative += weight;
                        scores.negativeEvidence.add(evidence(text, start, hit.end(), "sentiment:NEGATIVE"));
                    }
                }
                default -> {
                    if (!negated) {
                        Intent intent = Intent.valueOf(kind);
                        scores.intents[intent.ordinal()] += weight;
                        scores.intentEvidence
                                .get(intent.ordinal())
                                .add(evidence(text, hit.start(), hit.end(), "intent:" + intent));
                    }
                }
            }
        }
        return scores;
    }

    /**
     * Whether a negation or intensifier applies to the cue after it: nothing but a few words (English)
     * or two characters (Chinese) between them, and no punctuation.
     */
    private static boolean close(String folded, Hit modifier, Hit hit, int words) {
        if (modifier == null || modifier.end() > hit.start()) {
            return false;
        }
        int gap = hit.start() - modifier.end();
        if (gap > 24) {
            return false;
        }
        int spaces = 0;
        boolean latin = false;
        for (int i = modifier.end(); i < hit.start(); i++) {
            char c = folded.charAt(i);
            if (c == ' ') {
                spaces++;
            } else if (CueBook.isWordChar(c)) {
                latin = true;
            } else if (!Character.isLetter(c)) {
                return false;
            }
        }
        return latin || spaces > 0 ? spaces <= words : gap <= 2;
    }

    private static Evidence evidence(FoldedText text, int start, int end, String supports) {
        int from = text.originalStart(start);
        int to = text.originalEnd(end);
        return new Evidence(text.original().substring(from, to), from, to, supports);
    }
}
