package dev.rapport.team.web;

import dev.rapport.core.Refusal;
import dev.rapport.core.web.MemberMark;
import dev.rapport.team.Commands.AddDepartment;
import dev.rapport.team.Commands.ChangeMember;
import dev.rapport.team.Commands.InviteMember;
import dev.rapport.team.DepartmentView;
import dev.rapport.team.InvitationMail;
import dev.rapport.team.Invited;
import dev.rapport.team.Role;
import dev.rapport.team.TeamManagement;
import dev.rapport.team.security.MemberSessions;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The team page: everyone reads it; admins invite, change, deactivate and sign members out. */
@Controller
class MembersController {

    private final TeamManagement team;
    private final MemberSessions sessions;
    private final InvitationMail mail;

    private final List<MemberMark> marks;

    /** A module's badge and who carries it, read once per page. */
    record Mark(String messageKey, java.util.Set<Long> members) {}

    MembersController(TeamManagement team, MemberSessions sessions, InvitationMail mail, List<MemberMark> marks) {
        this.team = team;
        this.sessions = sessions;
        this.mail = mail;
        this.marks = marks;
    }

    @ModelAttribute("departments")
    Map<Long, DepartmentView> departments() {
        return team.departments().stream()
                .collect(Collectors.toMap(
                        DepartmentView::id, Function.identity(), (a, b) -> a, java.util.LinkedHashMap::new));
    }

    @ModelAttribute("roles")
    Role[] roles() {
        return Role.values();
    }

    @GetMapping("/members")
    String members(Model model) {
        model.addAttribute("members", team.members());
        model.addAttribute(
                "marks",
                marks.stream()
                        .map(mark -> new Mark(mark.messageKey(), mark.members()))
                        .toList());
        if (!model.containsAttribute("inviteMember")) {
            model.addAttribute("inviteMember", new InviteMember("", "", Role.MARKETER, null, "zh-CN"));
        }
        return "team/members";
    }

    @PostMapping("/members")
    @PreAuthorize("hasRole('ADMIN')")
    String invite(
            @Valid @ModelAttribute InviteMember inviteMember,
            BindingResult result,
            Model model,
            HttpServletResponse response) {
        if (!result.hasErrors()) {
            try {
                Invited invited = team.invite(inviteMember);
                share(invited, model, response);
                return member(invited.member().id(), model);
            } catch (Refusal refusal) {
                result.reject(refusal.messageKey(), refusal.arguments(), null);
            }
        }
        return members(model);
    }

    @GetMapping("/members/{id}")
    String member(@PathVariable long id, Model model) {
        var member = team.member(id);
        model.addAttribute("member", member);
        model.addAttribute(
                "changeMember",
                new ChangeMember(
                        member.name(), member.email(), member.role(), member.departmentId(), member.language(), null));
        model.addAttribute("sessions", sessions.of(member.email()));
        return "team/member";
    }

    @PostMapping("/members/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    String change(
            @PathVariable long id,
            @Valid @ModelAttribute ChangeMember changeMember,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                team.change(id, changeMember);
                redirect.addFlashAttribute("saved", true);
                return "redirect:/members/" + id;
            } catch (Refusal refusal) {
                result.reject(refusal.messageKey(), refusal.arguments(), null);
            }
        }
        var member = team.member(id);
        model.addAttribute("member", member);
        model.addAttribute("sessions", sessions.of(member.email()));
        return "team/member";
    }

    @PostMapping("/members/{id}/active")
    @PreAuthorize("hasRole('ADMIN')")
    String activate(@PathVariable long id, boolean active, RedirectAttributes redirect) {
        try {
            team.change(id, new ChangeMember(null, null, null, null, null, active));
            redirect.addFlashAttribute("saved", true);
        } catch (Refusal refusal) {
            redirect.addFlashAttribute("refusal", refusal.messageKey());
        }
        return "redirect:/members/" + id;
    }

    @PostMapping("/members/{id}/link")
    @PreAuthorize("hasRole('ADMIN')")
    String link(@PathVariable long id, Model model, HttpServletResponse response) {
        try {
            share(team.issueSignInLink(id), model, response);
        } catch (Refusal refusal) {
            model.addAttribute("refusal", refusal.messageKey());
        }
        return member(id, model);
    }

    @PostMapping("/members/{id}/sessions/revoke")
    @PreAuthorize("hasRole('ADMIN')")
    String revokeSessions(@PathVariable long id, RedirectAttributes redirect) {
        redirect.addFlashAttribute("revoked", team.revokeSessions(id));
        return "redirect:/members/" + id;
    }

    @GetMapping("/roles")
    String rolesPage() {
        return "team/roles";
    }

    @GetMapping("/departments")
    String departments(Model model) {
        model.addAttribute("addDepartment", new AddDepartment(""));
        return "team/departments";
    }

    @PostMapping("/departments")
    @PreAuthorize("hasRole('ADMIN')")
    String addDepartment(@Valid @ModelAttribute AddDepartment addDepartment, BindingResult result) {
        if (!result.hasErrors()) {
            try {
                team.addDepartment(addDepartment);
                return "redirect:/departments";
            } catch (Refusal refusal) {
                result.reject(refusal.messageKey(), refusal.arguments(), null);
            }
        }
        return "team/departments";
    }

    /**
     * Shows the link to the admin in this response only (a redirect would carry it through the
     * session store), and e-mails it where mail is configured.
     */
    private void share(Invited invited, Model model, HttpServletResponse response) {
        String link = absolute(invited);
        model.addAttribute("link", link);
        model.addAttribute("emailed", mail.send(invited, link));
        response.setHeader("Cache-Control", "no-store");
    }

    static String absolute(Invited invited) {
        return ServletUriComponentsBuilder.fromCurrentContextPath()
                .path(invited.path())
                .toUriString();
    }
}
