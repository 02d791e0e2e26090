package dev.rapport.accounts;

import dev.rapport.accounts.AccountEvents.MemberOffboarded;
import dev.rapport.accounts.domain.AccountRecords;
import dev.rapport.accounts.domain.SecretRecords;
import dev.rapport.core.Refusal;
import dev.rapport.team.AccessTokenManagement;
import dev.rapport.team.Actor;
import dev.rapport.team.Commands.ChangeMember;
import dev.rapport.team.MemberView;
import dev.rapport.team.Role;
import dev.rapport.team.TeamEvents.MemberDeactivated;
import dev.rapport.team.TeamEvents.MemberRoleChanged;
import dev.rapport.team.TeamManagement;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Offboarding and role change as one action: the member's sessions, tokens and grants end at once,
 * each account they owned gets a new owner, and every secret they could reveal gets a rotation task
 * that stays open until a new value is stored. A deactivation or role change made elsewhere (the
 * team page, the API) gets the same treatment from the listener, minus the new owners, which this
 * page then asks for.
 */
@Service
@Transactional
public class Offboarding {

    /**
     * The action: {@code leaving} deactivates the member, else {@code newRole} is their new role;
     * {@code newOwners} maps each account they own to its new owner.
     */
    public record Offboard(
            boolean leaving,
            @Nullable Role newRole,
            @Size(max = 500) Map<Long, Long> newOwners) {}

    /** Where a member stands: accounts still owned, and the rotation tasks opened for them. */
    public record Status(MemberView member, List<AccountView> ownedAccounts, List<RotationTask> rotationTasks) {

        public long outstanding() {
            return rotationTasks.stream().filter(task -> !task.done()).count();
        }
    }

    private final AccountRecords accounts;
    private final SecretRecords secrets;
    private final TeamManagement team;
    private final AccessTokenManagement tokens;
    private final ApplicationEventPublisher events;

    Offboarding(
            AccountRecords accounts,
            SecretRecords secrets,
            TeamManagement team,
            AccessTokenManagement tokens,
            ApplicationEventPublisher events) {
        this.accounts = accounts;
        this.secrets = secrets;
        this.team = team;
        this.tokens = tokens;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public Status status(long memberId) {
        requireAdmin();
        return new Status(team.member(memberId), accounts.ownedBy(memberId), secrets.tasksFor(memberId));
    }

    public Status offboard(long memberId, Offboard command) {
        Actor actor = requireAdmin();
        MemberView member = team.member(memberId);
        if (actor.memberId() != null && actor.memberId() == memberId) {
            throw Refusal.invalid("offboarding.not-yourself");
        }
        if (!command.leaving()
                && (!member.active() || command.newRole() == null || command.newRole() == member.role())) {
            throw Refusal.invalid("offboarding.nothing-to-do");
        }
        List<AccountView> owned = accounts.ownedBy(memberId);
        Map<Long, Long> newOwners = new LinkedHashMap<>();
        for (AccountView account : owned) {
            Long next = command.newOwners() == null ? null : command.newOwners().get(account.id());
            if (next == null && account.owners().size() == 1) {
                throw Refusal.invalid("offboarding.new-owner-needed", account.handle());
            }
            if (next != null && (next == memberId || !team.member(next).active())) {
                throw Refusal.invalid("offboarding.new-owner-invalid", account.handle());
            }
            newOwners.put(account.id(), next);
        }
        // What they could reveal is decided before anything is taken away.
        List<SecretView> reachable = reachableSecrets(memberId, member.role());
        String reason = command.leaving() ? "left" : "role-changed";

        team.change(
                memberId,
                command.leaving()
                        ? new ChangeMember(null, null, null, null, null, false)
                        : new ChangeMember(null, null, command.newRole(), null, null, null));
        tokens.revokeAll(memberId);
        newOwners.forEach((account, next) -> accounts.replaceOwner(account, memberId, next));
        int grants = accounts.deleteGrantsOf(memberId);
        int tasks = openTasks(reachable, memberId, reason);
        events.publishEvent(new MemberOffboarded(
                actor.email(), memberId, reason, owned.size(), grants, tasks, actor.source(), Instant.now()));
        return status(memberId);
    }

    /** The same for a deactivation or role change made on the team page or through the API. */
    @ApplicationModuleListener
    void on(MemberDeactivated event) {
        revokeAndOpenTasks(event.memberId(), team.member(event.memberId()).role(), "left");
    }

    /** Judged by the role they had: a former admin could reveal everything. */
    @ApplicationModuleListener
    void on(MemberRoleChanged event) {
        revokeAndOpenTasks(event.memberId(), event.from(), "role-changed");
    }

    private void revokeAndOpenTasks(long memberId, Role formerRole, String reason) {
        List<SecretView> reachable = reachableSecrets(memberId, formerRole);
        accounts.deleteGrantsOf(memberId);
        openTasks(reachable, memberId, reason);
    }

    private List<SecretView> reachableSecrets(long memberId, @Nullable Role role) {
        Set<Long> accountIds = new HashSet<>();
        accounts.ownedBy(memberId).forEach(account -> accountIds.add(account.id()));
        accountIds.addAll(accounts.grantedTo(memberId, AccountPermission.MANAGE_CREDENTIALS));
        Map<Long, SecretView> reachable = new LinkedHashMap<>();
        // Connection credentials cannot be revealed: only who entered them knows them; push keys
        // were made by Rapport, so nobody does.
        secrets.liveOn(accountIds, role == Role.ADMIN).stream()
                .filter(secret -> secret.kind() != SecretKind.CONNECTION
                        || (secret.createdBy() == memberId && !ConnectionCredentials.PUSH_LABEL.equals(secret.label())))
                .forEach(secret -> reachable.put(secret.id(), secret));
        secrets.exposedTo(memberId).forEach(secret -> reachable.put(secret.id(), secret));
        return List.copyOf(reachable.values());
    }

    private int openTasks(List<SecretView> reachable, long memberId, String reason) {
        int opened = 0;
        for (SecretView secret : reachable) {
            if (secrets.openTask(secret, memberId, reason)) {
                opened++;
            }
        }
        return opened;
    }

    private static Actor requireAdmin() {
        Actor actor = Actor.current();
        if (!actor.is(Role.ADMIN)) {
            throw Refusal.forbidden("error.forbidden");
        }
        return actor;
    }
}
