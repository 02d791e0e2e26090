package dev.rapport.inbox.web;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * A message's classification evidence in the member's language. It is kept as the classifier wrote
 * it, {@code cue → intent:BILLING; cue → sentiment:NEGATIVE}, and shown as {@code cue → 账单; cue →
 * 负面}; a cue from the policy screen ({@code policy screen: obscene}) is named by its category.
 */
@Component("evidence")
class EvidenceText {

    static final String POLICY_SCREEN = "policy screen: ";

    private final MessageSource messages;

    EvidenceText(MessageSource messages) {
        this.messages = messages;
    }

    public String text(String stored) {
        return Arrays.stream(stored.split("; "))
                .map(this::cue)
                .collect(Collectors.joining(message("inbox.evidence.separator")));
    }

    private String cue(String stored) {
        int arrow = stored.lastIndexOf(" → ");
        if (arrow < 0) {
            return stored;
        }
        String cue = stored.substring(0, arrow);
        if (cue.startsWith(POLICY_SCREEN)) {
            String category = cue.substring(POLICY_SCREEN.length());
            cue = message(
                    "inbox.evidence.policy-screen",
                    messages.getMessage(
                            "screening.category." + category, null, category, LocaleContextHolder.getLocale()));
        }
        String[] supports = stored.substring(arrow + 3).split(":", 2);
        String decision = supports.length == 2 && ("intent".equals(supports[0]) || "sentiment".equals(supports[0]))
                ? messages.getMessage(
                        "inbox." + supports[0] + "." + supports[1], null, supports[1], LocaleContextHolder.getLocale())
                : stored.substring(arrow + 3);
        return cue + " → " + decision;
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
    }
}
