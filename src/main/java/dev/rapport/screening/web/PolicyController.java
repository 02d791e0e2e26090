package dev.rapport.screening.web;

import dev.rapport.core.Refusal;
import dev.rapport.screening.Action;
import dev.rapport.screening.Category;
import dev.rapport.screening.Policies;
import dev.rapport.screening.Policies.PublishPolicy;
import dev.rapport.screening.PolicyRules;
import dev.rapport.screening.PolicyRules.SeverityActions;
import dev.rapport.screening.PolicyRules.Term;
import dev.rapport.screening.PolicyView;
import dev.rapport.team.Actor;
import dev.rapport.team.Role;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The policy page: read and acknowledge it; leads and admins see who has; admins publish versions. */
@Controller
class PolicyController {

    private final Policies policies;
    private final MessageSource messages;
    private final Validator validator;

    PolicyController(Policies policies, MessageSource messages, Validator validator) {
        this.policies = policies;
        this.messages = messages;
        this.validator = validator;
    }

    @GetMapping("/policy")
    String policy(Model model) {
        Actor actor = Actor.current();
        PolicyView current = policies.current();
        model.addAttribute("policy", current);
        model.addAttribute("acknowledged", policies.acknowledgedCurrent(actor.requireMemberId()));
        model.addAttribute("enforced", policies.enforced());
        if (actor.is(Role.ADMIN) || actor.is(Role.LEAD)) {
            model.addAttribute("acknowledgements", policies.acknowledgements());
        }
        return "screening/policy";
    }

    @PostMapping("/policy/acknowledge")
    String acknowledge(@RequestParam(required = false) Integer version) {
        try {
            policies.acknowledge(version);
        } catch (Refusal newerVersion) {
            return "redirect:/policy";
        }
        // On to where the member was going: the policy was shown first.
        return "redirect:/";
    }

    @PostMapping("/policy/enforcement")
    String enforcement(@RequestParam boolean enforced) {
        policies.enforce(enforced);
        return "redirect:/policy";
    }

    @GetMapping("/policy/edit")
    String edit(Model model) {
        if (!Actor.current().is(Role.ADMIN)) {
            throw Refusal.forbidden("error.forbidden");
        }
        PolicyView current = policies.current();
        if (!model.containsAttribute("textEn")) {
            model.addAttribute("textEn", current.textEn());
            model.addAttribute("textZh", current.textZh());
            model.addAttribute("terms", terms(current.rules().terms()));
            model.addAttribute("note", "");
        }
        model.addAttribute("rules", current.rules());
        model.addAttribute("categories", Category.values());
        model.addAttribute("actions", Action.values());
        return "screening/policy-edit";
    }

    /**
     * Publishes a new version from the form: the two texts, an action per category and severity
     * ({@code <category>.<high|medium|low>}), and the workspace's terms, one per line as
     * {@code term | action | note}.
     */
    @PostMapping("/policy")
    String publish(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect, Locale locale) {
        List<String> errors = new ArrayList<>();
        Map<Category, SeverityActions> categories = new EnumMap<>(Category.class);
        for (Category category : Category.values()) {
            categories.put(
                    category,
                    new SeverityActions(
                            action(form.get(category.code() + ".high"), Action.BLOCK),
                            action(form.get(category.code() + ".medium"), Action.HOLD),
                            action(form.get(category.code() + ".low"), Action.WARN)));
        }
        List<Term> terms = new ArrayList<>();
        String termLines = form.getOrDefault("terms", "");
        int line = 0;
        for (String raw : termLines.split("\\R")) {
            line++;
            if (raw.isBlank()) {
                continue;
            }
            String[] parts = raw.split("\\|", 3);
            Action action = parts.length > 1 ? parseAction(parts[1]) : Action.HOLD;
            if (action == null) {
                errors.add(messages.getMessage("policy.term-invalid", new Object[] {line}, locale));
                continue;
            }
            terms.add(new Term(parts[0].strip(), action, parts.length > 2 ? parts[2].strip() : null));
        }
        PublishPolicy command = new PublishPolicy(
                form.getOrDefault("textEn", ""),
                form.getOrDefault("textZh", ""),
                new PolicyRules(categories, terms),
                form.get("note"));
        Set<ConstraintViolation<PublishPolicy>> violations = validator.validate(command);
        if (!violations.isEmpty()) {
            errors.add(messages.getMessage("policy.invalid", null, locale));
        }
        if (!errors.isEmpty()) {
            model.addAttribute("errors", errors);
            model.addAttribute("textEn", command.textEn());
            model.addAttribute("textZh", command.textZh());
            model.addAttribute("terms", termLines);
            model.addAttribute("note", form.getOrDefault("note", ""));
            return edit(model);
        }
        PolicyView published = policies.publish(command);
        redirect.addFlashAttribute("published", published.version());
        return "redirect:/policy";
    }

    private static String terms(List<Term> terms) {
        StringBuilder lines = new StringBuilder();
        for (Term term : terms) {
            lines.append(term.text()).append(" | ").append(term.action().code());
            if (term.note() != null) {
                lines.append(" | ").append(term.note());
            }
            lines.append('\n');
        }
        return lines.toString();
    }

    private static Action action(String value, Action fallback) {
        Action parsed = value == null ? null : parseAction(value);
        return parsed == null ? fallback : parsed;
    }

    private static Action parseAction(String value) {
        for (Action action : Action.values()) {
            if (action.code().equals(value.strip().toLowerCase(Locale.ROOT))) {
                return action;
            }
        }
        return null;
    }
}
