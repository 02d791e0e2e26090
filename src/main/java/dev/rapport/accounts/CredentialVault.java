package dev.rapport.accounts;

import dev.rapport.accounts.AccountCommands.Reveal;
import dev.rapport.accounts.AccountCommands.StoreSecret;
import dev.rapport.accounts.AccountEvents.SecretRevealed;
import dev.rapport.accounts.AccountEvents.SecretStored;
import dev.rapport.accounts.domain.SecretRecords;
import dev.rapport.accounts.vault.Envelope;
import dev.rapport.accounts.vault.Fingerprints;
import dev.rapport.accounts.vault.MasterKeys;
import dev.rapport.core.PasswordStrength;
import dev.rapport.core.Refusal;
import dev.rapport.team.Actor;
import dev.rapport.team.TeamManagement;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The credential vault: stores an account's secrets sealed ({@link Envelope}), lists them without
 * their values, and reveals a value only to a member who may manage the account's credentials and
 * has just re-entered their own password. Every reveal is audited and counts as exposure.
 */
@Service
@Transactional
public class CredentialVault {

    static final int MAX_ROTATION_DAYS = 3650;
    static final int DEFAULT_ROTATION_DAYS = 90;
    static final int REMINDER_DAYS = 14;
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789-_.!";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretRecords secrets;
    private final AccountAccess access;
    private final AccountManagement accounts;
    private final TeamManagement team;
    private final MasterKeys keys;
    private final VaultKeys vaultKeys;
    private final ApplicationEventPublisher events;

    CredentialVault(
            SecretRecords secrets,
            AccountAccess access,
            AccountManagement accounts,
            TeamManagement team,
            MasterKeys keys,
            VaultKeys vaultKeys,
            ApplicationEventPublisher events) {
        this.secrets = secrets;
        this.access = access;
        this.accounts = accounts;
        this.team = team;
        this.keys = keys;
        this.vaultKeys = vaultKeys;
        this.events = events;
    }

    /** Stores a secret; a secret of the same kind and label on the account is replaced (and kept, retired). */
    public SecretView store(long accountId, StoreSecret command) {
        access.require(accountId, AccountPermission.MANAGE_CREDENTIALS);
        if (command.kind() == SecretKind.CONNECTION) {
            throw Refusal.invalid("secret.connection-kind");
        }
        Actor actor = Actor.current();
        String value = command.value();
        String label = command.label().strip();
        int rotationDays = command.rotationDays() == null ? DEFAULT_ROTATION_DAYS : command.rotationDays();
        if (rotationDays < 1 || rotationDays > MAX_ROTATION_DAYS) {
            throw Refusal.invalid("secret.rotation-invalid", 1, MAX_ROTATION_DAYS);
        }
        String fingerprint = null;
        if (command.kind() == SecretKind.PASSWORD) {
            PasswordStrength.check(value);
            fingerprint = fingerprints().of(value);
            if (secrets.fingerprintUsed(fingerprint, accountId, command.kind(), label)) {
                throw Refusal.conflict("secret.password-reused");
            }
        }
        String ref = UUID.randomUUID().toString();
        var sealed = Envelope.seal(value.getBytes(StandardCharsets.UTF_8), context(ref, accountId), keys.current());
        secrets.liveId(accountId, command.kind(), label)
                .ifPresent(previous -> secrets.completeTasks(previous, actor.requireMemberId()));
        secrets.retire(accountId, command.kind(), label);
        long id = secrets.insert(
                accountId, ref, command.kind(), label, sealed, fingerprint, rotationDays, actor.requireMemberId());
        events.publishEvent(
                new SecretStored(actor.email(), accountId, id, command.kind(), label, actor.source(), Instant.now()));
        return secrets.find(accountId, id).orElseThrow().view();
    }

    @Transactional(readOnly = true)
    public List<SecretView> secrets(long accountId) {
        access.require(accountId, AccountPermission.MANAGE_CREDENTIALS);
        return secrets.live(accountId);
    }

    /** The value, after the member has re-entered their password; audited as exposure. */
    public String reveal(long accountId, long secretId, Reveal command) {
        access.require(accountId, AccountPermission.MANAGE_CREDENTIALS);
        Actor actor = Actor.current();
        team.confirmPassword(command.password());
        var stored = secrets.find(accountId, secretId)
                .orElseThrow(() -> Refusal.notFound("secret.not-found", String.valueOf(secretId)));
        if (stored.view().kind() == SecretKind.CONNECTION) {
            throw Refusal.forbidden("secret.connection-not-revealable");
        }
        byte[] plaintext = Envelope.open(stored.sealed(), context(stored.ref(), accountId), keys);
        String value = new String(plaintext, StandardCharsets.UTF_8);
        java.util.Arrays.fill(plaintext, (byte) 0);
        secrets.exposed(secretId, actor.requireMemberId());
        events.publishEvent(new SecretRevealed(
                actor.email(), actor.requireMemberId(), accountId, secretId, actor.source(), Instant.now()));
        return value;
    }

    /**
     * Secrets to change soon (within {@code REMINDER_DAYS}) or overdue, on the accounts whose
     * credentials the signed-in member manages: the in-app reminder.
     */
    @Transactional(readOnly = true)
    public List<RotationDue> rotationDue() {
        Instant now = Instant.now();
        Instant horizon = now.plus(java.time.Duration.ofDays(REMINDER_DAYS));
        return accounts.accounts().stream()
                .filter(account -> access.can(account.id(), AccountPermission.MANAGE_CREDENTIALS))
                .flatMap(account -> secrets.live(account.id()).stream()
                        .filter(secret -> secret.rotationDue() != null
                                && secret.rotationDue().isBefore(horizon))
                        .map(secret -> new RotationDue(account, secret, secret.overdueAt(now))))
                .sorted(java.util.Comparator.comparing(due -> due.secret().rotationDue()))
                .toList();
    }

    /** A strong random password: 20 characters from an alphabet without look-alikes. */
    public String generatePassword() {
        StringBuilder password = new StringBuilder(20);
        while (password.length() < 20) {
            password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }

    /** What a value is bound to: its own reference and its account, so a row moved elsewhere fails. */
    static String context(String ref, long accountId) {
        return ref + "|account:" + accountId;
    }

    private Fingerprints fingerprints() {
        byte[] key = vaultKeys.key(VaultKeys.FINGERPRINT);
        // Fingerprints keeps its own copy; this one is wiped.
        Fingerprints fingerprints = new Fingerprints(key);
        java.util.Arrays.fill(key, (byte) 0);
        return fingerprints;
    }
}
