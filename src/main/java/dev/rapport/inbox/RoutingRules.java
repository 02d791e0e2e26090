package dev.rapport.inbox;

import dev.rapport.accounts.AccountManagement;
import dev.rapport.accounts.Networks;
import dev.rapport.core.Refusal;
import dev.rapport.inbox.classification.Intent;
import dev.rapport.inbox.classification.Sentiment;
import dev.rapport.inbox.domain.RoutingRuleRecords;
import dev.rapport.team.Actor;
import dev.rapport.team.MemberView;
import dev.rapport.team.Role;
import dev.rapport.team.TeamManagement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Admins edit the routing rules: add, change, enable or disable, delete and reorder them. Only
 * admins, as in Sprout Social ("Manage Profiles" company permission) and Hootsuite ("Manage
 * Automation", an organisation permission): a rule moves every department's work, so it is a
 * workspace setting, not a lead's. Every change is validated, audited, and reaches routing at once
 * on this node ({@link Routing#CACHE_TTL} on the others).
 */
@Service
public class RoutingRules {

    public static final int MAX_RULES = 200;
    public static final int MAX_NAME = 200;
    public static final int MAX_KEYWORDS = 30;
    public static final int MAX_KEYWORD = 60;
    public static final int MAX_ACCOUNTS = 50;
    public static final int MAX_AUTHOR = 300;
    /** The languages classification tells apart. */
    public static final List<String> LANGUAGES = List.of("zh", "en", "mixed");

    /**
     * What a rule says, as a member writes it. Absent conditions are no conditions; no strategy is
     * least loaded; a new rule is enabled unless it says otherwise.
     */
    public record Definition(
            String name,
            @Nullable Set<Intent> intents,
            @Nullable Set<Sentiment> sentiments,
            @Nullable Set<String> networks,
            @Nullable Set<Long> accountIds,
            @Nullable List<String> keywords,
            @Nullable Set<String> languages,
            @Nullable String author,
            long departmentId,
            @Nullable Long assigneeId,
            RoutingRule.@Nullable Strategy strategy,
            @Nullable Boolean enabled) {}

    private final RoutingRuleRecords records;
    private final TeamManagement team;
    private final AccountManagement accounts;
    private final ApplicationEventPublisher events;

    RoutingRules(
            RoutingRuleRecords records,
            TeamManagement team,
            AccountManagement accounts,
            ApplicationEventPublisher events) {
        this.records = records;
        this.team = team;
        this.accounts = accounts;
        this.events = events;
    }

    /** Every rule, disabled ones too, in order. */
    @Transactional(readOnly = true)
    public List<RoutingRule> all() {
        return records.all();
    }

    @Transactional(readOnly = true)
    public RoutingRule rule(long id) {
        return records.find(id).orElseThrow(() -> Refusal.notFound("inbox.rule.not-found", String.valueOf(id)));
    }

    /** Adds a rule after the last one. */
    @Transactional
    public RoutingRule add(Definition definition) {
        Actor actor = requireAdmin();
        RoutingRule rule = valid(0, 0, definition);
        if (records.count() >= MAX_RULES) {
            throw Refusal.conflict("inbox.rule.too-many", MAX_RULES);
        }
        long id = records.insert(rule);
        return changed(actor, "created", id);
    }

    @Transactional
    public RoutingRule change(long id, Definition definition) {
        Actor actor = requireAdmin();
        records.update(valid(id, rule(id).position(), definition));
        return changed(actor, "changed", id);
    }

    @Transactional
    public RoutingRule enable(long id, boolean enabled) {
        Actor actor = requireAdmin();
        rule(id);
        records.enable(id, enabled);
        return changed(actor, enabled ? "enabled" : "disabled", id);
    }

    @Transactional
    public void remove(long id) {
        Actor actor = requireAdmin();
        RoutingRule rule = rule(id);
        records.delete(id);
        events.publishEvent(InboxSettingsChanged.by(actor, "inbox.rule-deleted", "routing-rule:" + id, rule.name()));
    }

    /**
     * Puts the rules in this order. The list names every rule once, so that an admin who reorders
     * what they saw does not silently misplace a rule someone else added meanwhile.
     */
    @Transactional
    public List<RoutingRule> reorder(List<Long> ids) {
        Actor actor = requireAdmin();
        List<RoutingRule> all = records.all();
        Set<Long> existing = new HashSet<>(all.stream().map(RoutingRule::id).toList());
        if (ids.size() != existing.size() || !existing.equals(new HashSet<>(ids))) {
            throw Refusal.conflict("inbox.rule.order-invalid");
        }
        for (int i = 0; i < ids.size(); i++) {
            records.place(ids.get(i), i + 1);
        }
        events.publishEvent(InboxSettingsChanged.by(actor, "inbox.rule-reordered", "routing-rules", ids.toString()));
        return records.all();
    }

    /** Moves a rule {@code by} places up (negative) or down (positive). */
    @Transactional
    public List<RoutingRule> move(long id, int by) {
        List<Long> ids =
                new ArrayList<>(records.all().stream().map(RoutingRule::id).toList());
        int from = ids.indexOf(rule(id).id());
        int to = Math.max(0, Math.min(ids.size() - 1, from + by));
        ids.add(to, ids.remove(from));
        return reorder(ids);
    }

    private RoutingRule changed(Actor actor, String change, long id) {
        RoutingRule rule = rule(id);
        events.publishEvent(
                InboxSettingsChanged.by(actor, "inbox.rule-" + change, "routing-rule:" + id, describe(rule)));
        return rule;
    }

    private static String describe(RoutingRule rule) {
        return rule.name() + " → department:" + rule.departmentId()
                + (rule.assigneeId() == null ? "" : " member:" + rule.assigneeId()) + " " + rule.strategy()
                + (rule.enabled() ? "" : " (disabled)");
    }

    private RoutingRule valid(long id, int position, Definition d) {
        String name = d.name() == null ? "" : d.name().strip();
        if (name.isEmpty() || name.length() > MAX_NAME) {
            throw Refusal.invalid("inbox.rule.name-invalid", MAX_NAME);
        }
        LinkedHashSet<String> keywords = new LinkedHashSet<>();
        for (String keyword : d.keywords() == null ? List.<String>of() : d.keywords()) {
            String stripped = keyword == null ? "" : keyword.strip();
            if (stripped.length() > MAX_KEYWORD || stripped.contains(",")) {
                throw Refusal.invalid("inbox.rule.keywords-invalid", MAX_KEYWORDS, MAX_KEYWORD);
            }
            if (!stripped.isEmpty()) {
                keywords.add(stripped);
            }
        }
        if (keywords.size() > MAX_KEYWORDS) {
            throw Refusal.invalid("inbox.rule.keywords-invalid", MAX_KEYWORDS, MAX_KEYWORD);
        }
        Set<String> networks = orEmpty(d.networks());
        networks.stream()
                .filter(network -> !Networks.CODES.contains(network))
                .findFirst()
                .ifPresent(network -> {
                    throw Refusal.invalid("inbox.rule.network-unknown", network);
                });
        Set<Long> accountIds = orEmpty(d.accountIds());
        if (accountIds.size() > MAX_ACCOUNTS) {
            throw Refusal.invalid("inbox.rule.accounts-too-many", MAX_ACCOUNTS);
        }
        accountIds.stream()
                .filter(account -> accounts.find(account).isEmpty())
                .findFirst()
                .ifPresent(account -> {
                    throw Refusal.invalid("inbox.rule.account-unknown", String.valueOf(account));
                });
        Set<String> languages = orEmpty(d.languages());
        if (!LANGUAGES.containsAll(languages)) {
            throw Refusal.invalid("inbox.rule.language-unknown", String.join(", ", LANGUAGES));
        }
        String author = d.author() == null ? "" : d.author().strip();
        author = author.startsWith("@") ? author.substring(1).strip() : author;
        if (author.length() > MAX_AUTHOR) {
            throw Refusal.invalid("inbox.rule.author-invalid", MAX_AUTHOR);
        }
        if (team.departments().stream().noneMatch(department -> department.id() == d.departmentId())) {
            throw Refusal.invalid("department.not-found", String.valueOf(d.departmentId()));
        }
        if (d.assigneeId() != null) {
            MemberView assignee = team.members().stream()
                    .filter(member -> member.id() == d.assigneeId())
                    .findFirst()
                    .orElseThrow(() -> Refusal.invalid("inbox.rule.assignee-invalid", String.valueOf(d.assigneeId())));
            if (!assignee.active()
                    || assignee.role() == Role.VIEWER
                    || !Long.valueOf(d.departmentId()).equals(assignee.departmentId())) {
                throw Refusal.invalid("inbox.rule.assignee-invalid", assignee.name());
            }
        }
        return new RoutingRule(
                id,
                position,
                name,
                orEmpty(d.intents()),
                orEmpty(d.sentiments()),
                networks,
                accountIds,
                List.copyOf(keywords),
                languages,
                author.isEmpty() ? null : author,
                d.departmentId(),
                d.assigneeId(),
                d.strategy() == null ? RoutingRule.Strategy.LEAST_LOADED : d.strategy(),
                d.enabled() == null || d.enabled());
    }

    private static <T> Set<T> orEmpty(@Nullable Set<T> values) {
        return values == null ? Set.of() : Set.copyOf(values);
    }

    private static Actor requireAdmin() {
        Actor actor = Actor.current();
        if (!actor.is(Role.ADMIN)) {
            throw Refusal.forbidden("error.forbidden");
        }
        return actor;
    }
}
