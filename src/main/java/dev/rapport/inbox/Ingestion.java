package dev.rapport.inbox;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import dev.rapport.accounts.AccountManagement;
import dev.rapport.accounts.AccountStatus;
import dev.rapport.accounts.AccountView;
import dev.rapport.connectors.Connections;
import dev.rapport.connectors.spi.ConnectorException;
import dev.rapport.connectors.spi.InboundItem;
import dev.rapport.connectors.spi.InteractionPage;
import dev.rapport.inbox.classification.Classification;
import dev.rapport.inbox.classification.Classifier;
import dev.rapport.inbox.classification.Evidence;
import dev.rapport.inbox.domain.InboxRecords;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Brings the audience's interactions in: polls every connected account (a recurring db-scheduler
 * task, one node at a time, each account through the connector engine and its rate budget) and
 * takes what a network pushes. Each interaction is recorded once by the network's id — a second
 * delivery is dropped — and updates its author's contact; those that say something are threaded
 * into a conversation (one person's comments under one post, or their direct messages),
 * classified and, when the conversation is new, routed.
 */
@Service
public class Ingestion {

    static final String TASK = "inbox-poll";
    /** The longest text kept of one interaction; longer ones are cut, with a mark, never dropped. */
    static final int MAX_TEXT = 10_000;
    /** Pages read per account and poll, so one busy account cannot hold the poller. */
    static final int MAX_PAGES = 10;

    private static final Logger log = LoggerFactory.getLogger(Ingestion.class);

    private final InboxRecords records;
    private final Routing routing;
    private final ResponseTargets targets;
    private final Connections connections;
    private final AccountManagement accounts;
    private final TransactionTemplate transactions;
    private final Classifier classifier = Classifier.standard();

    Ingestion(
            InboxRecords records,
            Routing routing,
            ResponseTargets targets,
            Connections connections,
            AccountManagement accounts,
            TransactionTemplate transactions) {
        this.records = records;
        this.routing = routing;
        this.targets = targets;
        this.connections = connections;
        this.accounts = accounts;
        this.transactions = transactions;
    }

    /** Polls every active, connected account once; returns how many new interactions came in. */
    public int poll() {
        int received = 0;
        for (AccountView account : accounts.inUse()) {
            if (account.status() == AccountStatus.ACTIVE) {
                received += poll(account);
            }
        }
        return received;
    }

    int poll(AccountView account) {
        if (!connections.usable(account.id())) {
            return 0;
        }
        int received = 0;
        Optional<String> cursor = records.cursor(account.id());
        for (int page = 0; page < MAX_PAGES; page++) {
            InteractionPage interactions;
            try {
                interactions = connections.interactions(account.id(), cursor.orElse(null));
            } catch (ConnectorException failure) {
                // The engine retried already; the connection page shows the failure. Next poll tries again.
                records.polled(account.id(), null, failure.getMessage());
                return received;
            }
            received += ingest(account, interactions.items());
            records.polled(account.id(), interactions.cursor(), null);
            if (interactions.items().isEmpty()
                    || interactions.cursor() == null
                    || interactions.cursor().equals(cursor.orElse(null))) {
                break;
            }
            cursor = Optional.of(interactions.cursor());
        }
        return received;
    }

    /**
     * Takes interactions of an account (polled or pushed); returns how many were new. Idempotent.
     * A page is taken in one transaction, with the team, the routing rules and the targets read
     * once. If that fails (a deadlock with a webhook delivering the same people, one interaction
     * the database refuses), each interaction is taken in a transaction of its own, so the others
     * are not held back; the first failure is then thrown, so that a poll does not move its cursor
     * past an interaction that was not taken.
     */
    public int ingest(AccountView account, List<InboundItem> items) {
        if (items.isEmpty()) {
            return 0;
        }
        try {
            Integer received = transactions.execute(status -> ingestPage(account, items));
            return received == null ? 0 : received;
        } catch (RuntimeException pageFailed) {
            log.info(
                    "Inbox: a page of {} interactions of account {} failed ({}); taking them one by one",
                    items.size(),
                    account.id(),
                    pageFailed.getClass().getSimpleName());
            return oneByOne(account, items);
        }
    }

    private int oneByOne(AccountView account, List<InboundItem> items) {
        int received = 0;
        RuntimeException first = null;
        for (InboundItem item : items) {
            try {
                Integer fresh = transactions.execute(status -> ingestPage(account, List.of(item)));
                received += fresh == null ? 0 : fresh;
            } catch (RuntimeException failure) {
                log.warn(
                        "Inbox: interaction {} of account {} could not be taken",
                        item.remoteId(),
                        account.id(),
                        failure);
                if (first == null) {
                    first = failure;
                }
            }
        }
        if (first != null) {
            throw first;
        }
        return received;
    }

    /**
     * One page in one transaction, in a few round trips: the authors' contacts, which interactions
     * are new and what they tell about their authors are written as batches; then each new message
     * is classified and threaded (a conversation opened and routed, or its clock started again) in
     * order, and the messages are written as one batch.
     */
    private int ingestPage(AccountView account, List<InboundItem> items) {
        Map<String, Long> contacts = records.contacts(account.network(), items);
        List<InboxRecords.Delivery> deliveries = items.stream()
                .map(item -> new InboxRecords.Delivery(
                        item, contacts.get(item.author().remoteId())))
                .toList();
        boolean[] first = records.firstDeliveries(account.id(), deliveries);
        List<InboundItem> fresh = new ArrayList<>();
        Map<Long, InboxRecords.ContactChange> changes = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            if (first[i]) {
                InboundItem item = items.get(i);
                fresh.add(item);
                long contact = deliveries.get(i).contactId();
                changes.merge(
                        contact,
                        InboxRecords.ContactChange.none(contact, item).plus(item),
                        (before, added) -> before.plus(item));
            }
        }
        records.counted(changes.values());

        List<InboundItem> messages =
                fresh.stream().filter(item -> item.kind().conversational()).toList();
        if (messages.isEmpty()) {
            return fresh.size();
        }
        Routing.Batch routing = this.routing.batch();
        ResponseTargets.DueTimes due = targets.dueTimes();
        Map<String, InboxRecords.Waiting> threads = records.threads(
                account.id(), messages.stream().map(Ingestion::thread).toList());
        List<InboxRecords.Message> written = new ArrayList<>();
        for (InboundItem item : messages) {
            String text = text(item.text());
            Classification classification = classifier.classify(text);
            Priority priority = Priority.of(classification.intent(), classification.sentiment());
            String thread = thread(item);
            long contact = contacts.get(item.author().remoteId());
            InboxRecords.Waiting waiting = threads.get(thread);
            if (waiting == null) {
                Routing.Decision decision = routing.route(new RoutingRule.Subject(
                        classification.intent(),
                        classification.sentiment(),
                        account.network(),
                        account.id(),
                        text,
                        classification.language(),
                        item.author().handle()));
                Optional<Long> opened = records.openConversation(
                        account.id(),
                        account.network(),
                        thread,
                        item.kind() == InboundItem.Kind.DIRECT_MESSAGE ? "DIRECT" : "THREAD",
                        contact,
                        item.subjectId(),
                        classification.sentiment(),
                        classification.intent(),
                        priority,
                        item.at(),
                        new InboxRecords.Owner(
                                decision.departmentId(),
                                decision.assigneeId(),
                                decision.rule(),
                                due.due(decision.departmentId(), priority, item.at())));
                if (opened.isPresent()) {
                    waiting = new InboxRecords.Waiting(opened.get(), decision.departmentId(), priority, item.at());
                } else { // another delivery opened it a moment ago: this message joins it
                    waiting = theirTurn(
                            records.thread(account.id(), thread).orElseThrow(), item, classification, priority, due);
                }
            } else {
                waiting = theirTurn(waiting, item, classification, priority, due);
            }
            threads.put(thread, waiting);
            written.add(new InboxRecords.Message(
                    waiting.conversationId(),
                    account.id(),
                    item.remoteId(),
                    "IN",
                    item.kind().name(),
                    text,
                    item.inReplyTo(),
                    item.url(),
                    item.language() != null ? item.language() : classification.language(),
                    classification.sentiment(),
                    classification.intent(),
                    evidence(classification.evidence()),
                    null,
                    item.at()));
        }
        records.insertItems(written);
        return fresh.size();
    }

    /** A new message of theirs in a conversation: our turn, due from the first unanswered one. */
    private InboxRecords.Waiting theirTurn(
            InboxRecords.Waiting waiting,
            InboundItem item,
            Classification classification,
            Priority priority,
            ResponseTargets.DueTimes due) {
        Instant since = waiting.clockStart(item.at());
        records.theirTurn(
                waiting.conversationId(),
                classification.sentiment(),
                classification.intent(),
                priority,
                item.at(),
                since,
                due.due(waiting.departmentId(), priority, since));
        return new InboxRecords.Waiting(waiting.conversationId(), waiting.departmentId(), priority, since);
    }

    /** One person's comments under one post are one conversation; their direct messages another. */
    private static String thread(InboundItem item) {
        String author = item.author().remoteId();
        return item.kind() == InboundItem.Kind.DIRECT_MESSAGE
                ? "dm:" + author
                : "post:" + (item.subjectId() == null ? "-" : item.subjectId()) + ":" + author;
    }

    /** The text as kept: never null, at most {@link #MAX_TEXT} chars, without control characters. */
    static String text(@org.jspecify.annotations.Nullable String text) {
        if (text == null) {
            return "";
        }
        String clean = text.codePoints()
                .filter(cp -> cp == '\n' || cp == '\t' || !Character.isISOControl(cp))
                .filter(cp -> Character.getType(cp) != Character.SURROGATE)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        return clean.length() <= MAX_TEXT ? clean : clean.substring(0, MAX_TEXT - 1) + "…";
    }

    private static String evidence(List<Evidence> evidence) {
        return evidence.stream()
                .map(cue -> cue.cue() + " → " + cue.supports())
                .distinct()
                .collect(Collectors.joining("; "));
    }

    /** Off with {@code rapport.inbox.polling=false} (the tests poll when they choose). */
    @Configuration(proxyBeanMethods = false)
    @org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty(
            name = "rapport.inbox.polling",
            matchIfMissing = true)
    static class Schedule {

        /** Every 30 seconds, on one node at a time. */
        @Bean
        RecurringTask<Void> inboxPollTask(Ingestion ingestion) {
            return Tasks.recurring(TASK, FixedDelay.ofSeconds(30)).execute((instance, context) -> {
                int received = ingestion.poll();
                if (received > 0) {
                    log.debug("Inbox: {} new interactions", received);
                }
            });
        }
    }
}
