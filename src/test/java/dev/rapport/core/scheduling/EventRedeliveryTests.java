package dev.rapport.core.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.modulith.events.EventPublication;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A listener that fails once gets its event again from the running application, not only after a
 * restart. On a database of its own, so that no other test context's redelivery claims the event.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:event-redelivery;MODE=PostgreSQL;DB_CLOSE_DELAY=-1",
            "rapport.events.redelivery.first-pause=0s"
        })
class EventRedeliveryTests {

    record Ping(String id) {}

    static class FlakyListener {
        private final AtomicInteger calls = new AtomicInteger();

        /** A method, not the field: the bean is a proxy (the listener is asynchronous). */
        int calls() {
            return calls.get();
        }

        @ApplicationModuleListener
        void on(Ping ping) {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("lock timeout (simulated)");
            }
        }
    }

    @TestConfiguration
    static class Listeners {
        @Bean
        FlakyListener flakyListener() {
            return new FlakyListener();
        }
    }

    @Autowired
    FlakyListener listener;

    @Autowired
    EventRedelivery redelivery;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    String status(Ping ping) {
        return jdbc.sql("SELECT status FROM event_publication WHERE serialized_event LIKE ?")
                .param("%" + ping.id() + "%")
                .query(String.class)
                .optional()
                .orElse("gone");
    }

    @Test
    void anEventWhoseListenerFailedIsDeliveredAgainOnceAndThenForgotten() {
        Ping ping = new Ping(UUID.randomUUID().toString());
        transactions.executeWithoutResult(tx -> events.publishEvent(ping));
        await().atMost(Duration.ofSeconds(20)).until(() -> status(ping).equals("FAILED"));
        assertThat(listener.calls()).isEqualTo(1);

        redelivery.redeliver();

        await().atMost(Duration.ofSeconds(20)).until(() -> status(ping).equals("gone"));
        assertThat(listener.calls()).isEqualTo(2);
        redelivery.redeliver();
        assertThat(listener.calls()).isEqualTo(2);
    }

    @Test
    void theFailedAreTriedAgainAfterAPauseThatDoublesUpToAnHour() {
        var pause = new EventRedelivery(null, null, Duration.ofMinutes(1));
        Instant published = Instant.parse("2026-11-27T08:00:00Z");
        assertThat(pause.due(failed(published, null, 0), published.plusSeconds(59)))
                .isFalse();
        assertThat(pause.due(failed(published, null, 0), published.plusSeconds(60)))
                .isTrue();
        Instant retried = published.plusSeconds(60);
        assertThat(pause.due(failed(published, retried, 1), retried.plusSeconds(119)))
                .isFalse();
        assertThat(pause.due(failed(published, retried, 1), retried.plusSeconds(120)))
                .isTrue();
        assertThat(pause.due(failed(published, retried, 12), retried.plus(Duration.ofMinutes(59))))
                .isFalse();
        assertThat(pause.due(failed(published, retried, 12), retried.plus(Duration.ofHours(1))))
                .isTrue();
    }

    static EventPublication failed(Instant published, Instant lastResubmission, int attempts) {
        return new EventPublication() {
            public UUID getIdentifier() {
                return UUID.randomUUID();
            }

            public Object getEvent() {
                return new Ping("x");
            }

            public Instant getPublicationDate() {
                return published;
            }

            public java.util.Optional<Instant> getCompletionDate() {
                return java.util.Optional.empty();
            }

            public Status getStatus() {
                return Status.FAILED;
            }

            public Instant getLastResubmissionDate() {
                return lastResubmission;
            }

            public int getCompletionAttempts() {
                return attempts;
            }
        };
    }
}
