package dev.rapport.accounts.web;

import dev.rapport.accounts.Offboarding;
import dev.rapport.accounts.Offboarding.Offboard;
import dev.rapport.core.Refusal;
import dev.rapport.team.Role;
import dev.rapport.team.TeamManagement;
import java.util.HashMap;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The offboarding page of a member; admins only. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class OffboardingController {

    private final Offboarding offboarding;
    private final TeamManagement team;

    OffboardingController(Offboarding offboarding, TeamManagement team) {
        this.offboarding = offboarding;
        this.team = team;
    }

    @GetMapping("/members/{id}/offboarding")
    String page(@PathVariable long id, Model model) {
        model.addAttribute("status", offboarding.status(id));
        model.addAttribute("roles", Role.values());
        model.addAttribute(
                "candidates",
                team.members().stream().filter(m -> m.active() && m.id() != id).toList());
        return "accounts/offboarding";
    }

    /** Form fields: {@code leaving}, {@code newRole}, and {@code owner-<accountId>} per owned account. */
    @PostMapping("/members/{id}/offboarding")
    String offboard(@PathVariable long id, @RequestParam Map<String, String> form, Model model) {
        Map<Long, Long> newOwners = new HashMap<>();
        form.forEach((name, value) -> {
            if (name.startsWith("owner-") && !value.isBlank()) {
                newOwners.put(Long.parseLong(name.substring(6)), Long.parseLong(value));
            }
        });
        boolean leaving = "true".equals(form.get("leaving"));
        String role = form.get("newRole");
        try {
            offboarding.offboard(
                    id,
                    new Offboard(
                            leaving, leaving || role == null || role.isBlank() ? null : Role.valueOf(role), newOwners));
            return "redirect:/members/" + id + "/offboarding";
        } catch (Refusal refusal) {
            model.addAttribute("refusalKey", refusal.messageKey());
            model.addAttribute("refusalArgument", refusal.arguments().length > 0 ? refusal.arguments()[0] : "");
            return page(id, model);
        }
    }
}
