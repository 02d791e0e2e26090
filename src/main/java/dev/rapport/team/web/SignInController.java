package dev.rapport.team.web;

import dev.rapport.core.Refusal;
import dev.rapport.team.Commands.SetUpWorkspace;
import dev.rapport.team.FirstRun;
import dev.rapport.team.TeamManagement;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.time.ZoneId;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** Sign-in, first-run setup and accepting an invitation: the pages anyone may open. */
@Controller
class SignInController {

    private final TeamManagement team;
    private final FirstRun firstRun;

    SignInController(TeamManagement team, FirstRun firstRun) {
        this.team = team;
        this.firstRun = firstRun;
    }

    @GetMapping("/login")
    String login() {
        return team.setupRequired() ? "redirect:/setup" : "team/login";
    }

    record SetupForm(
            @NotBlank String code,
            @NotBlank String workspaceName,
            @NotBlank String language,
            @NotBlank String timeZone,
            @NotBlank String adminName,
            @NotBlank @jakarta.validation.constraints.Email String adminEmail,
            @NotBlank String password) {}

    @GetMapping("/setup")
    String setup(Model model) {
        if (!team.setupRequired()) {
            return "redirect:/login";
        }
        String language = LocaleContextHolder.getLocale().getLanguage().equals("zh") ? "zh-CN" : "en";
        model.addAttribute(
                "setupForm",
                new SetupForm(
                        "",
                        team.workspace().name(),
                        language,
                        ZoneId.systemDefault().getId(),
                        "",
                        "",
                        ""));
        return "team/setup";
    }

    @PostMapping("/setup")
    String setUp(@Valid @ModelAttribute SetupForm setupForm, BindingResult result) {
        if (!team.setupRequired()) {
            return "redirect:/login";
        }
        if (result.hasErrors()) {
            return "team/setup";
        }
        try {
            firstRun.setUp(
                    setupForm.code(),
                    new SetUpWorkspace(
                            setupForm.workspaceName(),
                            setupForm.language(),
                            setupForm.timeZone(),
                            setupForm.adminName(),
                            setupForm.adminEmail(),
                            setupForm.password()));
        } catch (Refusal refusal) {
            result.reject(refusal.messageKey(), refusal.arguments(), null);
            return "team/setup";
        }
        return "redirect:/login?ready";
    }

    record PasswordForm(@NotBlank String password, @NotBlank String confirmation) {}

    @GetMapping("/invitation/{token}")
    String invitation(@PathVariable String token, Model model) {
        var member = team.invitation(token);
        if (member.isEmpty()) {
            return "team/invitation-invalid";
        }
        model.addAttribute("member", member.get());
        model.addAttribute("token", token);
        model.addAttribute("passwordForm", new PasswordForm("", ""));
        return "team/invitation";
    }

    @PostMapping("/invitation/{token}")
    String accept(
            @PathVariable String token,
            @Valid @ModelAttribute PasswordForm passwordForm,
            BindingResult result,
            Model model) {
        var member = team.invitation(token);
        if (member.isEmpty()) {
            return "team/invitation-invalid";
        }
        model.addAttribute("member", member.get());
        model.addAttribute("token", token);
        if (!result.hasErrors() && !passwordForm.password().equals(passwordForm.confirmation())) {
            result.rejectValue("confirmation", "password.mismatch");
        }
        if (result.hasErrors()) {
            return "team/invitation";
        }
        try {
            team.acceptInvitation(token, passwordForm.password());
        } catch (Refusal refusal) {
            result.reject(refusal.messageKey(), refusal.arguments(), null);
            return "team/invitation";
        }
        return "redirect:/login?welcome";
    }
}
