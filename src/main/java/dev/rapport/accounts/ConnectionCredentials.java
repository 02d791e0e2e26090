package dev.rapport.accounts;

import dev.rapport.accounts.AccountEvents.SecretStored;
import dev.rapport.accounts.domain.SecretRecords;
import dev.rapport.accounts.vault.Envelope;
import dev.rapport.accounts.vault.MasterKeys;
import dev.rapport.team.Actor;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a network connector signs in with, kept in the vault like any secret (sealed, bound to its
 * account, re-wrapped by master-key rotation) but never revealed to a member: a member stores it by
 * connecting, the connectors module opens it to call the network, and renews it when the network
 * hands out new tokens.
 */
@Service
@Transactional
public class ConnectionCredentials {

    static final String LABEL = "connection";
    /** The keys a network's pushes are opened with: made by Rapport, known to no member. */
    static final String PUSH_LABEL = "push";

    private static final TypeReference<Map<String, String>> MAP = new TypeReference<>() {};

    private final SecretRecords secrets;
    private final AccountAccess access;
    private final MasterKeys keys;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;

    ConnectionCredentials(
            SecretRecords secrets,
            AccountAccess access,
            MasterKeys keys,
            JsonMapper json,
            ApplicationEventPublisher events) {
        this.secrets = secrets;
        this.access = access;
        this.keys = keys;
        this.json = json;
        this.events = events;
    }

    /** A member connects the account: the new credentials replace the old, closing their rotation tasks. */
    public void store(long accountId, Map<String, String> credentials) {
        access.require(accountId, AccountPermission.MANAGE_CREDENTIALS);
        Actor actor = Actor.current();
        long memberId = actor.requireMemberId();
        secrets.liveId(accountId, SecretKind.CONNECTION, LABEL)
                .ifPresent(previous -> secrets.completeTasks(previous, memberId));
        long id = replace(accountId, credentials, memberId);
        events.publishEvent(new SecretStored(
                actor.email(), accountId, id, SecretKind.CONNECTION, LABEL, actor.source(), Instant.now()));
    }

    /**
     * The network handed out new tokens (a refresh): kept under the name of whoever entered the
     * credentials (else {@code connectedBy}), and not a rotation.
     */
    public void renew(long accountId, Map<String, String> credentials, long connectedBy) {
        long enteredBy = secrets.liveId(accountId, SecretKind.CONNECTION, LABEL)
                .flatMap(id -> secrets.find(accountId, id))
                .map(stored -> stored.view().createdBy())
                .orElse(connectedBy);
        replace(accountId, credentials, enteredBy);
    }

    /** The credentials, for the connector's call only; empty when the account is not connected. */
    @Transactional(readOnly = true)
    public Optional<Map<String, String>> open(long accountId) {
        return open(accountId, LABEL);
    }

    /** The account is disconnected: its credentials are retired. */
    public void remove(long accountId) {
        access.require(accountId, AccountPermission.MANAGE_CREDENTIALS);
        secrets.retire(accountId, SecretKind.CONNECTION, LABEL);
        secrets.retire(accountId, SecretKind.CONNECTION, PUSH_LABEL);
    }

    /**
     * The keys of the account's push subscription (a private key and an auth secret), replacing
     * earlier ones; stored for whoever connected the account, not audited here (the subscription is).
     */
    public void storePushKeys(long accountId, Map<String, String> pushKeys, long connectedBy) {
        replace(accountId, PUSH_LABEL, pushKeys, connectedBy);
    }

    /** The push keys, to open one push; empty when the account has no subscription. */
    @Transactional(readOnly = true)
    public Optional<Map<String, String>> openPushKeys(long accountId) {
        return open(accountId, PUSH_LABEL);
    }

    /** The push subscription ended: its keys are retired. */
    public void removePushKeys(long accountId) {
        secrets.retire(accountId, SecretKind.CONNECTION, PUSH_LABEL);
    }

    private Optional<Map<String, String>> open(long accountId, String label) {
        return secrets.liveId(accountId, SecretKind.CONNECTION, label)
                .flatMap(id -> secrets.find(accountId, id))
                .map(stored -> {
                    byte[] plaintext =
                            Envelope.open(stored.sealed(), CredentialVault.context(stored.ref(), accountId), keys);
                    try {
                        return json.readValue(plaintext, MAP);
                    } finally {
                        Arrays.fill(plaintext, (byte) 0);
                    }
                });
    }

    private long replace(long accountId, Map<String, String> credentials, long createdBy) {
        return replace(accountId, LABEL, credentials, createdBy);
    }

    private long replace(long accountId, String label, Map<String, String> credentials, long createdBy) {
        String ref = UUID.randomUUID().toString();
        byte[] plaintext = json.writeValueAsBytes(credentials);
        var sealed = Envelope.seal(plaintext, CredentialVault.context(ref, accountId), keys.current());
        Arrays.fill(plaintext, (byte) 0);
        secrets.retire(accountId, SecretKind.CONNECTION, label);
        return secrets.insert(accountId, ref, SecretKind.CONNECTION, label, sealed, null, null, createdBy);
    }
}
