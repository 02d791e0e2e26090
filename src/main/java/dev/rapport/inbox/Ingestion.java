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
import jakarta.annotation.PreDestroy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;
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
    /**
     * Accounts polled at once: a poll mostly waits for the network, and on PostgreSQL two accounts'
     * pages written at once keep both of a small server's cores busy (docs/benchmarks/inbox.md).
     */
    static final int ACCOUNTS_AT_ONCE = 4;

    private static final Logger log = LoggerFactory.getLogger(Ingestion.class);

    private final InboxRecords records;
    private final Routing routing;
    private final ResponseTargets targets;
    private final Connections connections;
    private final AccountManagement accounts;
    private final TransactionTemplate transactions;
    private final Classifier classifier = Classifier.standard();
    /**
     * Reads a page's messages (the classifier, the policy screen among them) while the page's
     * records are looked up and written: otherwise the two take turns, each leaving a core idle.
     */
    private final ExecutorService reading = Executors.newFixedThreadPool(
            Math.max(1, Runtime.getRuntime().availableProcessors() - 1), daemons("inbox-reading"));

    private final ExecutorService polling = Executors.newFixedThreadPool(ACCOUNTS_AT_ONCE, daemons("inbox-polling"));

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

    private static java.util.concurrent.ThreadFactory daemons(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    @PreDestroy
    void stop() {
        reading.shutdownNow();
        polling.shutdownNow();
    }

    /**
     * Polls every active, connected account once, {@value #ACCOUNTS_AT_ONCE} at a time; returns how
     * many new interactions came in. An account whose poll fails does not stop the others.
     */
    public int poll() {
        List<Future<Integer>> polls = new ArrayList<>();
        for (AccountView account : accounts.inUse()) {
            if (account.status() == AccountStatus.ACTIVE) {
                polls.add(polling.submit(() -> poll(account)));
            }
        }
        int received = 0;
        for (Future<Integer> poll : polls) {
            try {
                received += poll.get();
            } catch (ExecutionException failed) {
                log.warn("Inbox: a poll failed: {}", describe(failed.getCause()));
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                break;
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
     * A page is taken in one transaction, with the response targets read once. If that fails (a deadlock with a webhook delivering the same people, one interaction
     * the database refuses), each interaction is taken in a transaction of its own, so the others
     * are not held back; the first failure is then thrown, so that a poll does not move its cursor
     * past an interaction that was not taken.
     */
    public int ingest(AccountView account, List<InboundItem> items) {
        if (items.isEmpty()) {
            return 0;
        }
        // What is recorded already (a poll after a push brings each pushed interaction again) is not
        // read a second time.
        Set<String> recorded = records.recorded(
                account.id(), items.stream().map(InboundItem::remoteId).toList());
        CompletableFuture<Read[]> read = CompletableFuture.supplyAsync(() -> read(items, recorded), reading);
        try {
            Integer received = transactions.execute(status -> ingestPage(account, items, recorded, read));
            return received == null ? 0 : received;
        } catch (RuntimeException pageFailed) {
            log.info(
                    "Inbox: a page of {} interactions of account {} failed ({}); taking them one by one",
                    items.size(),
                    account.id(),
                    pageFailed.getClass().getSimpleName());
            return oneByOne(account, items, recorded, read);
        }
    }

    /**
     * Each message of a page as it is kept and classified (null for likes, reposts, follows, and what
     * is recorded already).
     */
    private Read[] read(List<InboundItem> items, Set<String> recorded) {
        Read[] read = new Read[items.size()];
        for (int i = 0; i < read.length; i++) {
            InboundItem item = items.get(i);
            if (item.kind().conversational() && !recorded.contains(item.remoteId())) {
                String text = text(item.text());
                read[i] = new Read(text, classifier.classify(text));
            }
        }
        return read;
    }

    /** A message's text as kept, and what the classifier made of it. */
    private record Read(String text, Classification classification) {}

    /** The page's interactions, each in a transaction of its own; what the page read is read once. */
    private int oneByOne(
            AccountView account, List<InboundItem> items, Set<String> recorded, CompletableFuture<Read[]> read) {
        int received = 0;
        String first = null;
        for (int i = 0; i < items.size(); i++) {
            InboundItem item = items.get(i);
            int at = i;
            CompletableFuture<Read[]> itsRead =
                    read.handle((all, failed) -> all != null ? new Read[] {all[at]} : read(List.of(item), recorded));
            try {
                Integer fresh = transactions.execute(status -> ingestPage(account, List.of(item), recorded, itsRead));
                received += fresh == null ? 0 : fresh;
            } catch (RuntimeException failure) {
                // Not the exception itself: a driver's message can quote the values, that is what
                // someone wrote.
                String why = "interaction " + item.remoteId() + " of account " + account.id() + " could not be taken: "
                        + describe(failure);
                log.warn("Inbox: {}", why);
                if (first == null) {
                    first = why;
                }
            }
        }
        if (first != null) {
            throw new IllegalStateException(first);
        }
        return received;
    }

    /** A failure by its kind and the database's SQL state, never its message. */
    static String describe(Throwable failure) {
        StringBuilder kinds = new StringBuilder(failure.getClass().getSimpleName());
        for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
            kinds.append(" < ").append(cause.getClass().getSimpleName());
            if (cause instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
                kinds.append(" (SQL state ").append(sql.getSQLState()).append(')');
            }
        }
        return kinds.toString();
    }

    /**
     * One page in one transaction, in a fixed number of statements: the authors' contacts, which
     * interactions are new and what they tell about their authors are written while {@code read}
     * classifies the messages on another core; each new message is threaded in order (a new thread
     * routed by its first message); then the new conversations, the others' turn and the messages
     * are written, one statement per table (see {@link InboxRecords}).
     */
    private int ingestPage(
            AccountView account, List<InboundItem> items, Set<String> recorded, CompletableFuture<Read[]> read) {
        Map<String, Long> contacts = records.contacts(account.network(), items);
        List<InboxRecords.Delivery> deliveries = items.stream()
                .map(item -> new InboxRecords.Delivery(
                        item, contacts.get(item.author().remoteId())))
                .toList();
        boolean[] first = records.firstDeliveries(account.id(), deliveries, recorded);
        List<InboundItem> fresh = new ArrayList<>();
        List<Integer> messages = new ArrayList<>(); // of items, the new ones that say something
        Map<Long, InboxRecords.ContactChange> changes = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            if (first[i]) {
                InboundItem item = items.get(i);
                fresh.add(item);
                if (item.kind().conversational()) {
                    messages.add(i);
                }
                long contact = deliveries.get(i).contactId();
                changes.compute(
                        contact,
                        (id, before) ->
                                (before != null ? before : InboxRecords.ContactChange.none(id, item)).plus(item));
            }
        }
        records.counted(changes.values());

        if (messages.isEmpty()) {
            return fresh.size();
        }
        ResponseTargets.DueTimes due = targets.dueTimes();
        Map<String, InboxRecords.Waiting> known = records.threads(
                account.id(), messages.stream().map(i -> thread(items.get(i))).toList());
        Read[] reads = read.join();
        // Each message, in order; its thread's state as the messages so far leave it.
        List<Classified> classified = new ArrayList<>();
        Map<String, PageThread> threads = new LinkedHashMap<>();
        for (int i : messages) {
            InboundItem item = items.get(i);
            String text = reads[i].text();
            Classification classification = reads[i].classification();
            Classified message = new Classified(item, thread(item), text, classification);
            classified.add(message);
            PageThread before = threads.get(message.thread());
            if (before == null) {
                InboxRecords.Waiting waiting = known.get(message.thread());
                before = waiting != null
                        ? PageThread.existing(waiting)
                        : PageThread.opened(routing.route(new RoutingRule.Subject(
                                classification.intent(),
                                classification.sentiment(),
                                account.network(),
                                account.id(),
                                text,
                                classification.language(),
                                item.author().handle())));
            }
            threads.put(message.thread(), before.with(message));
        }

        // New conversations in one batch; one another delivery made meanwhile is continued instead.
        List<PageThread> opened =
                threads.values().stream().filter(PageThread::isNew).toList();
        boolean[] made = records.openConversations(
                account.id(),
                account.network(),
                opened.stream()
                        .map(thread -> thread.toNew(
                                contacts.get(Objects.requireNonNull(thread.first())
                                        .item()
                                        .author()
                                        .remoteId()),
                                due))
                        .toList());
        List<String> madeElsewhere = new ArrayList<>();
        for (int i = 0; i < opened.size(); i++) {
            if (!made[i]) {
                madeElsewhere.add(opened.get(i).key());
            }
        }
        Map<String, InboxRecords.Waiting> now = new HashMap<>(known);
        now.putAll(records.threads(
                account.id(), opened.stream().map(PageThread::key).toList()));
        List<InboxRecords.Turn> turns = new ArrayList<>();
        for (PageThread thread : threads.values()) {
            String key = thread.key();
            if (!thread.isNew()) {
                turns.add(thread.toTurn(due));
            } else if (madeElsewhere.contains(key)) {
                PageThread continued = PageThread.existing(Objects.requireNonNull(now.get(key)));
                for (Classified message : classified) {
                    if (message.thread().equals(key)) {
                        continued = continued.with(message);
                    }
                }
                turns.add(continued.toTurn(due));
            }
        }
        records.theirTurns(turns);

        records.insertItems(classified.stream()
                .map(message -> new InboxRecords.Message(
                        now.get(message.thread()).conversationId(),
                        account.id(),
                        message.item().remoteId(),
                        "IN",
                        message.item().kind().name(),
                        message.text(),
                        message.item().inReplyTo(),
                        message.item().url(),
                        message.item().language() != null
                                ? message.item().language()
                                : message.classification().language(),
                        message.classification().sentiment(),
                        message.classification().intent(),
                        Evidence.stored(message.classification().evidence()),
                        null,
                        message.item().at()))
                .toList());
        return fresh.size();
    }

    /** A new message, classified, with the thread it belongs to. */
    private record Classified(InboundItem item, String thread, String text, Classification classification) {
        Priority priority() {
            return Priority.of(classification.intent(), classification.sentiment());
        }
    }

    /**
     * A thread as the messages of a page leave it. A new one keeps its first message (kind, subject,
     * author) and the routing of it; either kind takes sentiment, intent and priority from its
     * newest message; the clock runs from the first unanswered message, as when the messages come
     * one by one.
     */
    private record PageThread(
            @Nullable Classified first,
            InboxRecords.@Nullable Waiting existing,
            Routing.@Nullable Decision decision,
            @Nullable Classified newest,
            @Nullable Instant waitingSince,
            @Nullable Instant lastAt) {

        static PageThread existing(InboxRecords.Waiting waiting) {
            return new PageThread(null, waiting, null, null, waiting.waitingSince(), null);
        }

        static PageThread opened(Routing.Decision decision) {
            return new PageThread(null, null, decision, null, null, null);
        }

        boolean isNew() {
            return existing == null;
        }

        PageThread with(Classified message) {
            Instant at = message.item().at();
            return new PageThread(
                    first == null ? message : first,
                    existing,
                    decision,
                    message,
                    waitingSince != null && waitingSince.isBefore(at) ? waitingSince : at,
                    lastAt != null && lastAt.isAfter(at) ? lastAt : at);
        }

        /** The key of the thread (every page thread has had a message). */
        String key() {
            return Objects.requireNonNull(first).thread();
        }

        InboxRecords.NewConversation toNew(long contactId, ResponseTargets.DueTimes due) {
            Classified opening = Objects.requireNonNull(first);
            Classified latest = Objects.requireNonNull(newest);
            Routing.Decision routed = Objects.requireNonNull(decision);
            Instant since = Objects.requireNonNull(waitingSince);
            InboundItem item = opening.item();
            Priority priority = latest.priority();
            return new InboxRecords.NewConversation(
                    opening.thread(),
                    item.kind() == InboundItem.Kind.DIRECT_MESSAGE ? "DIRECT" : "THREAD",
                    contactId,
                    item.subjectId(),
                    latest.classification().sentiment(),
                    latest.classification().intent(),
                    priority,
                    since,
                    Objects.requireNonNull(lastAt),
                    new InboxRecords.Owner(
                            routed.departmentId(),
                            routed.assigneeId(),
                            routed.rule(),
                            due.due(routed.departmentId(), priority, since)));
        }

        InboxRecords.Turn toTurn(ResponseTargets.DueTimes due) {
            InboxRecords.Waiting waiting = Objects.requireNonNull(existing);
            Classified latest = Objects.requireNonNull(newest);
            Instant since = Objects.requireNonNull(waitingSince);
            Priority priority = latest.priority();
            return new InboxRecords.Turn(
                    waiting.conversationId(),
                    latest.classification().sentiment(),
                    latest.classification().intent(),
                    priority,
                    Objects.requireNonNull(lastAt),
                    since,
                    due.due(waiting.departmentId(), priority, since));
        }
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
