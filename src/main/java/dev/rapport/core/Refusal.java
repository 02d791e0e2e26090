package dev.rapport.core;

/**
 * A request Rapport refuses, carrying a message key so that the web and the API can explain it
 * in the member's language. Mapped to a problem detail (API) or a form error (UI) in one place.
 */
public class Refusal extends RuntimeException {

    public enum Kind {
        /** 400: the input breaks a rule. */
        INVALID,
        /** 404: no such thing. */
        NOT_FOUND,
        /** 409: the input clashes with what exists. */
        CONFLICT,
        /** 403: not permitted for this member. */
        FORBIDDEN,
        /** 502: a remote network did not answer, or not usefully; nothing was changed here. */
        UNAVAILABLE
    }

    private final Kind kind;
    private final String messageKey;
    private final transient Object[] arguments;

    public Refusal(Kind kind, String messageKey, Object... arguments) {
        super(messageKey);
        this.kind = kind;
        this.messageKey = messageKey;
        this.arguments = arguments;
    }

    public static Refusal invalid(String messageKey, Object... arguments) {
        return new Refusal(Kind.INVALID, messageKey, arguments);
    }

    public static Refusal notFound(String messageKey, Object... arguments) {
        return new Refusal(Kind.NOT_FOUND, messageKey, arguments);
    }

    public static Refusal conflict(String messageKey, Object... arguments) {
        return new Refusal(Kind.CONFLICT, messageKey, arguments);
    }

    public static Refusal forbidden(String messageKey, Object... arguments) {
        return new Refusal(Kind.FORBIDDEN, messageKey, arguments);
    }

    public static Refusal unavailable(String messageKey, Object... arguments) {
        return new Refusal(Kind.UNAVAILABLE, messageKey, arguments);
    }

    public Kind kind() {
        return kind;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments;
    }
}
