package dev.rapport.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rapport.core.AuditRecord;
import dev.rapport.core.Audited;
import dev.rapport.core.scheduling.EventRedelivery;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A node dies after the audit entry of an event was committed but before the registry marked the
 * event's publication complete: the publication is left behind, declared failed and delivered again.
 * The chain keeps one entry. On a database of its own, so that no other test context's redelivery
 * takes the publication.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.MOCK,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:audit-redelivery;MODE=PostgreSQL;DB_CLOSE_DELAY=-1",
            "rapport.events.redelivery.first-pause=0s"
        })
class AuditRedeliveryTests {

    /** An event as another module would publish it. */
    record CampaignDeleted(String actor, long campaignId, Instant occurredAt) implements Audited {
        @Override
        public AuditRecord auditRecord() {
            return new AuditRecord(actor, "campaign.deleted", "campaign:" + campaignId, null, "10.1.2.3", occurredAt);
        }
    }

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EventRedelivery redelivery;

    @Autowired
    AuditLog audit;

    List<AuditEntry> entries(String actor) {
        return audit.find(new AuditQuery(actor, "campaign.", null, null, 0, 10)).entries();
    }

    String publications(String actor) {
        return jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE serialized_event LIKE ?")
                .param("%" + actor + "%")
                .query(String.class)
                .single();
    }

    @Test
    void anEventDeliveredAgainAfterACrashIsRecordedOnce() {
        String actor = "lead-" + UUID.randomUUID().toString().substring(0, 8) + "@acme.test";
        // The publication as the registry stored it, read inside the publishing transaction: what a
        // node that died before completing it leaves behind.
        Map<String, Object> publication = transactions.execute(tx -> {
            events.publishEvent(new CampaignDeleted(actor, 7, Instant.now()));
            return jdbc.sql("SELECT * FROM event_publication WHERE serialized_event LIKE ?")
                    .param("%" + actor + "%")
                    .query()
                    .singleRow();
        });
        assertThat(String.valueOf(publication.get("listener_id"))).contains("AuditLog");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> entries(actor).size() == 1 && publications(actor).equals("0"));

        jdbc.sql("""
                        INSERT INTO event_publication
                            (id, listener_id, event_type, serialized_event, publication_date, status, completion_attempts)
                        VALUES (?, ?, ?, ?, ?, 'FAILED', 1)""")
                .params(
                        publication.get("id"),
                        publication.get("listener_id"),
                        publication.get("event_type"),
                        publication.get("serialized_event"),
                        publication.get("publication_date"))
                .update();
        redelivery.redeliver();
        await().atMost(Duration.ofSeconds(20)).until(() -> publications(actor).equals("0"));

        assertThat(entries(actor))
                .singleElement()
                .satisfies(entry -> assertThat(entry.target()).isEqualTo("campaign:7"));
        assertThat(audit.verify().intact()).isTrue();
    }
}
