package dev.rapport.team;

import dev.rapport.core.Languages;
import dev.rapport.core.Mailer;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * E-mails an invitation or sign-in link in the member's language, where mail is configured. The
 * admin always sees the link too, so a failed e-mail loses nothing.
 */
@Component
public class InvitationMail {

    private final Mailer mailer;
    private final MessageSource messages;
    private final TeamManagement team;

    InvitationMail(Mailer mailer, MessageSource messages, TeamManagement team) {
        this.mailer = mailer;
        this.messages = messages;
        this.team = team;
    }

    /** Sends the link; true if an SMTP server accepted the message. */
    public boolean send(Invited invited, String url) {
        if (!mailer.configured()) {
            return false;
        }
        MemberView member = invited.member();
        Locale locale = Languages.parse(member.language());
        String workspace = team.workspace().name();
        return mailer.send(
                member.email(),
                messages.getMessage("mail.invitation.subject", new Object[] {workspace}, locale),
                messages.getMessage("mail.invitation.body", new Object[] {member.name(), workspace, url}, locale));
    }
}
