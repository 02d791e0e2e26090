package dev.rapport.connectors.spi;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Everything that can go wrong in a call to a network, in the four kinds the engine treats
 * differently. Each carries the HTTP status and the network's request id where there are any.
 */
public abstract sealed class ConnectorException extends RuntimeException {

    private final @Nullable Integer status;
    private final @Nullable String requestId;

    ConnectorException(
            String message, @Nullable Integer status, @Nullable String requestId, @Nullable Throwable cause) {
        super(message, cause);
        this.status = status;
        this.requestId = requestId;
    }

    public @Nullable Integer status() {
        return status;
    }

    public @Nullable String requestId() {
        return requestId;
    }

    /** 429 or a quota: try again after {@code retryAfter}. */
    public static final class RateLimited extends ConnectorException {
        private final Duration retryAfter;

        public RateLimited(Duration retryAfter, @Nullable Integer status, @Nullable String requestId) {
            super("rate limited, retry after " + retryAfter, status, requestId, null);
            this.retryAfter = retryAfter;
        }

        public Duration retryAfter() {
            return retryAfter;
        }
    }

    /** The token or session is no longer valid: the owner must reconnect (or a refresh may help). */
    public static final class AuthExpired extends ConnectorException {
        public AuthExpired(String message, @Nullable Integer status, @Nullable String requestId) {
            super(message, status, requestId, null);
        }
    }

    /** The network refused the content or the request for good; retrying cannot help. */
    public static final class Rejected extends ConnectorException {
        private final String code;
        private final String userMessage;

        public Rejected(String code, String userMessage, @Nullable Integer status, @Nullable String requestId) {
            super("rejected: " + code, status, requestId, null);
            this.code = code;
            this.userMessage = userMessage;
        }

        public String code() {
            return code;
        }

        /** The network's own explanation, for the owner. */
        public String userMessage() {
            return userMessage;
        }
    }

    /**
     * A timeout, a reset connection, a 5xx: it may work later.
     *
     * @see #writeMayHaveHappened()
     */
    public static final class Transient extends ConnectorException {
        private final boolean writeMayHaveHappened;

        public Transient(
                String message,
                boolean writeMayHaveHappened,
                @Nullable Integer status,
                @Nullable String requestId,
                @Nullable Throwable cause) {
            super(message, status, requestId, cause);
            this.writeMayHaveHappened = writeMayHaveHappened;
        }

        /**
         * True when the request may have reached the network (the response was lost, or it timed out
         * after sending): the outcome is unknown until the network is asked.
         */
        public boolean writeMayHaveHappened() {
            return writeMayHaveHappened;
        }
    }
}
