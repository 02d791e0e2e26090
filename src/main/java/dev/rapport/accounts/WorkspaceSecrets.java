package dev.rapport.accounts;

import dev.rapport.accounts.vault.Envelope;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Service;

/**
 * Seals the workspace's secrets that belong to no account — a department's chat webhook and its
 * signing secret — for the module that stores them: AES-256-GCM under one of the vault's own keys
 * (kept wrapped by the master key, re-wrapped by a master-key rotation), each value bound to its
 * context, so a sealed value copied to another row does not open. Values are never logged.
 */
@Service
public class WorkspaceSecrets {

    private final VaultKeys keys;

    WorkspaceSecrets(VaultKeys keys) {
        this.keys = keys;
    }

    /** The sealed text to store; {@code context} names where it belongs, e.g. {@code webhook-url:department:3}. */
    public String seal(String value, String context) {
        byte[] key = keys.key(VaultKeys.WORKSPACE);
        try {
            return Envelope.encrypt(
                    new SecretKeySpec(key, "AES"), value.getBytes(StandardCharsets.UTF_8), "workspace:" + context);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /** The value sealed for this context; fails if the sealed text or the context changed. */
    public String open(String sealed, String context) {
        byte[] key = keys.key(VaultKeys.WORKSPACE);
        try {
            return new String(
                    Envelope.decrypt(new SecretKeySpec(key, "AES"), sealed, "workspace:" + context),
                    StandardCharsets.UTF_8);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }
}
