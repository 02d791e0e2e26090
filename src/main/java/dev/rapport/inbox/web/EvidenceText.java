package dev.rapport.inbox.web;

import dev.rapport.inbox.classification.Evidence;
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

    private final MessageSource messages;

    EvidenceText(MessageSource messages) {
        this.messages = messages;
    }

    public String text(String stored) {
        return Arrays.stream(stored.split(Evidence.SEPARATOR))
                .map(this::cue)
                .collect(Collectors.joining(message("inbox.evidence.separator")));
    }

    private String cue(String stored) {
        int arrow = stored.lastIndexOf(Evidence.ARROW);
        if (arrow < 0) {
            return stored;
        }
        String cue = stored.substring(0, arrow);
        String supports = stored.substring(arrow + Evidence.ARROW.length());
        if (cue.startsWith(Evidence.POLICY_SCREEN)) {
            String category = cue.substring(Evidence.POLICY_SCREEN.length());
            cue = message(
                    "inbox.evidence.policy-screen",
                    messages.getMessage(
                            "screening.category." + category, null, category, LocaleContextHolder.getLocale()));
        }
        String[] kind = supports.split(":", 2);
        String decision = kind.length == 2 && ("intent".equals(kind[0]) || "sentiment".equals(kind[0]))
                ? messages.getMessage(
                        "inbox." + kind[0] + "." + kind[1], null, kind[1], LocaleContextHolder.getLocale())
                : supports;
        return cue + Evidence.ARROW + decision;
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
    }
}
