package dev.rapport.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dev.rapport.accounts.AccountManagement;
import dev.rapport.accounts.AccountStatus;
import dev.rapport.accounts.domain.AccountRecords;
import dev.rapport.connectors.domain.ConnectionRecords;
import dev.rapport.connectors.sandbox.SandboxConnector;
import dev.rapport.connectors.spi.PublishRequest;
import dev.rapport.team.Commands.InviteMember;
import dev.rapport.team.Role;
import dev.rapport.team.TeamManagement;
import dev.rapport.testing.ApplicationTest;
import dev.rapport.testing.LoopbackSmtp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A connection's life over weeks: its token is refreshed when it expires, and owners hear before it does. */
@ApplicationTest
class ConnectionLifecycleIntegrationTests {

    static final int SMTP = LoopbackSmtp.freePort();

    @RegisterExtension
    static GreenMailExtension smtp = LoopbackSmtp.server(SMTP);

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        LoopbackSmtp.configure(registry, SMTP);
        registry.add("rapport.scheduler.enabled", () -> "false");
    }

    @Autowired
    TeamManagement team;

    @Autowired
    AccountRecords accountRecords;

    @Autowired
    AccountManagement accounts;

    @Autowired
    Connections connections;

    @Autowired
    ConnectionRecords records;

    @Autowired
    ConnectionWarnings warnings;

    @Autowired
    JdbcClient jdbc;

    long sandboxAccount(String email, String language) {
        var owner = team.invite(new InviteMember("王芳", email, Role.MARKETER, null, language))
                .member();
        long id = accountRecords.insert(
                "weibo",
                "life-" + UUID.randomUUID().toString().substring(0, 6),
                null,
                "p",
                null,
                AccountStatus.ACTIVE,
                owner.id(),
                List.of(owner.id()));
        connections.connectToSandbox(accounts.find(id).orElseThrow(), owner.id());
        return id;
    }

    @Test
    void anExpiredTokenIsRefreshedOnceAndThePublicationGoesThrough() {
        long id = sandboxAccount("refresh-" + UUID.randomUUID() + "@rapport.test", "en");
        String past = Instant.now().minus(1, ChronoUnit.DAYS).toString();
        jdbc.sql("UPDATE network_connection SET settings = ? WHERE account_id = ?")
                .params("{\"handle\":\"life\",\"" + SandboxConnector.EXPIRES_AT + "\":\"" + past + "\"}", id)
                .update();

        PublishOutcome outcome =
                connections.publish(id, PublishRequest.text(UUID.randomUUID().toString(), "早上好"));

        assertThat(outcome.status()).isEqualTo(PublishOutcome.Status.PUBLISHED);
        ConnectionView renewed = records.find(id).orElseThrow();
        assertThat(Instant.parse(renewed.settings().get(SandboxConnector.EXPIRES_AT)))
                .isAfter(Instant.now());
        assertThat(renewed.status()).isEqualTo(ConnectionStatus.CONNECTED);
    }

    @Test
    void ownersAreWarnedInTheirLanguageAWeekBeforeAConnectionExpiresAndNotAgainTheSameWeek() throws Exception {
        String email = "expiring-" + UUID.randomUUID() + "@rapport.test";
        long id = sandboxAccount(email, "zh-CN");
        jdbc.sql("UPDATE network_connection SET expires_at = ? WHERE account_id = ?")
                .params(Instant.now().plus(3, ChronoUnit.DAYS).atOffset(ZoneOffset.UTC), id)
                .update();
        assertThat(records.find(id).orElseThrow().status()).isEqualTo(ConnectionStatus.EXPIRING);

        warnings.warn();
        warnings.warn();

        var received = LoopbackSmtp.messagesTo(smtp, email);
        assertThat(received).hasSize(1);
        assertThat(received.get(0).getSubject()).contains("即将过期");
    }
}
