package dev.rapport.team;

import dev.rapport.core.AuditRecord;
import dev.rapport.core.Refusal;
import dev.rapport.core.RequestOrigin;
import dev.rapport.team.security.AccessTokenAuthentication;
import dev.rapport.team.security.MemberPrincipal;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The signed-in member behind the current request, as far as the team knows it.
 *
 * @param role the member's role when they signed in; null for the system itself
 * @param viaToken whether the request authenticated with a personal access token
 */
public record Actor(
        @Nullable Long memberId,
        String email,
        @Nullable Role role,
        @Nullable String source,
        boolean viaToken) {

    /** The current member, or "system" when no one is signed in (start-up, command line). */
    public static Actor current() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof MemberPrincipal principal) {
            return new Actor(
                    principal.id(),
                    principal.getUsername(),
                    principal.role(),
                    RequestOrigin.address(),
                    AccessTokenAuthentication.VIA_TOKEN.equals(authentication.getDetails()));
        }
        return new Actor(null, AuditRecord.SYSTEM, null, RequestOrigin.address(), false);
    }

    public boolean is(Role role) {
        return this.role == role;
    }

    public long requireMemberId() {
        if (memberId == null) {
            throw Refusal.forbidden("error.forbidden");
        }
        return memberId;
    }
}
