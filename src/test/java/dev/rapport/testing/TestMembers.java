package dev.rapport.testing;

import dev.rapport.team.Commands.InviteMember;
import dev.rapport.team.Role;
import dev.rapport.team.TeamManagement;
import java.util.UUID;

/** Members made for a test, each with a unique e-mail so that tests never share one. */
public final class TestMembers {

    public static final String ADMIN_EMAIL = "admin@rapport.test";
    public static final String ADMIN_PASSWORD = "Quiet-harbour-lantern-42";
    public static final String PASSWORD = "Fresh-member-passphrase-7";

    public record Credentials(long id, String email, String password) {}

    private TestMembers() {}

    /** Invites a member and sets their password through the invitation, as a person would. */
    public static Credentials create(TeamManagement team, Role role) {
        String email =
                role.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8) + "@rapport.test";
        var invited = team.invite(new InviteMember("Test " + role, email, role, null, "en"));
        team.acceptInvitation(invited.token(), PASSWORD);
        return new Credentials(invited.member().id(), email, PASSWORD);
    }
}
