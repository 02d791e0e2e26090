package dev.rapport.team;

import dev.rapport.core.Languages;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * E-mails an invitation or sign-in link in the member's language, when an SMTP server is configured
 * ({@code spring.mail.host}). The admin always sees the link too, so a failed e-mail loses nothing.
 */
@Component
public class InvitationMail {

    private static final Logger log = LoggerFactory.getLogger(InvitationMail.class);

    private final ObjectProvider<JavaMailSender> sender;
    private final MessageSource messages;
    private final TeamManagement team;
    private final String from;

    InvitationMail(
            ObjectProvider<JavaMailSender> sender,
            MessageSource messages,
            TeamManagement team,
            @Value("${rapport.mail.from:rapport@localhost}") String from) {
        this.sender = sender;
        this.messages = messages;
        this.team = team;
        this.from = from;
    }

    /** Sends the link; true if an SMTP server accepted the message. */
    public boolean send(Invited invited, String url) {
        JavaMailSender mail = sender.getIfAvailable();
        if (mail == null) {
            return false;
        }
        MemberView member = invited.member();
        Locale locale = Languages.parse(member.language());
        String workspace = team.workspace().name();
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(member.email());
        message.setSubject(messages.getMessage("mail.invitation.subject", new Object[] {workspace}, locale));
        message.setText(
                messages.getMessage("mail.invitation.body", new Object[] {member.name(), workspace, url}, locale));
        try {
            mail.send(message);
            return true;
        } catch (MailException e) {
            // The link itself stays out of the log: it is a credential until used.
            log.warn("Invitation e-mail to member {} failed: {}", member.id(), e.getMessage());
            return false;
        }
    }
}
