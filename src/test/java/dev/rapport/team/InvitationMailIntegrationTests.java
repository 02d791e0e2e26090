package dev.rapport.team;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import dev.rapport.team.Commands.InviteMember;
import dev.rapport.testing.LoopbackSmtp;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** With an SMTP server configured, an invitation reaches the member in their language. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
class InvitationMailIntegrationTests {

    static final int PORT = LoopbackSmtp.freePort();

    /** A real SMTP server on loopback, started afresh for each test. */
    @RegisterExtension
    static GreenMailExtension smtp = LoopbackSmtp.server(PORT);

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        LoopbackSmtp.configure(registry, PORT);
        registry.add("rapport.mail.from", () -> "rapport@acme.test");
    }

    @Autowired
    TeamManagement team;

    @Autowired
    InvitationMail mail;

    @Test
    void theInvitationIsEmailedInTheMembersLanguage() throws Exception {
        String email = "zhou-" + UUID.randomUUID().toString().substring(0, 8) + "@rapport.test";
        Invited invited = team.invite(new InviteMember("周杰", email, Role.MARKETER, null, "zh-CN"));
        String link = "http://localhost:8080" + invited.path();

        assertThat(mail.send(invited, link)).isTrue();

        var messages = smtp.getReceivedMessages();
        assertThat(messages).hasSize(1);
        assertThat(GreenMailUtil.getAddressList(messages[0].getAllRecipients())).isEqualTo(email);
        assertThat((String) messages[0].getContent()).contains(link.substring(link.length() - 20));
        assertThat(messages[0].getSubject()).contains("邀请你加入");
    }

    @Test
    void aFailingMailServerLosesNothing() {
        String email = "wu-" + UUID.randomUUID().toString().substring(0, 8) + "@rapport.test";
        Invited invited = team.invite(new InviteMember("Wu", email, Role.VIEWER, null, "en"));
        smtp.stop();

        assertThat(mail.send(invited, "http://localhost:8080" + invited.path())).isFalse();
        assertThat(team.invitation(invited.token())).isPresent();
    }
}
