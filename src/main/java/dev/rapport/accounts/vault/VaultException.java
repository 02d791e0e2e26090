package dev.rapport.accounts.vault;

/** The vault cannot do what it must: a missing or wrong master key, or data that was tampered with. */
public class VaultException extends RuntimeException {

    public VaultException(String message) {
        super(message);
    }

    public VaultException(String message, Throwable cause) {
        super(message, cause);
    }
}
