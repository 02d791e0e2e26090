package dev.rapport.connectors.spi;

import org.jspecify.annotations.Nullable;

/**
 * One field of the form that connects an account. Its label and help are the messages
 * {@code connector.<network>.<name>} and {@code connector.<network>.<name>.help}.
 *
 * @param secret kept in the credential vault, never shown again
 */
public record ConfigProperty(
        String name,
        Type type,
        boolean required,
        boolean secret,
        @Nullable String defaultValue) {

    public enum Type {
        TEXT,
        URL,
        PASSWORD
    }

    public static ConfigProperty text(String name) {
        return new ConfigProperty(name, Type.TEXT, true, false, null);
    }

    public static ConfigProperty url(String name, @Nullable String defaultValue) {
        return new ConfigProperty(name, Type.URL, true, false, defaultValue);
    }

    public static ConfigProperty secret(String name) {
        return new ConfigProperty(name, Type.PASSWORD, true, true, null);
    }
}
