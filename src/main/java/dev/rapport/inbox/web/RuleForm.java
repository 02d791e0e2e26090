package dev.rapport.inbox.web;

import dev.rapport.inbox.RoutingRule;
import dev.rapport.inbox.RoutingRules;
import dev.rapport.inbox.classification.Intent;
import dev.rapport.inbox.classification.Sentiment;
import java.util.Arrays;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The rule form: unticked boxes arrive as nothing, keywords one per line.
 *
 * @param enabled the box is ticked (an unticked box sends nothing: false)
 */
record RuleForm(
        String name,
        Set<Intent> intents,
        Set<Sentiment> sentiments,
        Set<String> networks,
        Set<Long> accountIds,
        String keywords,
        Set<String> languages,
        String author,
        long departmentId,
        @Nullable Long assigneeId,
        RoutingRule.Strategy strategy,
        Boolean enabled) {

    /** The binder passes null for what the form left out. */
    RuleForm {
        name = name == null ? "" : name;
        intents = intents == null ? Set.of() : intents;
        sentiments = sentiments == null ? Set.of() : sentiments;
        networks = networks == null ? Set.of() : networks;
        accountIds = accountIds == null ? Set.of() : accountIds;
        keywords = keywords == null ? "" : keywords;
        languages = languages == null ? Set.of() : languages;
        author = author == null ? "" : author;
        strategy = strategy == null ? RoutingRule.Strategy.LEAST_LOADED : strategy;
        enabled = Boolean.TRUE.equals(enabled);
    }

    static RuleForm blank(long departmentId) {
        return new RuleForm(
                "",
                Set.of(),
                Set.of(),
                Set.of(),
                Set.of(),
                "",
                Set.of(),
                "",
                departmentId,
                null,
                RoutingRule.Strategy.LEAST_LOADED,
                true);
    }

    static RuleForm of(RoutingRule rule) {
        return new RuleForm(
                rule.name(),
                rule.intents(),
                rule.sentiments(),
                rule.networks(),
                rule.accountIds(),
                String.join("\n", rule.keywords()),
                rule.languages(),
                rule.author() == null ? "" : rule.author(),
                rule.departmentId(),
                rule.assigneeId(),
                rule.strategy(),
                rule.enabled());
    }

    RoutingRules.Definition definition() {
        return new RoutingRules.Definition(
                name,
                intents,
                sentiments,
                networks,
                accountIds,
                Arrays.stream(keywords.split("\\R")).toList(),
                languages,
                author,
                departmentId,
                assigneeId,
                strategy,
                enabled);
    }
}
