package dev.rapport.accounts;

import dev.rapport.accounts.domain.AccountRecords;
import dev.rapport.core.Refusal;
import dev.rapport.team.Actor;
import dev.rapport.team.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who may do what on an account — the one check the UI, the API and every later module use.
 * Admins may do everything; leads see every account (they decide requests); owners may do
 * everything on their accounts; anyone else only what a grant allows.
 */
@Service
@Transactional(readOnly = true)
public class AccountAccess {

    private final AccountRecords accounts;

    AccountAccess(AccountRecords accounts) {
        this.accounts = accounts;
    }

    /** Whether the signed-in member may do this on the account. */
    public boolean can(long accountId, AccountPermission permission) {
        Actor actor = Actor.current();
        if (actor.is(Role.ADMIN)) {
            return true;
        }
        if (actor.memberId() == null) {
            return false;
        }
        return (ownerRights(actor, accountId) && accounts.owns(actor.memberId(), accountId))
                || accounts.permissions(actor.memberId(), accountId).contains(permission);
    }

    /**
     * Owners act on their accounts while they hold a role that works on accounts (a marketer demoted
     * to viewer keeps the name on the account, not the rights) and while the account is in use: a
     * request not yet approved, a rejected or a retired account gives its owners nothing to manage.
     */
    private boolean ownerRights(Actor actor, long accountId) {
        boolean role = actor.is(Role.LEAD) || actor.is(Role.MARKETER);
        return role
                && accounts.find(accountId)
                        .map(account -> account.status() == AccountStatus.ACTIVE
                                || account.status() == AccountStatus.PAUSED
                                || account.status() == AccountStatus.DISCOVERED)
                        .orElse(false);
    }

    /** Whether the signed-in member may see the account at all. */
    public boolean canSee(long accountId) {
        Actor actor = Actor.current();
        if (actor.is(Role.ADMIN) || actor.is(Role.LEAD)) {
            return true;
        }
        return actor.memberId() != null
                && (accounts.owns(actor.memberId(), accountId)
                        || !accounts.permissions(actor.memberId(), accountId).isEmpty());
    }

    /**
     * Refuses unless the member may do this: an account they cannot see is "not found" (its
     * existence is none of their business), one they see but may not act on is "forbidden".
     */
    public void require(long accountId, AccountPermission permission) {
        requireVisible(accountId);
        if (!can(accountId, permission)) {
            throw Refusal.forbidden("account.permission-missing", permission.name());
        }
    }

    public void requireVisible(long accountId) {
        if (accounts.find(accountId).isEmpty() || !canSee(accountId)) {
            throw Refusal.notFound("account.not-found", String.valueOf(accountId));
        }
    }
}
