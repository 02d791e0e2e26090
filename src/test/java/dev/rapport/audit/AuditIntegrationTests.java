package dev.rapport.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rapport.team.Role;
import dev.rapport.team.TeamManagement;
import dev.rapport.testing.Api;
import dev.rapport.testing.ApplicationTest;
import dev.rapport.testing.TestMembers;
import dev.rapport.testing.WebSession;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@ApplicationTest
class AuditIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    TeamManagement team;

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcClient jdbc;

    @Test
    void sensitiveActionsAreRecordedWithWhoWhatAndWhere() {
        var member = TestMembers.create(team, Role.MARKETER);
        new WebSession(port).signIn(member.email(), "not the password");
        new WebSession(port).signIn(member.email(), member.password());
        var api = new Api(port).basic(TestMembers.ADMIN_EMAIL, TestMembers.ADMIN_PASSWORD);
        api.patch("/api/v1/members/" + member.id(), "{\"role\":\"LEAD\"}");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            var entries = audit.find(new AuditQuery(member.email(), null, null, null, 0, 100))
                    .entries();
            assertThat(entries)
                    .extracting(AuditEntry::action)
                    .contains("member.password-changed", "sign-in.failed", "sign-in.succeeded");
            assertThat(audit.find(new AuditQuery(null, "member.invited", null, null, 0, 500))
                            .entries())
                    .anySatisfy(e -> assertThat(e.detail()).isEqualTo(member.email() + " as MARKETER"));
            var failed = entries.stream()
                    .filter(e -> e.action().equals("sign-in.failed"))
                    .findFirst()
                    .orElseThrow();
            assertThat(failed.source()).isNotBlank();
            var roleChange = audit.find(
                            new AuditQuery(TestMembers.ADMIN_EMAIL, "member.role-changed", null, null, 0, 100))
                    .entries();
            assertThat(roleChange).anySatisfy(e -> {
                assertThat(e.target()).isEqualTo("member:" + member.id());
                assertThat(e.detail()).isEqualTo("MARKETER -> LEAD");
            });
        });
    }

    @Test
    void anEditedRowBreaksTheChainAtThatEntry() {
        var member = TestMembers.create(team, Role.VIEWER);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> audit.find(new AuditQuery(member.email(), "member.password-changed", null, null, 0, 1))
                                .total()
                        > 0);
        assertThat(audit.verify().intact()).isTrue();
        var invited = audit.find(new AuditQuery(null, "member.invited", null, null, 0, 100)).entries().stream()
                .filter(e -> ("member:" + member.id()).equals(e.target()))
                .findFirst()
                .orElseThrow();
        try {
            jdbc.sql("UPDATE audit_entry SET detail = 'nothing to see' WHERE seq = ?")
                    .param(invited.seq())
                    .update();

            var verification = new Api(port)
                    .basic(TestMembers.ADMIN_EMAIL, TestMembers.ADMIN_PASSWORD)
                    .get("/api/v1/audit/verification");
            assertThat(verification.body())
                    .contains("\"firstBroken\":" + invited.seq())
                    .contains("\"problem\":\"content\"");
        } finally {
            // The test database is shared: put the row back so that the chain is whole again.
            jdbc.sql("UPDATE audit_entry SET detail = ? WHERE seq = ?")
                    .params(invited.detail(), invited.seq())
                    .update();
        }
        assertThat(audit.verify().intact()).isTrue();
    }
}
