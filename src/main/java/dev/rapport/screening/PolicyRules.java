package dev.rapport.screening;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The screening part of the policy: for each category the action per severity, and the workspace's
 * own terms (confidential project names, competitors) with theirs.
 */
public record PolicyRules(
        @NotNull Map<Category, SeverityActions> categories,
        @NotNull @Valid @Size(max = 500) List<Term> terms) {

    /** What to do when a finding is of high, medium or low severity. */
    public record SeverityActions(
            @NotNull Action high,
            @NotNull Action medium,
            @NotNull Action low) {

        public Action at(Severity severity) {
            return switch (severity) {
                case HIGH -> high;
                case MEDIUM -> medium;
                case LOW -> low;
            };
        }
    }

    /** A word or phrase of the workspace's own, matched as a whole word (English) or as written (Chinese). */
    public record Term(
            @NotBlank @Size(max = 100) String text,
            @NotNull Action action,
            @Nullable @Size(max = 300) String note) {}

    public PolicyRules {
        Map<Category, SeverityActions> complete = new EnumMap<>(Category.class);
        complete.putAll(DEFAULT_ACTIONS);
        if (categories != null) {
            // An incomplete rule keeps the default for what it leaves out: a screen never meets a null.
            categories.forEach((category, actions) -> {
                if (category != null && actions != null) {
                    SeverityActions fallback = DEFAULT_ACTIONS.get(category);
                    complete.put(
                            category,
                            new SeverityActions(
                                    actions.high() == null ? fallback.high() : actions.high(),
                                    actions.medium() == null ? fallback.medium() : actions.medium(),
                                    actions.low() == null ? fallback.low() : actions.low()));
                }
            });
        }
        categories = Map.copyOf(complete);
        terms = terms == null ? List.of() : List.copyOf(terms);
    }

    private static final Map<Category, SeverityActions> DEFAULT_ACTIONS = defaultActions();

    private static Map<Category, SeverityActions> defaultActions() {
        Map<Category, SeverityActions> actions = new EnumMap<>(Category.class);
        for (Category category : Category.values()) {
            actions.put(category, new SeverityActions(Action.BLOCK, Action.HOLD, Action.WARN));
        }
        return actions;
    }

    /** Strict by default: high-severity findings block, medium ones wait for approval, low ones warn. */
    public static PolicyRules defaults() {
        return new PolicyRules(defaultActions(), List.of());
    }

    public Action action(Category category, Severity severity) {
        return categories.get(category).at(severity);
    }
}
