package dev.rapport.core.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What the shared layout needs on every page. */
@ControllerAdvice
class LayoutModel {

    /** The page's own path, so that the language switch stays on it. */
    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.isEmpty() || path.startsWith("/error") ? "/" : path;
    }
}
