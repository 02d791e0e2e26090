package dev.rapport.team.security;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/** A member's sessions, found by their e-mail in the shared session store. */
@Component
public class MemberSessions {

    public static final String ADDRESS = "rapport.address";
    public static final String AGENT = "rapport.agent";

    /** One signed-in browser. */
    public record SessionView(
            String id,
            Instant createdAt,
            Instant lastAccessedAt,
            @Nullable String address,
            @Nullable String agent) {}

    private final FindByIndexNameSessionRepository<? extends Session> sessions;

    MemberSessions(FindByIndexNameSessionRepository<? extends Session> sessions) {
        this.sessions = sessions;
    }

    public List<SessionView> of(String email) {
        return sessions.findByPrincipalName(email).values().stream()
                .map(session -> new SessionView(
                        session.getId(),
                        session.getCreationTime(),
                        session.getLastAccessedTime(),
                        session.getAttribute(ADDRESS),
                        session.getAttribute(AGENT)))
                .sorted(Comparator.comparing(SessionView::lastAccessedAt).reversed())
                .toList();
    }

    public int revokeAll(String email) {
        return revokeAllExcept(email, null);
    }

    public int revokeAllExcept(String email, @Nullable String keepSessionId) {
        int revoked = 0;
        for (String id : sessions.findByPrincipalName(email).keySet()) {
            if (!id.equals(keepSessionId)) {
                sessions.deleteById(id);
                revoked++;
            }
        }
        return revoked;
    }
}
