package dev.rapport.core.web;

import dev.rapport.core.Refusal;
import java.net.URI;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/** Builds RFC 9457 problem details whose title and detail speak the client's language. */
@Component
public class Problems {

    private final MessageSource messages;

    Problems(MessageSource messages) {
        this.messages = messages;
    }

    /** The HTTP status that says what kind of refusal it is. */
    public static HttpStatus status(Refusal refusal) {
        return switch (refusal.kind()) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case UNAVAILABLE -> HttpStatus.BAD_GATEWAY;
        };
    }

    public ProblemDetail of(HttpStatusCode status, String detailKey, Object[] arguments, Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatus(status);
        String type = HttpStatus.resolve(status.value()) == null
                ? "error"
                : HttpStatus.valueOf(status.value())
                        .name()
                        .toLowerCase(Locale.ROOT)
                        .replace('_', '-');
        problem.setType(URI.create("https://rapport.dev/problems/" + type));
        problem.setTitle(message("problem.title." + status.value(), new Object[0], locale, problem.getTitle()));
        problem.setDetail(message(detailKey, arguments, locale, null));
        return problem;
    }

    public String message(String key, Object[] arguments, Locale locale, @Nullable String fallback) {
        String message = messages.getMessage(key, arguments, fallback == null ? key : fallback, locale);
        return message == null ? key : message;
    }

    /** A validation error in the client's language. */
    public String message(MessageSourceResolvable error, Locale locale) {
        return messages.getMessage(error, locale);
    }
}
