package dev.rapport.inbox;

import dev.rapport.inbox.classification.Intent;
import dev.rapport.inbox.classification.Sentiment;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One routing rule: every condition that is set must hold (an empty list is no condition); the
 * first rule that matches, in order, assigns the department and — if it names none — a person in
 * it by its strategy.
 *
 * @param keywords any of them in the text (case-insensitive)
 * @param author the author's handle, exactly
 * @param enabled whether routing uses it; a disabled rule keeps its place
 */
public record RoutingRule(
        long id,
        int position,
        String name,
        Set<Intent> intents,
        Set<Sentiment> sentiments,
        Set<String> networks,
        Set<Long> accountIds,
        List<String> keywords,
        Set<String> languages,
        @Nullable String author,
        long departmentId,
        @Nullable Long assigneeId,
        Strategy strategy,
        boolean enabled) {

    public enum Strategy {
        ROUND_ROBIN,
        LEAST_LOADED
    }

    /** What a rule looks at. */
    public record Subject(
            Intent intent,
            Sentiment sentiment,
            String network,
            long accountId,
            String text,
            String language,
            String authorHandle) {}

    public boolean matches(Subject subject) {
        String text = subject.text().toLowerCase(Locale.ROOT);
        return (intents.isEmpty() || intents.contains(subject.intent()))
                && (sentiments.isEmpty() || sentiments.contains(subject.sentiment()))
                && (networks.isEmpty() || networks.contains(subject.network()))
                && (accountIds.isEmpty() || accountIds.contains(subject.accountId()))
                && (keywords.isEmpty()
                        || keywords.stream().anyMatch(keyword -> text.contains(keyword.toLowerCase(Locale.ROOT))))
                && (languages.isEmpty() || languages.contains(subject.language()))
                && (author == null || author.equalsIgnoreCase(subject.authorHandle()));
    }
}
