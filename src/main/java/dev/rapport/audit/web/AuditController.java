package dev.rapport.audit.web;

import dev.rapport.audit.AuditLog;
import dev.rapport.audit.AuditQuery;
import dev.rapport.core.WorkspaceZone;
import java.time.LocalDate;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The audit log for admins: filter, page through, verify the chain. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class AuditController {

    private final AuditLog audit;
    private final WorkspaceZone workspaceZone;

    AuditController(AuditLog audit, WorkspaceZone workspaceZone) {
        this.audit = audit;
        this.workspaceZone = workspaceZone;
    }

    @GetMapping("/audit")
    String page(
            @RequestParam(required = false) @Nullable String actor,
            @RequestParam(required = false) @Nullable String action,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        ZoneId zone = workspaceZone.zoneId();
        model.addAttribute(
                "page",
                audit.find(new AuditQuery(
                        actor,
                        action,
                        from == null ? null : from.atStartOfDay(zone).toInstant(),
                        to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant(),
                        page,
                        50)));
        model.addAttribute("actions", audit.actions());
        model.addAttribute("actor", actor);
        model.addAttribute("action", action);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        return "audit/audit";
    }

    @PostMapping("/audit/verify")
    String verify(RedirectAttributes redirect) {
        redirect.addFlashAttribute("verification", audit.verify());
        return "redirect:/audit";
    }
}
