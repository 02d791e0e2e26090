package dev.rapport.core.scheduling;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.stereotype.Component;

/**
 * Delivers again what a module listener failed to handle, without waiting for a restart: an audit
 * entry that met a lock timeout, a notice whose mail server was down. A publication whose listener
 * threw is marked failed by the registry; one whose node died mid-way is declared failed once it has
 * been in flight for {@link #STALE}. Failed publications are resubmitted with a growing pause (one
 * minute after the first failure, doubling up to an hour), so a listener that keeps failing does not
 * flood the log. The registry claims each publication before resubmitting it, so two nodes never
 * deliver the same one twice at the same moment.
 */
@Component
public class EventRedelivery {

    /** Long enough for the slowest listener (a chat webhook with its timeouts) to have finished. */
    static final Duration STALE = Duration.ofMinutes(15);

    private static final Duration MAX_PAUSE = Duration.ofHours(1);
    private static final Logger log = LoggerFactory.getLogger(EventRedelivery.class);

    private final EventPublicationRegistry registry;
    private final IncompleteEventPublications incomplete;
    private final Duration firstPause;

    EventRedelivery(
            EventPublicationRegistry registry,
            IncompleteEventPublications incomplete,
            @Value("${rapport.events.redelivery.first-pause:1m}") Duration firstPause) {
        this.registry = registry;
        this.incomplete = incomplete;
        this.firstPause = firstPause;
    }

    /** One pass: declares stale publications failed, then resubmits the failed ones that are due. */
    public void redeliver() {
        registry.markStalePublicationsFailed(status -> STALE);
        Instant now = Instant.now();
        incomplete.resubmitIncompletePublications(
                ResubmissionOptions.defaults().withMinAge(firstPause).withFilter(publication -> due(publication, now)));
    }

    /** Due once the pause after its last attempt has passed: 1, 2, 4 … pauses, at most an hour. */
    boolean due(EventPublication publication, Instant now) {
        Instant last = publication.getLastResubmissionDate() != null
                ? publication.getLastResubmissionDate()
                : publication.getPublicationDate();
        int attempts = Math.min(publication.getCompletionAttempts(), 20);
        Duration pause = firstPause.multipliedBy(1L << attempts);
        if (pause.compareTo(MAX_PAUSE) > 0) {
            pause = MAX_PAUSE;
        }
        return !last.plus(pause).isAfter(now);
    }

    @Configuration(proxyBeanMethods = false)
    static class Schedule {

        /** Every minute, on one node at a time. */
        @Bean
        RecurringTask<Void> eventRedeliveryTask(EventRedelivery redelivery) {
            return Tasks.recurring("event-redelivery", FixedDelay.ofMinutes(1))
                    .execute((instance, context) -> redelivery.redeliver());
        }
    }
}
