package dev.rapport.core.web;

import dev.rapport.core.Refusal;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * A {@link Refusal} that a page's controller did not turn into a form error (an unknown member in
 * the address bar, someone else's token) becomes the error page with its status and reason.
 */
@ControllerAdvice(annotations = Controller.class)
class PageExceptionHandler {

    private final Problems problems;

    PageExceptionHandler(Problems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(Refusal.class)
    ModelAndView refusal(Refusal refusal) {
        HttpStatus status = Problems.status(refusal);
        ModelAndView page = new ModelAndView("error", status);
        page.addObject("status", status.value());
        page.addObject(
                "message",
                problems.message(refusal.messageKey(), refusal.arguments(), LocaleContextHolder.getLocale(), null));
        return page;
    }
}
