package dev.rapport.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dev.rapport.accounts.domain.AccountRecords;
import dev.rapport.accounts.domain.SecretRecords;
import dev.rapport.accounts.vault.Envelope;
import dev.rapport.accounts.vault.MasterKeys;
import dev.rapport.team.Commands.InviteMember;
import dev.rapport.team.Role;
import dev.rapport.team.TeamManagement;
import dev.rapport.testing.LoopbackSmtp;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The owners of an account hear about credentials due for rotation, in their language, once a week. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
class RotationRemindersIntegrationTests {

    static final int PORT = LoopbackSmtp.freePort();

    @RegisterExtension
    static GreenMailExtension smtp = LoopbackSmtp.server(PORT);

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        LoopbackSmtp.configure(registry, PORT);
        registry.add("rapport.scheduler.enabled", () -> "false");
    }

    @Autowired
    TeamManagement team;

    @Autowired
    AccountRecords accounts;

    @Autowired
    SecretRecords secrets;

    @Autowired
    MasterKeys keys;

    @Autowired
    RotationReminders reminders;

    @Autowired
    JdbcClient jdbc;

    @Test
    void ownersAreRemindedOfDueSecretsOnceAWeekInTheirLanguage() throws Exception {
        String email = "owner-" + UUID.randomUUID().toString().substring(0, 8) + "@rapport.test";
        var owner = team.invite(new InviteMember("刘洋", email, Role.MARKETER, null, "zh-CN"))
                .member();
        long account = accounts.insert(
                "weibo",
                "remind-" + UUID.randomUUID().toString().substring(0, 6),
                null,
                "p",
                null,
                AccountStatus.ACTIVE,
                owner.id(),
                List.of(owner.id()));
        long due = secret(account, "overdue login", 30);
        secret(account, "fresh key", 90);
        jdbc.sql("UPDATE secret SET changed_at = changed_at - INTERVAL '40' DAY WHERE id = ?")
                .param(due)
                .update();

        reminders.remind();

        var received = LoopbackSmtp.messagesTo(smtp, email);
        assertThat(received).hasSize(1);
        assertThat(received.get(0).getSubject()).contains("1 个凭据需要更换");
        String body = (String) received.get(0).getContent();
        assertThat(body).contains("overdue login").contains("已于").doesNotContain("fresh key");

        int before = smtp.getReceivedMessages().length;
        reminders.remind();
        assertThat(smtp.getReceivedMessages()).as("not again within a week").hasSize(before);
    }

    private long secret(long account, String label, int rotationDays) {
        String ref = UUID.randomUUID().toString();
        var sealed = Envelope.seal("value".getBytes(), ref + "|account:" + account, keys.current());
        return secrets.insert(account, ref, SecretKind.API_KEY, label, sealed, null, rotationDays, 1);
    }
}
