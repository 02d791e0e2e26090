package dev.rapport.inbox.web;

import dev.rapport.accounts.AccountManagement;
import dev.rapport.accounts.AccountView;
import dev.rapport.accounts.Networks;
import dev.rapport.core.Refusal;
import dev.rapport.inbox.RoutingRule;
import dev.rapport.inbox.RoutingRules;
import dev.rapport.inbox.classification.Intent;
import dev.rapport.inbox.classification.Sentiment;
import dev.rapport.team.Role;
import dev.rapport.team.TeamManagement;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** {@code /inbox/rules}: admins list, add, edit, enable or disable, move and delete routing rules. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class RoutingRulesController {

    private final RoutingRules rules;
    private final TeamManagement team;
    private final AccountManagement accounts;
    private final TeamNames names;
    private final MessageSource messages;

    RoutingRulesController(
            RoutingRules rules,
            TeamManagement team,
            AccountManagement accounts,
            TeamNames names,
            MessageSource messages) {
        this.rules = rules;
        this.team = team;
        this.accounts = accounts;
        this.names = names;
        this.messages = messages;
    }

    @GetMapping("/inbox/rules")
    String list(Model model, Locale locale) {
        var all = rules.all();
        Map<Long, String> handles =
                accounts.accounts().stream().collect(Collectors.toMap(AccountView::id, AccountView::handle));
        model.addAttribute("rules", all);
        model.addAttribute(
                "conditions",
                all.stream().collect(Collectors.toMap(RoutingRule::id, rule -> conditions(rule, handles, locale))));
        model.addAttribute("departmentNames", names.departments());
        model.addAttribute("memberNames", names.members());
        return "inbox/rules";
    }

    @GetMapping("/inbox/rules/new")
    String add(Model model) {
        return form(RuleForm.blank(team.departments().get(0).id()), null, model);
    }

    @GetMapping("/inbox/rules/{id}")
    String edit(@PathVariable long id, Model model) {
        return form(RuleForm.of(rules.rule(id)), id, model);
    }

    @PostMapping("/inbox/rules")
    String add(@ModelAttribute RuleForm rule, Model model, RedirectAttributes redirect, Locale locale) {
        return save(rule, null, model, redirect, locale, () -> rules.add(rule.definition()));
    }

    @PostMapping("/inbox/rules/{id}")
    String change(
            @PathVariable long id,
            @ModelAttribute RuleForm rule,
            Model model,
            RedirectAttributes redirect,
            Locale locale) {
        return save(rule, id, model, redirect, locale, () -> rules.change(id, rule.definition()));
    }

    @PostMapping("/inbox/rules/{id}/enabled")
    String enable(@PathVariable long id, @RequestParam boolean enabled, RedirectAttributes redirect, Locale locale) {
        return act(redirect, locale, () -> rules.enable(id, enabled));
    }

    @PostMapping("/inbox/rules/{id}/move")
    String move(@PathVariable long id, @RequestParam int by, RedirectAttributes redirect, Locale locale) {
        return act(redirect, locale, () -> rules.move(id, by));
    }

    @PostMapping("/inbox/rules/{id}/delete")
    String delete(@PathVariable long id, RedirectAttributes redirect, Locale locale) {
        return act(redirect, locale, () -> rules.remove(id));
    }

    private String save(
            RuleForm rule,
            Long id,
            Model model,
            RedirectAttributes redirect,
            Locale locale,
            Supplier<RoutingRule> save) {
        try {
            save.get();
        } catch (Refusal refusal) {
            model.addAttribute("refusal", messages.getMessage(refusal.messageKey(), refusal.arguments(), locale));
            return form(rule, id, model);
        }
        redirect.addFlashAttribute("saved", true);
        return "redirect:/inbox/rules";
    }

    private String act(RedirectAttributes redirect, Locale locale, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("saved", true);
        } catch (Refusal refusal) {
            redirect.addFlashAttribute(
                    "refusal", messages.getMessage(refusal.messageKey(), refusal.arguments(), locale));
        }
        return "redirect:/inbox/rules";
    }

    private String form(RuleForm rule, Long id, Model model) {
        model.addAttribute("rule", rule);
        model.addAttribute("ruleId", id);
        model.addAttribute("intents", Intent.values());
        model.addAttribute("sentiments", Sentiment.values());
        model.addAttribute("networks", Networks.CODES);
        model.addAttribute("accounts", accounts.accounts());
        model.addAttribute("languages", RoutingRules.LANGUAGES);
        model.addAttribute("strategies", RoutingRule.Strategy.values());
        model.addAttribute("departmentNames", names.departments());
        model.addAttribute(
                "responders",
                team.members().stream()
                        .filter(member -> member.active() && member.role() != Role.VIEWER)
                        .filter(member -> member.departmentId() != null)
                        .toList());
        return "inbox/rule";
    }

    /** The rule's conditions in the member's words, e.g. "About: Billing · Keywords: refund". */
    private String conditions(RoutingRule rule, Map<Long, String> handles, Locale locale) {
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("inbox.rules.intents", join(rule.intents().stream().map(i -> "inbox.intent." + i), locale));
        parts.put("inbox.rules.sentiments", join(rule.sentiments().stream().map(s -> "inbox.sentiment." + s), locale));
        parts.put("inbox.rules.networks", join(rule.networks().stream().map(n -> "network." + n), locale));
        parts.put(
                "inbox.rules.accounts",
                rule.accountIds().stream()
                        .map(id -> handles.getOrDefault(id, String.valueOf(id)))
                        .sorted()
                        .collect(Collectors.joining(", ")));
        parts.put("inbox.rules.keywords", String.join(", ", rule.keywords()));
        parts.put(
                "inbox.rules.languages", join(rule.languages().stream().map(l -> "inbox.rules.language." + l), locale));
        parts.put("inbox.rules.author", rule.author() == null ? "" : "@" + rule.author());
        String text = parts.entrySet().stream()
                .filter(part -> !part.getValue().isEmpty())
                .map(part -> messages.getMessage(part.getKey(), null, locale) + ": " + part.getValue())
                .collect(Collectors.joining(" · "));
        return text.isEmpty() ? messages.getMessage("inbox.rules.any", null, locale) : text;
    }

    private String join(Stream<String> keys, Locale locale) {
        return keys.map(key -> messages.getMessage(key, null, key, locale))
                .sorted()
                .collect(Collectors.joining(", "));
    }
}
