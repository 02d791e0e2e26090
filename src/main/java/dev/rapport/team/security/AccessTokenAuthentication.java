package dev.rapport.team.security;

import dev.rapport.team.domain.AccessToken;
import dev.rapport.team.domain.AccessTokens;
import dev.rapport.team.domain.Member;
import dev.rapport.team.domain.Members;
import dev.rapport.team.domain.Secrets;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer rpt_...}: looks the token's hash up on every request, so that a
 * revoked token, an expired one or a deactivated member is refused at once.
 */
public class AccessTokenAuthentication extends OncePerRequestFilter {

    private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

    /** The details of an authentication made with a personal access token. */
    public static final String VIA_TOKEN = "personal-access-token";

    private final AccessTokens tokens;
    private final Members members;
    private final AuthenticationEntryPoint entryPoint;

    AccessTokenAuthentication(AccessTokens tokens, Members members, AuthenticationEntryPoint entryPoint) {
        this.tokens = tokens;
        this.members = members;
        this.entryPoint = entryPoint;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        Instant now = Instant.now();
        String secret = header.substring(7).strip();
        var principal = tokens.findByTokenHash(Secrets.sha256(secret))
                .filter(token -> token.usableAt(now))
                .flatMap(token -> {
                    touch(token, now);
                    return members.findById(token.memberId());
                })
                // A password lockout does not stop tokens: otherwise anyone could break a member's
                // integrations by guessing at their password.
                .filter(Member::active)
                .map(member -> MemberDetails.principal(member, null));
        if (principal.isEmpty()) {
            SecurityContextHolder.clearContext();
            entryPoint.commence(request, response, new BadCredentialsException("invalid token"));
            return;
        }
        var authentication = UsernamePasswordAuthenticationToken.authenticated(
                principal.get(), null, principal.get().getAuthorities());
        authentication.setDetails(VIA_TOKEN);
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        chain.doFilter(request, response);
    }

    private void touch(AccessToken token, Instant now) {
        if (token.lastUsedAt() == null
                || token.lastUsedAt().plus(LAST_USED_PRECISION).isBefore(now)) {
            tokens.touch(token.id(), now);
        }
    }
}
