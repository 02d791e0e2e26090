package dev.rapport.inbox.classification;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Sentiment and intent of an inbox item, in Chinese and English, from documented cues ({@code
 * cues-en.tsv}, {@code cues-zh.tsv} beside this class's package in the resources) and the policy
 * screen for abuse; every decision comes with the spans of the original text that support it.
 * Thread-safe and without Spring; {@link #standard()} is shared.
 *
 * <p>The intent, in this order: abuse (the screen finds insults, threats or hate, or an abuse cue
 * scores 3), spam (3 points), billing (3 points: a billing complaint goes to billing), else the
 * specific intent with the most points if it has 2 (ties: complaint, purchase intent, product
 * feedback, praise), else a question, else {@link Intent#OTHER}. The sentiment: positive minus
 * negative cue points, pushed by the intent (complaints and abuse negative, praise positive);
 * spam is neutral. docs/inbox.md has the method and the measured figures.
 */
public final class Classifier {

    private static final int MAX_EVIDENCE = 20;
    private static final List<Intent> SPECIFIC =
            List.of(Intent.BILLING, Intent.COMPLAINT, Intent.PURCHASE_INTENT, Intent.PRODUCT_FEEDBACK, Intent.PRAISE);

    private final CueBook cues;
    private final @Nullable PolicyScreen screen;

    Classifier(CueBook cues, @Nullable PolicyScreen screen) {
        this.cues = cues;
        this.screen = screen;
    }

    /** The cues shipped with Rapport and the policy screen under its default rules. */
    public static Classifier standard() {
        return Standard.INSTANCE;
    }

    /** Cues only: for measuring what the screen adds. */
    static Classifier cuesOnly() {
        return new Classifier(Standard.CUES, null);
    }

    public Classification classify(String text) {
        FoldedText folded = FoldedText.of(text);
        CueScores scores = CueScores.of(folded, cues.find(folded.text()));
        double[] points = scores.intents;
        List<Evidence> abuse = new ArrayList<>(scores.intentEvidence.get(Intent.ABUSE.ordinal()));
        if (screen != null && !text.isBlank()) {
            PolicyScreen.Found screened = screen.abuse(text);
            points[Intent.ABUSE.ordinal()] += screened.points();
            abuse.addAll(screened.evidence());
        }
        Intent intent = intent(points, scores.positive, scores.negative);
        List<Evidence> evidence =
                new ArrayList<>(intent == Intent.ABUSE ? abuse : scores.intentEvidence.get(intent.ordinal()));

        double feeling = scores.positive
                - scores.negative
                + switch (intent) {
                    case ABUSE -> -3;
                    case COMPLAINT -> -1.5;
                    case BILLING -> points[Intent.COMPLAINT.ordinal()] >= 1 ? -1.5 : 0;
                    case PRAISE -> 1.5;
                    default -> 0;
                };
        Sentiment sentiment = intent == Intent.SPAM
                ? Sentiment.NEUTRAL
                : feeling >= 1 ? Sentiment.POSITIVE : feeling <= -1 ? Sentiment.NEGATIVE : Sentiment.NEUTRAL;
        if (sentiment == Sentiment.POSITIVE) {
            evidence.addAll(scores.positiveEvidence);
        } else if (sentiment == Sentiment.NEGATIVE) {
            evidence.addAll(scores.negativeEvidence);
        }
        evidence = new ArrayList<>(new java.util.LinkedHashSet<>(evidence)); // two cues, one span: shown once
        evidence.sort(Comparator.comparingInt(Evidence::start));
        if (evidence.size() > MAX_EVIDENCE) {
            evidence = evidence.subList(0, MAX_EVIDENCE);
        }
        return new Classification(sentiment, intent, confidence(intent, points), evidence, Languages.of(folded.text()));
    }

    private static Intent intent(double[] points, double positive, double negative) {
        if (points[Intent.ABUSE.ordinal()] >= 3) {
            return Intent.ABUSE;
        }
        if (points[Intent.SPAM.ordinal()] >= 3) {
            return Intent.SPAM;
        }
        if (points[Intent.BILLING.ordinal()] >= 3) {
            return Intent.BILLING;
        }
        Intent best = null;
        for (Intent candidate : SPECIFIC) {
            double score = points[candidate.ordinal()];
            if (score >= 2 && (best == null || score > points[best.ordinal()])) {
                best = candidate;
            }
        }
        if (best != null) {
            return best;
        }
        boolean question = points[Intent.QUESTION.ordinal()] >= 1;
        if (question) {
            // a question about a price or an invoice is that, not a general question
            for (Intent candidate : SPECIFIC) {
                double score = points[candidate.ordinal()];
                if (score >= 1 && (best == null || score > points[best.ordinal()])) {
                    best = candidate;
                }
            }
            if (best != null) {
                return best;
            }
        }
        // no cue for an intent, but a strong feeling: "the new update is 🔥🔥🔥", "Seriously?? …"
        if (negative >= 2 && negative > positive) {
            return Intent.COMPLAINT;
        }
        if (positive >= 2 && positive > negative) {
            return Intent.PRAISE;
        }
        return question ? Intent.QUESTION : Intent.OTHER;
    }

    /** The chosen intent's points against the runner-up's: t / (t + r + 1); OTHER 0.5 / (1 + r). */
    private static double confidence(Intent intent, double[] points) {
        double top = points[intent.ordinal()];
        double runnerUp = 0;
        for (Intent other : Intent.values()) {
            if (other != intent) {
                runnerUp = Math.max(runnerUp, points[other.ordinal()]);
            }
        }
        double confidence = intent == Intent.OTHER ? 0.5 / (1 + runnerUp) : top / (top + runnerUp + 1);
        return Math.round(confidence * 100) / 100.0;
    }

    private static final class Standard {
        static final CueBook CUES = CueBook.load("/dev/rapport/inbox/cues-en.tsv", "/dev/rapport/inbox/cues-zh.tsv");
        static final Classifier INSTANCE = new Classifier(CUES, PolicyScreen.standard());
    }
}
