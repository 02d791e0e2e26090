package dev.rapport.accounts;

import dev.rapport.accounts.domain.SecretRecords;
import dev.rapport.accounts.vault.Envelope;
import dev.rapport.accounts.vault.MasterKeys;
import java.util.List;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The vault's own keys (in {@code vault_key}), each made on first use and kept wrapped by the master
 * key, so that a master-key rotation re-wraps them with every other data key.
 */
@Component
class VaultKeys {

    /** Keys the fingerprints of secret values. */
    static final String FINGERPRINT = "fingerprint";
    /** Seals the workspace's secrets that belong to no account ({@link WorkspaceSecrets}). */
    static final String WORKSPACE = "workspace-secrets";

    private final SecretRecords secrets;
    private final MasterKeys keys;

    VaultKeys(SecretRecords secrets, MasterKeys keys) {
        this.secrets = secrets;
        this.keys = keys;
    }

    /** The key's material; the caller wipes it after use. */
    byte[] key(String name) {
        var stored = secrets.vaultKey(name);
        if (stored.isPresent()) {
            return Envelope.unwrap(
                    stored.get().wrappedKey(), keys.byId(stored.get().masterKeyId()));
        }
        byte[] key = MasterKeys.newMaterial();
        secrets.insertVaultKey(
                name, Envelope.wrap(key, keys.current()), keys.current().id());
        return key;
    }

    /**
     * Makes the keys at start-up, each in a transaction of its own, so that two first uses cannot
     * race to create one; a node that loses the race to another node reads the winner's.
     */
    @EventListener(ApplicationReadyEvent.class)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void prepare() {
        for (String name : List.of(FINGERPRINT, WORKSPACE)) {
            try {
                java.util.Arrays.fill(key(name), (byte) 0);
            } catch (DataIntegrityViolationException createdByAnotherNode) {
                // The other node's key is the one: key() reads it from now on.
            }
        }
    }
}
