package dev.rapport.team.security;

import dev.rapport.core.Languages;
import dev.rapport.team.TeamEvents.MemberLockedOut;
import dev.rapport.team.TeamEvents.MemberSignedIn;
import dev.rapport.team.TeamEvents.SignInFailed;
import dev.rapport.team.domain.Member;
import dev.rapport.team.domain.Members;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts failed sign-ins and locks a member out with growing waits; records every failure and
 * every interactive sign-in in the audit log.
 */
@Component
public class SignIns {

    static final String NOT_AN_ADDRESS = "(not an e-mail address)";

    private final Members members;
    private final ApplicationEventPublisher events;
    private final int maxFailures;
    private final Duration firstLockout;
    private final Duration maxLockout;

    SignIns(
            Members members,
            ApplicationEventPublisher events,
            @Value("${rapport.sign-in.max-failures}") int maxFailures,
            @Value("${rapport.sign-in.first-lockout}") Duration firstLockout,
            @Value("${rapport.sign-in.max-lockout}") Duration maxLockout) {
        this.members = members;
        this.events = events;
        this.maxFailures = maxFailures;
        this.firstLockout = firstLockout;
        this.maxLockout = maxLockout;
    }

    @EventListener
    @Transactional
    public void failed(AbstractAuthenticationFailureEvent event) {
        String email =
                String.valueOf(event.getAuthentication().getPrincipal()).strip().toLowerCase(Locale.ROOT);
        String source = source(event.getAuthentication().getDetails());
        Instant now = Instant.now();
        var failure = event.getException();
        String reason = failure instanceof LockedException
                ? "locked"
                : failure instanceof DisabledException
                        ? "deactivated"
                        : failure instanceof BadCredentialsException ? "bad-credentials" : "error";
        // People sometimes type their password into the e-mail field: never record what is not an address.
        if (email.length() > 254 || !email.contains("@") || email.contains(" ")) {
            email = NOT_AN_ADDRESS;
        }
        events.publishEvent(new SignInFailed(email, reason, source, now));
        if (!reason.equals("bad-credentials")) {
            return;
        }
        members.findByEmailIgnoringCase(email).ifPresent(member -> countFailure(member, source, now));
    }

    /**
     * A wrong password where an action asked for it again (revealing a credential): counted like a
     * failed sign-in, in a transaction of its own so that the refusal does not roll it back.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void reauthenticationFailed(long memberId, @Nullable String source) {
        Instant now = Instant.now();
        members.findById(memberId).ifPresent(member -> {
            events.publishEvent(new SignInFailed(member.email(), "re-authentication", source, now));
            countFailure(member, source, now);
        });
    }

    private void countFailure(Member member, @Nullable String source, Instant now) {
        members.countFailedSignIn(member.id());
        int failures = members.findById(member.id()).orElseThrow().failedSignIns();
        Instant until = Member.lockedUntil(failures, now, maxFailures, firstLockout, maxLockout);
        if (until != null) {
            members.lockUntil(member.id(), until);
            if (!member.lockedAt(now)) {
                events.publishEvent(new MemberLockedOut(member.id(), member.email(), until, source, now));
            }
        }
    }

    /** Any successful authentication (form, Basic) resets the failure count. */
    @EventListener
    @Transactional
    public void succeeded(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof MemberPrincipal principal) {
            members.clearFailedSignIns(principal.id());
        }
    }

    /** An interactive sign-in through the form: audited, and the member's language returned. */
    @Transactional
    public Locale signedIn(MemberPrincipal principal, @Nullable String source) {
        events.publishEvent(new MemberSignedIn(principal.id(), principal.getUsername(), source, Instant.now()));
        return members.findById(principal.id())
                .map(Member::language)
                .map(Languages::parse)
                .orElse(Languages.ENGLISH);
    }

    private static @Nullable String source(@Nullable Object details) {
        return details instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
    }
}
