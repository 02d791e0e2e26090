package dev.rapport.team.web;

import dev.rapport.core.Refusal;
import dev.rapport.team.AccessTokenManagement;
import dev.rapport.team.Actor;
import dev.rapport.team.Commands.ChangeWorkspace;
import dev.rapport.team.Commands.CreateToken;
import dev.rapport.team.TeamManagement;
import dev.rapport.team.security.MemberSessions;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.time.ZoneId;
import java.util.TreeSet;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The member's own account (password, sessions, tokens) and the workspace settings. */
@Controller
class AccountController {

    private final TeamManagement team;
    private final AccessTokenManagement tokens;
    private final MemberSessions sessions;

    AccountController(TeamManagement team, AccessTokenManagement tokens, MemberSessions sessions) {
        this.team = team;
        this.tokens = tokens;
        this.sessions = sessions;
    }

    record PasswordChange(
            @NotBlank String current,
            @NotBlank String password,
            @NotBlank String confirmation) {}

    @GetMapping("/account")
    String account(Model model, HttpSession session) {
        var me = team.member(Actor.current().requireMemberId());
        model.addAttribute("me", me);
        model.addAttribute("sessions", sessions.of(me.email()));
        model.addAttribute("currentSession", session.getId());
        model.addAttribute("tokens", tokens.mine());
        if (!model.containsAttribute("passwordChange")) {
            model.addAttribute("passwordChange", new PasswordChange("", "", ""));
        }
        if (!model.containsAttribute("createToken")) {
            model.addAttribute("createToken", new CreateToken("", 90));
        }
        return "team/account";
    }

    @PostMapping("/account/password")
    String changePassword(
            @Valid @ModelAttribute PasswordChange passwordChange,
            BindingResult result,
            Model model,
            HttpSession session,
            RedirectAttributes redirect) {
        if (!result.hasErrors() && !passwordChange.password().equals(passwordChange.confirmation())) {
            result.rejectValue("confirmation", "password.mismatch");
        }
        if (!result.hasErrors()) {
            try {
                team.changeOwnPassword(passwordChange.current(), passwordChange.password(), session.getId());
                redirect.addFlashAttribute("passwordChanged", true);
                return "redirect:/account";
            } catch (Refusal refusal) {
                result.reject(refusal.messageKey(), refusal.arguments(), null);
            }
        }
        return account(model, session);
    }

    @PostMapping("/account/sessions/revoke")
    String signOutEverywhere(HttpServletRequest request) {
        team.revokeSessions(Actor.current().requireMemberId());
        return "redirect:/login?signedout";
    }

    /**
     * Shows the new token in this response only: a redirect would carry it through the session
     * store, which is a database table.
     */
    @PostMapping("/account/tokens")
    String createToken(
            @Valid @ModelAttribute CreateToken createToken,
            BindingResult result,
            Model model,
            HttpSession session,
            HttpServletResponse response) {
        if (!result.hasErrors()) {
            try {
                model.addAttribute("createdToken", tokens.create(createToken));
                model.addAttribute("createToken", new CreateToken("", 90));
                response.setHeader("Cache-Control", "no-store");
            } catch (Refusal refusal) {
                result.reject(refusal.messageKey(), refusal.arguments(), null);
            }
        }
        return account(model, session);
    }

    @PostMapping("/account/tokens/{id}/revoke")
    String revokeToken(@PathVariable long id) {
        tokens.revoke(id);
        return "redirect:/account";
    }

    @GetMapping("/settings")
    @PreAuthorize("hasRole('ADMIN')")
    String settings(Model model) {
        var workspace = team.workspace();
        if (!model.containsAttribute("changeWorkspace")) {
            model.addAttribute(
                    "changeWorkspace",
                    new ChangeWorkspace(workspace.name(), workspace.defaultLanguage(), workspace.timeZone()));
        }
        model.addAttribute("zones", new TreeSet<>(ZoneId.getAvailableZoneIds()));
        return "team/settings";
    }

    @PostMapping("/settings")
    @PreAuthorize("hasRole('ADMIN')")
    String changeSettings(
            @Valid @ModelAttribute ChangeWorkspace changeWorkspace,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                team.changeWorkspace(changeWorkspace);
                redirect.addFlashAttribute("saved", true);
                return "redirect:/settings";
            } catch (Refusal refusal) {
                result.reject(refusal.messageKey(), refusal.arguments(), null);
            }
        }
        return settings(model);
    }
}
