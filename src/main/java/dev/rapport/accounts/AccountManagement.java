package dev.rapport.accounts;

import dev.rapport.accounts.AccountCommands.Decide;
import dev.rapport.accounts.AccountCommands.GrantAccess;
import dev.rapport.accounts.AccountCommands.RequestAccount;
import dev.rapport.accounts.AccountEvents.AccessChanged;
import dev.rapport.accounts.AccountEvents.AccountDecided;
import dev.rapport.accounts.AccountEvents.AccountRequested;
import dev.rapport.accounts.domain.AccountRecords;
import dev.rapport.core.Refusal;
import dev.rapport.team.Actor;
import dev.rapport.team.MemberView;
import dev.rapport.team.Role;
import dev.rapport.team.TeamManagement;
import java.time.Instant;
import java.util.List;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The registry's facade: request, decide, list and grant access to official accounts. */
@Service
@Transactional
public class AccountManagement {

    private final AccountRecords accounts;
    private final AccountAccess access;
    private final TeamManagement team;
    private final Capacity capacity;
    private final ApplicationEventPublisher events;

    AccountManagement(
            AccountRecords accounts,
            AccountAccess access,
            TeamManagement team,
            Capacity capacity,
            ApplicationEventPublisher events) {
        this.accounts = accounts;
        this.access = access;
        this.team = team;
        this.capacity = capacity;
        this.events = events;
    }

    /** The accounts the signed-in member may see. */
    @Transactional(readOnly = true)
    public List<AccountView> accounts() {
        if (seesEveryAccount()) {
            return accounts.all();
        }
        return accounts.reachableBy(Actor.current().requireMemberId());
    }

    /** Whether the signed-in member sees every account of the workspace (admins and leads). */
    public boolean seesEveryAccount() {
        Actor actor = Actor.current();
        return actor.is(Role.ADMIN) || actor.is(Role.LEAD);
    }

    /**
     * An account, without any access check: for background work that acts for no member (publishing
     * on schedule, polling networks). Anything a member asks for goes through {@link #account(long)}.
     */
    @Transactional(readOnly = true)
    public java.util.Optional<AccountView> find(long id) {
        return accounts.find(id);
    }

    /** Accounts in use (active or paused), without any access check: for background work. */
    @Transactional(readOnly = true)
    public List<AccountView> inUse() {
        return accounts.all().stream()
                .filter(account -> account.status() == AccountStatus.ACTIVE || account.status() == AccountStatus.PAUSED)
                .toList();
    }

    @Transactional(readOnly = true)
    public AccountView account(long id) {
        access.requireVisible(id);
        return accounts.find(id).orElseThrow();
    }

    /**
     * Asks for a new official account. It exists in the registry at once, as REQUESTED, and becomes
     * ACTIVE when a lead or admin approves it.
     */
    public AccountView request(RequestAccount command) {
        return register(command, AccountStatus.REQUESTED);
    }

    /**
     * Records an account found outside the registry (a lead or admin); it stays DISCOVERED until an
     * admin adopts it, so that nothing unknown passes for official.
     */
    public AccountView recordDiscovered(RequestAccount command) {
        Actor actor = Actor.current();
        if (!actor.is(Role.ADMIN) && !actor.is(Role.LEAD)) {
            throw Refusal.forbidden("account.decide-not-allowed");
        }
        return register(command, AccountStatus.DISCOVERED);
    }

    /**
     * Changes an account's status: ACTIVE, PAUSED or RETIRED (leads and admins); adopting a
     * discovered account (making it ACTIVE) is for admins. A retired account keeps its history and
     * cannot come back.
     */
    public AccountView changeStatus(long id, AccountStatus status) {
        Actor actor = Actor.current();
        if (!actor.is(Role.ADMIN) && !actor.is(Role.LEAD)) {
            throw Refusal.forbidden("account.decide-not-allowed");
        }
        AccountView account = account(id);
        boolean allowed = switch (account.status()) {
            case ACTIVE -> status == AccountStatus.PAUSED || status == AccountStatus.RETIRED;
            case PAUSED -> status == AccountStatus.ACTIVE || status == AccountStatus.RETIRED;
            case DISCOVERED ->
                (status == AccountStatus.ACTIVE && actor.is(Role.ADMIN)) || status == AccountStatus.RETIRED;
            case REQUESTED, REJECTED, RETIRED -> false;
        };
        if (!allowed) {
            throw Refusal.conflict(
                    "account.status-change-invalid", account.status().name(), status.name());
        }
        accounts.changeStatus(id, status);
        events.publishEvent(new AccountEvents.AccountStatusChanged(
                actor.email(), id, account.status(), status, actor.source(), Instant.now()));
        return accounts.find(id).orElseThrow();
    }

