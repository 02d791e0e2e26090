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
 * @param viaToken whether the request authenticated with a personal access token
 */
public record Actor(
        @Nullable Long memberId, String email, @Nullable String source, boolean viaToken) {

    /** The current member, or "system" when no one is signed in (start-up, command line). */
    public static Actor current() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof MemberPrincipal principal) {
            return new Actor(
                    principal.id(),
                    principal.getUsername(),
                    RequestOrigin.address(),
                    AccessTokenAuthentication.VIA_TOKEN.equals(authentication.getDetails()));
        }
        return new Actor(null, AuditRecord.SYSTEM, RequestOrigin.address(), false);
    }

    public long requireMemberId() {
        if (memberId == null) {
            throw new Refusal(Refusal.Kind.FORBIDDEN, "error.forbidden");
        }
        return memberId;
    }
}
