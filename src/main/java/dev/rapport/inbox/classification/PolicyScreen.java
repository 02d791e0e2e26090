package dev.rapport.inbox.classification;

import dev.rapport.screening.Category;
import dev.rapport.screening.PolicyRules;
import dev.rapport.screening.ScreeningEngine;
import dev.rapport.screening.Severity;
import dev.rapport.screening.Verdict;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Abuse as the policy screen sees it: insults, harassment, threats and hate in either language,
 * found by the screening module's engine under the default policy (its lexicon with context and its
 * classifiers). Profanity and sexual content alone are not abuse here: "this is fucking broken" is a
 * complaint. Only the first {@value #WINDOW} chars are screened, so a huge text costs what a post does.
 */
final class PolicyScreen {

    static final int WINDOW = 2_000;

    private static final Set<Category> ABUSIVE = EnumSet.of(
            Category.OFFENSIVE,
            Category.DEROGATORY,
            Category.SEXIST,
            Category.RACIST,
            Category.RELIGIOUS_OFFENSIVE,
            Category.DISCRIMINATORY);

    private final ScreeningEngine engine;

    PolicyScreen(ScreeningEngine engine) {
        this.engine = engine;
    }

    static PolicyScreen standard() {
        return new PolicyScreen(new ScreeningEngine(PolicyRules.defaults()));
    }

    /**
     * Points for abuse and their evidence. A high-severity finding counts 3, enough on its own; a
     * lower one counts 1.5 and needs an abuse cue as well: the screen's classifiers alone, tuned to
     * hold posts for review, find "offence" in n-grams of ordinary comments ("Shoutout", "漆都").
     */
    Found abuse(String text) {
        int cut = text.length() > WINDOW && Character.isHighSurrogate(text.charAt(WINDOW - 1)) ? WINDOW - 1 : WINDOW;
        String screened = text.length() > WINDOW ? text.substring(0, cut) : text;
        Verdict verdict = engine.screen(screened, null);
        List<Evidence> evidence = new ArrayList<>();
        double points = 0;
        for (Verdict.Finding finding : verdict.findings()) {
            if (!ABUSIVE.contains(finding.category())) {
                continue;
            }
            points = Math.max(points, finding.severity() == Severity.HIGH ? 3 : 1.5);
            for (Verdict.Span span : finding.spans()) {
                evidence.add(new Evidence(
                        screened.substring(span.start(), span.end()), span.start(), span.end(), "intent:ABUSE"));
            }
            if (finding.spans().isEmpty()) {
                evidence.add(
                        new Evidence(Evidence.POLICY_SCREEN + finding.category().code(), 0, 0, "intent:ABUSE"));
            }
        }
        return new Found(points, evidence);
    }

    record Found(double points, List<Evidence> evidence) {}
}
