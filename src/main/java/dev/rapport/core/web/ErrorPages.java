package dev.rapport.core.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Every error that leaves the application: a problem detail for the API and JSON clients, a page in
 * the member's language for the browser. Never a stack trace.
 */
@Controller
class ErrorPages implements ErrorController {

    private final Problems problems;

    ErrorPages(Problems problems) {
        this.problems = problems;
    }

    @RequestMapping(value = "/error", produces = MediaType.TEXT_HTML_VALUE)
    String page(HttpServletRequest request, Model model) {
        HttpStatus status = status(request);
        if (String.valueOf(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI))
                .startsWith("/api/")) {
            return "forward:/error/problem";
        }
        model.addAttribute("status", status.value());
        model.addAttribute("messageKey", "error.http." + status.value());
        return "error";
    }

    @RequestMapping({"/error", "/error/problem"})
    ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
        HttpStatus status = status(request);
        Locale locale = LocaleContextHolder.getLocale();
        String key = status == HttpStatus.CONTENT_TOO_LARGE ? "error.too-large" : "error.http." + status.value();
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problems.of(status, key, new Object[0], locale));
    }

    private static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }
}
