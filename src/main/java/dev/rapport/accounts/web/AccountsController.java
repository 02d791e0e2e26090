package dev.rapport.accounts.web;

import dev.rapport.accounts.AccountAccess;
import dev.rapport.accounts.AccountCommands.Decide;
import dev.rapport.accounts.AccountCommands.GrantAccess;
import dev.rapport.accounts.AccountCommands.RequestAccount;
import dev.rapport.accounts.AccountCommands.Reveal;
import dev.rapport.accounts.AccountCommands.StoreSecret;
import dev.rapport.accounts.AccountManagement;
import dev.rapport.accounts.AccountPermission;
import dev.rapport.accounts.Capacity;
import dev.rapport.accounts.CredentialVault;
import dev.rapport.accounts.Networks;
import dev.rapport.accounts.SecretKind;
import dev.rapport.core.Refusal;
import dev.rapport.team.Actor;
import dev.rapport.team.MemberView;
import dev.rapport.team.TeamManagement;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The registry pages: the list with the request form, and one account with decision, grants and vault. */
@Controller
class AccountsController {

    private final AccountManagement accounts;
    private final AccountAccess access;
    private final CredentialVault vault;
    private final TeamManagement team;
    private final Capacity capacity;

    AccountsController(
            AccountManagement accounts,
            AccountAccess access,
            CredentialVault vault,
            TeamManagement team,
            Capacity capacity) {
        this.accounts = accounts;
        this.access = access;
        this.vault = vault;
        this.team = team;
        this.capacity = capacity;
    }

    @GetMapping("/accounts/capacity")
    String capacity(Model model) {
        model.addAttribute("overview", capacity.overview());
        return "accounts/capacity";
    }

    @PostMapping("/accounts/capacity")
    String changeLimit(int limit, Model model) {
        try {
            capacity.changeLimit(limit);
            return "redirect:/accounts/capacity";
        } catch (Refusal refusal) {
            model.addAttribute("refusalKey", refusal.messageKey());
            return capacity(model);
        }
    }

    @ModelAttribute("members")
    Map<Long, MemberView> members() {
        return team.members().stream()
                .collect(Collectors.toMap(
                        MemberView::id, Function.identity(), (a, b) -> a, java.util.LinkedHashMap::new));
    }

    @GetMapping("/accounts")
    String list(Model model) {
        model.addAttribute("accounts", accounts.accounts());
        model.addAttribute("rotationDue", vault.rotationDue());
        model.addAttribute("networks", Networks.CODES);
        if (!model.containsAttribute("requestAccount")) {
            model.addAttribute(
                    "requestAccount",
                    new RequestAccount(
                            "wechat", "", "", "", "", List.of(Actor.current().requireMemberId()), null));
        }
        return "accounts/accounts";
    }

    @PostMapping("/accounts")
    String request(
            @Valid @ModelAttribute RequestAccount requestAccount,
            BindingResult result,
            @org.springframework.web.bind.annotation.RequestParam(defaultValue = "false") boolean discovered,
            Model model) {
        if (!result.hasErrors()) {
            try {
                var account = discovered ? accounts.recordDiscovered(requestAccount) : accounts.request(requestAccount);
                return "redirect:/accounts/" + account.id();
            } catch (Refusal refusal) {
                result.reject(refusal.messageKey(), refusal.arguments(), null);
            }
        }
        return list(model);
    }

    /** Not cached: the page carries a suggested password. */
    @GetMapping("/accounts/{id}")
    String accountPage(@PathVariable long id, Model model, HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        return account(id, model);
    }

    @PostMapping("/accounts/{id}/time-zone")
    String timeZone(@PathVariable long id, @RequestParam(defaultValue = "") String timeZone) {
        accounts.changeTimeZone(id, timeZone);
        return "redirect:/accounts/" + id;
    }

    String account(long id, Model model) {
        var account = accounts.account(id);
        model.addAttribute("account", account);
        model.addAttribute("ownerLoads", capacity.loads(account.owners()));
        model.addAttribute("grants", accounts.grants(id));
        model.addAttribute("permissions", AccountPermission.values());
        model.addAttribute("kinds", SecretKind.MANUAL);
        model.addAttribute("canPublish", access.can(id, AccountPermission.PUBLISH));
        model.addAttribute("zones", new java.util.TreeSet<>(java.time.ZoneId.getAvailableZoneIds()));
        boolean manage = access.can(id, AccountPermission.MANAGE_CREDENTIALS);
        model.addAttribute("canManageCredentials", manage);
        if (manage) {
            model.addAttribute("secrets", vault.secrets(id));
            model.addAttribute("suggestedPassword", vault.generatePassword());
        }
        if (!model.containsAttribute("storeSecret")) {
            model.addAttribute("storeSecret", new StoreSecret(SecretKind.PASSWORD, "", "", 90));
        }
        if (!model.containsAttribute("decide")) {
            model.addAttribute("decide", new Decide(true, ""));
        }
        return "accounts/account";
    }

    @PostMapping("/accounts/{id}/decision")
    String decide(@PathVariable long id, @Valid @ModelAttribute Decide decide, BindingResult result, Model model) {
        try {
            accounts.decide(id, decide);
            return "redirect:/accounts/" + id;
        } catch (Refusal refusal) {
            result.reject(refusal.messageKey(), refusal.arguments(), null);
            return account(id, model);
        }
    }

    @PostMapping("/accounts/{id}/status")
    String changeStatus(
            @PathVariable long id,
            @org.springframework.web.bind.annotation.RequestParam dev.rapport.accounts.AccountStatus status) {
        accounts.changeStatus(id, status);
        return "redirect:/accounts/" + id;
    }

    @PostMapping("/accounts/{id}/grants")
    String grant(
            @PathVariable long id,
            long memberId,
            @org.springframework.web.bind.annotation.RequestParam(required = false)
                    List<AccountPermission> permissions) {
        accounts.grant(
                id,
                new GrantAccess(
                        memberId,
                        permissions == null ? EnumSet.noneOf(AccountPermission.class) : EnumSet.copyOf(permissions)));
        return "redirect:/accounts/" + id;
    }

    @PostMapping("/accounts/{id}/secrets")
    String store(
            @PathVariable long id,
            @Valid @ModelAttribute StoreSecret storeSecret,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                vault.store(id, storeSecret);
                redirect.addFlashAttribute("stored", true);
                return "redirect:/accounts/" + id;
            } catch (Refusal refusal) {
                result.reject(refusal.messageKey(), refusal.arguments(), null);
            }
        }
        // The value field is a password input: Thymeleaf never writes its value back into the page.
        return account(id, model);
    }

    /**
     * Shows the value in this response only: not through a redirect, whose flash attributes would
     * pass through the session store, and never cached.
     */
    @PostMapping("/accounts/{id}/secrets/{secretId}/reveal")
    String reveal(
            @PathVariable long id,
            @PathVariable long secretId,
            String password,
            Model model,
            HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        try {
            model.addAttribute("revealedId", secretId);
            model.addAttribute("revealed", vault.reveal(id, secretId, new Reveal(password == null ? "" : password)));
        } catch (Refusal refusal) {
            model.addAttribute("revealRefusal", refusal.messageKey());
        }
        return account(id, model);
    }
}