    /**
     * The account's own time zone (an IANA id such as {@code Asia/Shanghai}), or null for the
     * workspace's: for whoever may publish on it.
     */
    @Transactional
    public AccountView changeTimeZone(long id, @Nullable String timeZone) {
        access.require(id, AccountPermission.PUBLISH);
        String zone = timeZone == null || timeZone.isBlank() ? null : timeZone.strip();
        if (zone != null) {
            try {
                zone = java.time.ZoneId.of(zone).getId();
            } catch (java.time.DateTimeException e) {
                throw Refusal.invalid("account.time-zone-invalid", zone);
            }
        }
        accounts.changeTimeZone(id, zone);
        Actor actor = Actor.current();
        events.publishEvent(new AccountEvents.TimeZoneChanged(actor.email(), id, zone, actor.source(), Instant.now()));
        return accounts.find(id).orElseThrow();
    }

    private AccountView register(RequestAccount command, AccountStatus status) {
        Actor actor = Actor.current();
        if (actor.is(Role.VIEWER) || actor.is(Role.RESPONDER)) {
            throw Refusal.forbidden("account.request-not-allowed");
        }
        String network = command.network().strip().toLowerCase(java.util.Locale.ROOT);
        if (!Networks.CODES.contains(network)) {
            throw Refusal.invalid("account.network-unknown", command.network());
        }
        String handle = command.handle().strip();
        if (accounts.handleTaken(network, handle)) {
            throw Refusal.conflict("account.handle-taken", handle);
        }
        List<Long> beyond = new java.util.ArrayList<>();
        for (long owner : command.owners().stream().distinct().toList()) {
            MemberView member = team.member(owner);
            if (!member.active()) {
                throw Refusal.invalid("account.owner-inactive", member.name());
            }
            if (capacity.admit(owner, command.capacityOverride())) {
                beyond.add(owner);
            }
        }
        long id = accounts.insert(
                network,
                handle,
                blankToNull(command.url()),
                command.purpose().strip(),
                blankToNull(command.notes()),
                status,
                actor.requireMemberId(),
                command.owners());
        events.publishEvent(new AccountRequested(actor.email(), id, network, handle, actor.source(), Instant.now()));
        beyond.forEach(owner -> capacity.overridden(owner, id, command.capacityOverride()));
        return accounts.find(id).orElseThrow();
    }

    /** A lead or admin approves or rejects a request; a rejection says why. */
    public AccountView decide(long id, Decide decision) {
        Actor actor = Actor.current();
        if (!actor.is(Role.ADMIN) && !actor.is(Role.LEAD)) {
            throw Refusal.forbidden("account.decide-not-allowed");
        }
        AccountView account = account(id);
        if (account.status() != AccountStatus.REQUESTED) {
            throw Refusal.conflict("account.not-requested");
        }
        String reason = blankToNull(decision.reason());
        if (!decision.approve() && reason == null) {
            throw Refusal.invalid("account.reason-required");
        }
        accounts.decide(
                id,
                decision.approve() ? AccountStatus.ACTIVE : AccountStatus.REJECTED,
                actor.requireMemberId(),
                reason);
        events.publishEvent(
                new AccountDecided(actor.email(), id, decision.approve(), reason, actor.source(), Instant.now()));
        return accounts.find(id).orElseThrow();
    }

    @Transactional(readOnly = true)
    public List<GrantView> grants(long accountId) {
        access.requireVisible(accountId);
        return accounts.grants(accountId);
    }

    /** Admins set what a member may do on an account. */
    public GrantView grant(long accountId, GrantAccess command) {
        Actor actor = Actor.current();
        if (!actor.is(Role.ADMIN)) {
            throw Refusal.forbidden("error.forbidden");
        }
        account(accountId);
        if (!team.member(command.memberId()).active()) {
            throw Refusal.invalid("account.grantee-inactive");
        }
        accounts.replaceGrant(accountId, command.memberId(), command.permissions(), actor.requireMemberId());
        events.publishEvent(new AccessChanged(
                actor.email(),
                accountId,
                command.memberId(),
                command.permissions().isEmpty() ? "none" : new TreeSet<>(command.permissions()).toString(),
                actor.source(),
                Instant.now()));
        return new GrantView(accountId, command.memberId(), command.permissions());
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
