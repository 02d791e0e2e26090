package dev.rapport.publishing;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import dev.rapport.connectors.Connections;
import dev.rapport.connectors.PublishOutcome;
import dev.rapport.connectors.spi.ConnectorException;
import dev.rapport.connectors.spi.PublishReceipt;
import dev.rapport.connectors.spi.PublishRequest;
import dev.rapport.publishing.domain.PostRecords;
import dev.rapport.screening.Action;
import dev.rapport.screening.Screening;
import dev.rapport.screening.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes due variants exactly once. A sweep (a recurring db-scheduler task, on one node at a
 * time) turns every due variant into a one-time task instance keyed by the variant's id; db-scheduler
 * runs each instance on exactly one node, and revives it after a crash. The variant is claimed with
 * a conditional update before anything is sent, and every attempt sends the variant's own
 * idempotency key, so a run that finds it already claimed — the previous run died — first asks the
 * network whether the post is there, and only sends when it is not.
 *
 * <p>The policy screen runs once more before sending: a variant that now fails the policy is held
 * (or, if blocked, failed), not sent. Owners are told of every failure ({@link PublishingEvents.Failed}).
 */
@Service
public class Publication {

    static final String TASK = "publish-variant";
    static final String SWEEP = "publish-due";
    /** How long a claimed variant may go without news before the sweep schedules it again. */
    static final Duration STALE = Duration.ofMinutes(2);
    /** How long Rapport keeps asking a network about a publication of unknown outcome. */
    static final Duration GIVE_UP_UNKNOWN = Duration.ofHours(24);

    private static final Logger log = LoggerFactory.getLogger(Publication.class);

    private final PostRecords records;
    private final Connections connections;
    private final Screening screening;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;

    Publication(
            PostRecords records,
            Connections connections,
            Screening screening,
            ApplicationEventPublisher events,
            TransactionTemplate transactions) {
        this.records = records;
        this.connections = connections;
        this.screening = screening;
        this.events = events;
        this.transactions = transactions;
    }

    /** One task instance per variant that is due, or whose last run ended without news. */
    int sweep(SchedulerClient scheduler, OneTimeTask<Void> task, int limit) {
        Instant now = Instant.now();
        List<Long> work = new java.util.ArrayList<>(records.due(now, limit));
        work.addAll(records.unsettled(now.minus(STALE), limit));
        int scheduled = 0;
        for (long variantId : work) {
            if (scheduler.scheduleIfNotExists(task.instance(String.valueOf(variantId)), now)) {
                scheduled++;
            }
        }
        return scheduled;
    }

    /** Publishes one variant if it is due and not published yet. Never throws for a network's failure. */
    void publish(long variantId) {
        Optional<VariantView> found = records.variant(variantId);
        if (found.isEmpty()) {
            return;
        }
        VariantView variant = found.get();
        boolean resumed;
        switch (variant.state()) {
            case SCHEDULED -> {
                if (!records.claim(variantId, Instant.now())) {
                    return; // rescheduled to later, or claimed by another run
                }
                resumed = false;
            }
            case PUBLISHING, OUTCOME_UNKNOWN -> resumed = true;
            default -> {
                return;
            }
        }
        PublishRequest request = new PublishRequest(
                records.publishKey(variantId), variant.text(), records.mediaItems(variant.postId()), null, null, null);
        if (resumed && settledByLookup(variant, request)) {
            return;
        }
        Verdict verdict = screening.screen(variant.text(), null);
        records.screened(variantId, verdict.action().code(), verdict.reason());
        if (verdict.action() == Action.BLOCK) {
            fail(variant, VariantState.FAILED, "blocked-by-policy", verdict.reason());
            return;
        }
        if (verdict.action() == Action.HOLD && variant.heldOverride() == null) {
            // The policy changed since it was approved: a person decides again.
            records.move(
                    variantId,
                    EnumSet.of(VariantState.PUBLISHING, VariantState.OUTCOME_UNKNOWN),
                    VariantState.PENDING_APPROVAL);
            return;
        }
        PublishOutcome outcome = connections.publish(variant.accountId(), request);
        switch (outcome.status()) {
            case PUBLISHED -> published(variant, outcome.receipt());
            case OUTCOME_UNKNOWN -> fail(variant, VariantState.OUTCOME_UNKNOWN, "outcome-unknown", outcome.message());
            case FAILED -> {
                String reason = outcome.reason() == null ? "unavailable" : outcome.reason();
                if (outcome.retryAt() != null) {
                    records.postponed(variantId, outcome.retryAt(), reason);
                } else {
                    fail(variant, VariantState.FAILED, reason, outcome.message());
                }
            }
        }
    }

    /**
     * After a run that did not finish: whether the network already has the post (then it is recorded
     * as published) or cannot say (then it stays unknown, to be asked again). False when it is
     * certainly not there, and may be sent.
     */
    private boolean settledByLookup(VariantView variant, PublishRequest request) {
        try {
            Optional<PublishReceipt> receipt = connections.findPublished(variant.accountId(), request);
            if (receipt.isPresent()) {
                published(variant, receipt.get());
                return true;
            }
            return false;
        } catch (ConnectorException failure) {
            Instant due = variant.scheduledAt() == null ? variant.updatedAt() : variant.scheduledAt();
            if (due.isBefore(Instant.now().minus(GIVE_UP_UNKNOWN))) {
                fail(variant, VariantState.FAILED, "outcome-unknown", failure.getMessage());
            } else if (variant.state() == VariantState.PUBLISHING) {
                fail(variant, VariantState.OUTCOME_UNKNOWN, "outcome-unknown", failure.getMessage());
            } else {
                records.touch(variant.id()); // asked again after STALE, not at every sweep
            }
            return true;
        }
    }

    private void published(VariantView variant, PublishReceipt receipt) {
        transactions.executeWithoutResult(status -> {
            if (records.published(variant.id(), receipt)) {
                events.publishEvent(new PublishingEvents.Published(
                        variant.id(), variant.accountId(), receipt.remoteId(), Instant.now()));
            }
        });
    }

    private void fail(
            VariantView variant, VariantState state, String reason, @org.jspecify.annotations.Nullable String message) {
        transactions.executeWithoutResult(status -> {
            if (records.ended(variant.id(), state, reason, message)) {
                log.info("Variant {} on account {} not published: {}", variant.id(), variant.accountId(), reason);
                events.publishEvent(new PublishingEvents.Failed(
                        variant.id(), variant.postId(), variant.accountId(), state, reason, Instant.now()));
            }
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class Schedule {

        @Bean
        OneTimeTask<Void> publishVariantTask(Publication publication) {
            return Tasks.oneTime(TASK)
                    .execute((instance, context) -> publication.publish(Long.parseLong(instance.getId())));
        }

        /** Every few seconds, on one node at a time. */
        @Bean
        RecurringTask<Void> publishDueTask(Publication publication, OneTimeTask<Void> publishVariantTask) {
            return Tasks.recurring(SWEEP, FixedDelay.ofSeconds(5))
                    .execute((instance, context) ->
                            publication.sweep(context.getSchedulerClient(), publishVariantTask, 1000));
        }
    }
}
