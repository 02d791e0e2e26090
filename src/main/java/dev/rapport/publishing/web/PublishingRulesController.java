package dev.rapport.publishing.web;

import dev.rapport.accounts.AccountManagement;
import dev.rapport.core.Refusal;
import dev.rapport.publishing.ApprovalRule;
import dev.rapport.publishing.PublishingRules;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The workspace's publishing rules: leads read them, admins change them. */
@Controller
@PreAuthorize("hasAnyRole('ADMIN','LEAD')")
class PublishingRulesController {

    private final PublishingRules rules;
    private final AccountManagement accounts;
    private final MessageSource messages;

    PublishingRulesController(PublishingRules rules, AccountManagement accounts, MessageSource messages) {
        this.rules = rules;
        this.accounts = accounts;
        this.messages = messages;
    }

    @GetMapping("/publishing/rules")
    String page(Model model) {
        model.addAttribute("rules", rules.rules());
        model.addAttribute("approvalRules", ApprovalRule.values());
        model.addAttribute("accounts", accounts.inUse());
        return "publishing/rules";
    }

    @PostMapping("/publishing/rules")
    @PreAuthorize("hasRole('ADMIN')")
    String change(
            @RequestParam ApprovalRule approval,
            @RequestParam(name = "account", required = false) @Nullable List<Long> approvalAccounts,
            @RequestParam int promotionalMax,
            @RequestParam int automationMax,
            RedirectAttributes redirect,
            Locale locale) {
        try {
            rules.change(new PublishingRules.Rules(
                    approval, approvalAccounts == null ? List.of() : approvalAccounts, promotionalMax, automationMax));
            redirect.addFlashAttribute("saved", true);
        } catch (Refusal refusal) {
            redirect.addFlashAttribute(
                    "refusal", messages.getMessage(refusal.messageKey(), refusal.arguments(), locale));
        }
        return "redirect:/publishing/rules";
    }
}
