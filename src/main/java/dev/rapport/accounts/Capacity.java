package dev.rapport.accounts;

import dev.rapport.accounts.AccountEvents.CapacityLimitChanged;
import dev.rapport.accounts.AccountEvents.CapacityOverridden;
import dev.rapport.core.Refusal;
import dev.rapport.team.Actor;
import dev.rapport.team.MemberView;
import dev.rapport.team.Role;
import dev.rapport.team.TeamManagement;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The article's rule of thumb: one marketer manages two to four accounts well; more spreads the
 * team thin. A marketer at the workspace's limit gets a warning; beyond it a new account is refused
 * unless a lead or admin overrides it with a reason, which is audited.
 */
@Service
@Transactional
public class Capacity {

    static final int MAX_LIMIT = 50;
    private static final String LIVE = "('REQUESTED','DISCOVERED','ACTIVE','PAUSED')";

    /** How loaded a member is. */
    public record Load(long memberId, String name, Role role, long accounts, int limit) {
        public boolean atLimit() {
            return role == Role.MARKETER && accounts == limit;
        }

        public boolean overLimit() {
            return role == Role.MARKETER && accounts > limit;
        }
    }

    /** The limit and every active member's load. */
    public record Overview(int limit, List<Load> members) {}

    private final JdbcClient jdbc;
    private final TeamManagement team;
    private final ApplicationEventPublisher events;

    Capacity(JdbcClient jdbc, TeamManagement team, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.team = team;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public int limit() {
        return jdbc.sql("SELECT max_accounts_per_member FROM capacity_rule WHERE id = 1")
                .query(Integer.class)
                .single();
    }

    @Transactional(readOnly = true)
    public Overview overview() {
        int limit = limit();
        return new Overview(
                limit,
                team.members().stream()
                        .filter(MemberView::active)
                        .map(member -> new Load(member.id(), member.name(), member.role(), owned(member.id()), limit))
                        .toList());
    }

    public int changeLimit(int limit) {
        Actor actor = Actor.current();
        if (!actor.is(Role.ADMIN)) {
            throw Refusal.forbidden("error.forbidden");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw Refusal.invalid("capacity.limit-invalid", 1, MAX_LIMIT);
        }
        jdbc.sql("UPDATE capacity_rule SET max_accounts_per_member = ? WHERE id = 1")
                .param(limit)
                .update();
        events.publishEvent(new CapacityLimitChanged(actor.email(), limit, actor.source(), Instant.now()));
        return limit;
    }

    /**
     * Before a marketer gets one more account: refused beyond the limit unless a lead or admin gives
     * an override reason. Returns whether it is such an override, to be recorded.
     */
    boolean admit(long memberId, @Nullable String overrideReason) {
        MemberView member = team.member(memberId);
        int limit = limit();
        if (member.role() != Role.MARKETER || owned(memberId) + 1 <= limit) {
            return false;
        }
        Actor actor = Actor.current();
        boolean mayOverride = actor.is(Role.LEAD) || actor.is(Role.ADMIN);
        if (!mayOverride || overrideReason == null || overrideReason.isBlank()) {
            throw Refusal.conflict("capacity.exceeded", member.name(), limit);
        }
        return true;
    }

    /** The loads of these members, for warnings beside an account. */
    @Transactional(readOnly = true)
    public List<Load> loads(List<Long> memberIds) {
        int limit = limit();
        return memberIds.stream()
                .map(team::member)
                .map(member -> new Load(member.id(), member.name(), member.role(), owned(member.id()), limit))
                .toList();
    }

    /** Records an override once the account exists. */
    void overridden(long memberId, long accountId, String reason) {
        Actor actor = Actor.current();
        events.publishEvent(new CapacityOverridden(
                actor.email(), memberId, accountId, reason.strip(), actor.source(), Instant.now()));
    }

    private long owned(long memberId) {
        return jdbc.sql(
                        "SELECT COUNT(*) FROM account a JOIN account_owner o ON o.account_id = a.id WHERE o.member_id = ? AND a.status IN "
                                + LIVE)
                .param(memberId)
                .query(Long.class)
                .single();
    }
}
