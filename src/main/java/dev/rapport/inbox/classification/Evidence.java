package dev.rapport.inbox.classification;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A cue in the text that supports a decision.
 *
 * @param start the cue's first char in the original text (UTF-16)
 * @param end the char after it
 * @param supports what it supports, e.g. {@code intent:BILLING} or {@code sentiment:NEGATIVE}
 */
public record Evidence(String cue, int start, int end, String supports) {

    /** Between a cue and what it supports, as a message's evidence is kept. */
    public static final String ARROW = " → ";
    /** Between the cues of a message's evidence, as kept. */
    public static final String SEPARATOR = "; ";
    /** Leads the cue of a policy-screen finding without a span, before the category's code. */
    public static final String POLICY_SCREEN = "policy screen: ";

    /** A message's evidence as it is kept: {@code cue → intent:BILLING; cue → sentiment:NEGATIVE}. */
    public static String stored(List<Evidence> evidence) {
        return evidence.stream()
                .map(cue -> cue.cue() + ARROW + cue.supports())
                .distinct()
                .collect(Collectors.joining(SEPARATOR));
    }
}
