package dev.rapport.core.web;

import dev.rapport.core.WorkspaceZone;
import jakarta.servlet.http.HttpServletRequest;
import java.time.ZoneId;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What the shared layout needs on every page. */
@ControllerAdvice
class LayoutModel {

    private final ObjectProvider<WorkspaceZone> workspaceZone;

    LayoutModel(ObjectProvider<WorkspaceZone> workspaceZone) {
        this.workspaceZone = workspaceZone;
    }

    /** The zone pages show times in: {@code ${#temporals.format(instant.atZone(zone), ...)}}. */
    @ModelAttribute("zone")
    ZoneId zone() {
        WorkspaceZone zone = workspaceZone.getIfAvailable();
        return zone == null ? ZoneId.systemDefault() : zone.zoneId();
    }

    /** The page's own path, so that the language switch stays on it. */
    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.isEmpty() || path.startsWith("/error") ? "/" : path;
    }
}
