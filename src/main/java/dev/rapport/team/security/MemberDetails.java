package dev.rapport.team.security;

import dev.rapport.team.domain.Member;
import dev.rapport.team.domain.Members;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Loads members for sign-in; a member who has not set a password yet cannot sign in. */
@Component
class MemberDetails implements UserDetailsService {

    private final Members members;

    MemberDetails(Members members) {
        this.members = members;
    }

    @Override
    public MemberPrincipal loadUserByUsername(String email) {
        Member member = members.findByEmailIgnoringCase(email.strip())
                .filter(candidate -> candidate.passwordHash() != null)
                .orElseThrow(() -> new UsernameNotFoundException("no such member"));
        return principal(member, member.passwordHash());
    }

    static MemberPrincipal principal(Member member, @Nullable String password) {
        return new MemberPrincipal(
                member.id(),
                member.email(),
                member.displayName(),
                member.role(),
                member.active(),
                member.lockedAt(Instant.now()),
                password);
    }
}
