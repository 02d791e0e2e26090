package dev.rapport.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.core.AuditRecord;
import dev.rapport.core.Audited;
import dev.rapport.core.WorkspaceZone;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;

/** The audit module on its own: any module's {@link Audited} event lands in the chain. */
@ApplicationModuleTest
class AuditModuleTests {

    /** An event as another module would publish it. */
    record CampaignDeleted(String actor, long campaignId, Instant occurredAt) implements Audited {
        @Override
        public AuditRecord auditRecord() {
            return new AuditRecord(actor, "campaign.deleted", "campaign:" + campaignId, null, "10.1.2.3", occurredAt);
        }
    }

    /** The team module is not started here: its time zone comes from the test. */
    @TestConfiguration
    static class OtherModules {
        @Bean
        WorkspaceZone workspaceZone() {
            return () -> ZoneId.of("Asia/Shanghai");
        }
    }

    @Autowired
    AuditLog audit;

    @Test
    void anAuditedEventOfAnyModuleIsAppendedToTheChain(Scenario scenario) {
        scenario.publish(new CampaignDeleted("lead@acme.test", 7, Instant.now()))
                .andWaitForStateChange(
                        () -> audit.find(new AuditQuery("lead@acme.test", "campaign.", null, null, 0, 10))
                                .entries())
                .andVerify(entries -> {
                    assertThat(entries).singleElement().satisfies(entry -> {
                        assertThat(entry.target()).isEqualTo("campaign:7");
                        assertThat(entry.source()).isEqualTo("10.1.2.3");
                    });
                    assertThat(audit.verify().intact()).isTrue();
                });
    }
}
