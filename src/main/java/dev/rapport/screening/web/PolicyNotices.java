package dev.rapport.screening.web;

import dev.rapport.core.web.HomeNotice;
import dev.rapport.core.web.MemberMark;
import dev.rapport.screening.Policies;
import dev.rapport.team.Actor;
import dev.rapport.team.MemberView;
import dev.rapport.team.Role;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Leads and admins see who has not acknowledged the current policy: on the home page and in the team list. */
@Component
class PolicyNotices implements HomeNotice, MemberMark {

    private final Policies policies;

    PolicyNotices(Policies policies) {
        this.policies = policies;
    }

    @Override
    public Optional<Notice> notice() {
        if (!leadOrAdmin()) {
            return Optional.empty();
        }
        List<MemberView> pending = policies.pending();
        if (pending.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Notice(
                "policy.notice.pending",
                List.of(pending.size(), policies.current().version()),
                "/policy"));
    }

    @Override
    public String messageKey() {
        return "policy.mark.pending";
    }

    @Override
    public Set<Long> members() {
        if (!leadOrAdmin()) {
            return Set.of();
        }
        return policies.pending().stream().map(MemberView::id).collect(Collectors.toSet());
    }

    private static boolean leadOrAdmin() {
        Actor actor = Actor.current();
        return actor.is(Role.ADMIN) || actor.is(Role.LEAD);
    }
}
