package dev.rapport.core.web;

import dev.rapport.core.Refusal;
import jakarta.validation.ConstraintViolationException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of a REST controller becomes a problem detail in the client's language; nothing of
 * the server's internals (stack traces, SQL, class names) reaches the client.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE) // before PageExceptionHandler, which also matches REST controllers
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final Problems problems;

    ApiExceptionHandler(Problems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(Refusal.class)
    ResponseEntity<ProblemDetail> refusal(Refusal refusal) {
        HttpStatus status = Problems.status(refusal);
        return respond(problems.of(status, refusal.messageKey(), refusal.arguments(), locale()));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> forbidden(AccessDeniedException e) {
        return respond(problems.of(HttpStatus.FORBIDDEN, "error.forbidden", new Object[0], locale()));
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ProblemDetail> unauthenticated(AuthenticationException e) {
        return respond(problems.of(HttpStatus.UNAUTHORIZED, "error.unauthenticated", new Object[0], locale()));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraint(ConstraintViolationException e) {
        ProblemDetail problem = problems.of(HttpStatus.BAD_REQUEST, "error.validation", new Object[0], locale());
        Map<String, String> fields = new LinkedHashMap<>();
        e.getConstraintViolations()
                .forEach(violation -> fields.put(violation.getPropertyPath().toString(), violation.getMessage()));
        problem.setProperty("errors", fields);
        return respond(problem);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("Unexpected error in an API call", e);
        return respond(problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "error.unexpected", new Object[0], locale()));
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = problems.of(HttpStatus.BAD_REQUEST, "error.validation", new Object[0], locale());
        Map<String, String> fields = new LinkedHashMap<>();
        for (FieldError error : e.getBindingResult().getFieldErrors()) {
            fields.putIfAbsent(error.getField(), problems.message(error, locale()));
        }
        e.getBindingResult()
                .getGlobalErrors()
                .forEach(error -> fields.putIfAbsent(error.getObjectName(), problems.message(error, locale())));
        problem.setDetail(problems.message(
                "error.validation.fields", new Object[] {String.join(", ", fields.keySet())}, locale(), null));
        problem.setProperty("errors", fields);
        return new ResponseEntity<>(problem, problemHeaders(), HttpStatus.BAD_REQUEST);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (RequestSizeLimit.exceeded(e)) {
            return new ResponseEntity<>(
                    RequestSizeLimit.problem(problems, locale()), problemHeaders(), HttpStatus.CONTENT_TOO_LARGE);
        }
        return new ResponseEntity<>(
                problems.of(HttpStatus.BAD_REQUEST, "error.malformed", new Object[0], locale()),
                problemHeaders(),
                HttpStatus.BAD_REQUEST);
    }

    /** Spring's own exceptions (405, 415, missing parameters, type mismatches): translate them. */
    @Override
    protected @Nullable ResponseEntity<Object> handleExceptionInternal(
            Exception e, @Nullable Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String key = "error.http." + status.value();
        ProblemDetail problem = problems.of(status, key, new Object[0], locale());
        if (problem.getDetail() == null || problem.getDetail().equals(key)) {
            problem.setDetail(
                    body instanceof ErrorResponse response ? response.getBody().getDetail() : null);
        }
        return new ResponseEntity<>(problem, headers, status);
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus())
                .headers(problemHeaders())
                .body(problem);
    }

    private static HttpHeaders problemHeaders() {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.CONTENT_TYPE, "application/problem+json");
        return headers;
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
