package dev.rapport.connectors.push;

/**
 * A pushed message Rapport does not take: its sender is not proven, or it cannot be opened. The
 * reason is a short code for logs and answers; it never quotes the message or a key.
 */
public final class PushRefused extends RuntimeException {

    private final Reason reason;

    public enum Reason {
        /** No valid VAPID signature of the network's server key. */
        SIGNATURE,
        /** Not {@code aes128gcm}, malformed, or it does not decrypt with the subscription's keys. */
        ENCRYPTION
    }

    public PushRefused(Reason reason, String why) {
        super(why, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
