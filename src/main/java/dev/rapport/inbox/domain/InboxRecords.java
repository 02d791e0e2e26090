package dev.rapport.inbox.domain;

import dev.rapport.connectors.spi.InboundItem;
import dev.rapport.inbox.ConversationState;
import dev.rapport.inbox.ConversationView;
import dev.rapport.inbox.ItemView;
import dev.rapport.inbox.Priority;
import dev.rapport.inbox.classification.Intent;
import dev.rapport.inbox.classification.Sentiment;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The inbox's tables. Every insert that a second delivery could repeat is {@code ON CONFLICT DO
 * NOTHING} on the network's id, so a duplicate is dropped by the database, whichever node sees it.
 */
@Repository
public class InboxRecords {

    private static final String CONVERSATION = """
            SELECT c.*, p.handle, p.display_name, a.messages, a.likes, a.reposts, a.follows,
                (SELECT i.text FROM inbox_item i WHERE i.conversation_id = c.id ORDER BY i.occurred_at DESC, i.id DESC
                 FETCH FIRST 1 ROWS ONLY) AS last_text
            FROM conversation c JOIN contact p ON p.id = c.contact_id
            JOIN contact_activity a ON a.contact_id = c.contact_id""";

    private final JdbcClient jdbc;
    /** For batches: a page of interactions is written in a few round trips, not a few per interaction. */
    private final JdbcTemplate batch;
    /** Whether the database is PostgreSQL (else H2): see {@link #insert}. */
    private volatile @Nullable Boolean postgres;

    InboxRecords(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /**
     * The contacts of the authors of some interactions on a network, by the author's network id;
     * those seen for the first time are made (as the author was at their first interaction here).
     * Those known already are only looked up: an insert that conflicts still costs a unique check, an
     * identity value and, on H2, an exception, and most authors of a page have written before.
     */
    public Map<String, Long> contacts(String network, List<InboundItem> items) {
        Map<String, InboundItem> firstOf = new TreeMap<>(); // sorted: concurrent pages lock in one order
        items.forEach(item -> firstOf.putIfAbsent(item.author().remoteId(), item));
        Map<String, Long> ids = contactIds(network, firstOf.keySet());
        List<InboundItem> unknown = firstOf.values().stream()
                .filter(item -> !ids.containsKey(item.author().remoteId()))
                .toList();
        if (unknown.isEmpty()) {
            return ids;
        }
        // Another delivery may make some of them meanwhile: theirs are kept, and looked up below.
        insert(
                "contact",
                unknown,
                column("network", Type.VARCHAR, item -> network),
                column("remote_id", Type.VARCHAR, item -> item.author().remoteId()),
                column("handle", Type.VARCHAR, item -> cut(item.author().handle(), 300)),
                column("display_name", Type.VARCHAR, item -> cut(item.author().displayName(), 300)),
                column("first_seen_at", Type.TIMESTAMP, item -> utc(item.at())));
        Map<String, Long> made = contactIds(
                network, unknown.stream().map(item -> item.author().remoteId()).toList());
        // Their activity starts at nothing; a contact another delivery made has its row already.
        insert(
                "contact_activity",
                unknown,
                column("contact_id", Type.BIGINT, item -> made.get(item.author().remoteId())),
                column("last_seen_at", Type.TIMESTAMP, item -> utc(item.at())));
        ids.putAll(made);
        return ids;
    }

    private Map<String, Long> contactIds(String network, Collection<String> remoteIds) {
        Map<String, Long> ids = new HashMap<>();
        byKeys(
                "SELECT c.remote_id, c.id FROM UNNEST(CAST(? AS VARCHAR ARRAY)) AS k(wanted)"
                        + " JOIN contact c ON c.remote_id = k.wanted AND c.network = ?",
                remoteIds,
                network,
                rs -> {
                    ids.put(rs.getString(1), rs.getLong(2));
                });
        return ids;
    }

    /** An interaction as it is recorded: by whom. */
    public record Delivery(InboundItem item, long contactId) {}

    /**
     * Records interactions once each; for each, in order, whether this was its first delivery (a
     * second one, also within the list, is dropped). {@code recordedBefore} is what {@link #recorded}
     * found; one recorded since then makes the count short ({@link DeliveredMeanwhile}).
     */
    public boolean[] firstDeliveries(long accountId, List<Delivery> deliveries, Set<String> recordedBefore) {
        Set<String> recorded = new HashSet<>(recordedBefore);
        boolean[] first = new boolean[deliveries.size()];
        List<Delivery> fresh = new ArrayList<>();
        for (int i = 0; i < first.length; i++) {
            first[i] = recorded.add(deliveries.get(i).item().remoteId()); // a second one in the list, too
            if (first[i]) {
                fresh.add(deliveries.get(i));
            }
        }
        if (fresh.isEmpty()) {
            return first;
        }
        int inserted = insert(
                "interaction",
                fresh,
                column("account_id", Type.BIGINT, delivery -> accountId),
                column("remote_id", Type.VARCHAR, delivery -> delivery.item().remoteId()),
                column("kind", Type.VARCHAR, delivery -> delivery.item().kind().name()),
                column("contact_id", Type.BIGINT, Delivery::contactId),
                column(
                        "occurred_at",
                        Type.TIMESTAMP,
                        delivery -> utc(delivery.item().at())));
        if (inserted != fresh.size()) {
            if (fresh.size() > 1) {
                throw new DeliveredMeanwhile("interactions");
            }
            first[deliveries.indexOf(fresh.get(0))] = false;
        }
        return first;
    }

    /**
     * Which of an account's interactions (by network id) are recorded already. What another delivery
     * records after this look-up, {@link #firstDeliveries} finds by its count.
     */
    public Set<String> recorded(long accountId, Collection<String> remoteIds) {
        Set<String> recorded = new HashSet<>();
        byKeys(
                "SELECT i.remote_id FROM UNNEST(CAST(? AS VARCHAR ARRAY)) AS k(wanted)"
                        + " JOIN interaction i ON i.remote_id = k.wanted AND i.account_id = ?",
                remoteIds,
                accountId,
                rs -> {
                    recorded.add(rs.getString(1));
                });
        return recorded;
    }

    /**
     * Another delivery recorded some rows of a batch between its look-up and its insert (a push and
     * a poll at once, or two nodes): which rows are whose is not known, so the page is taken again
     * one item at a time, where it is.
     */
    public static final class DeliveredMeanwhile extends RuntimeException {
        DeliveredMeanwhile(String what) {
            super("Some " + what + " of the page were recorded by another delivery meanwhile");
        }
    }

    /** What new interactions told about one contact: messages, likes, reposts, follows; how they appear now. */
    public record ContactChange(
            long contactId,
            int messages,
            int likes,
            int reposts,
            @Nullable Boolean follows,
            String handle,
            @Nullable String displayName,
            Instant lastSeen) {

        /** Counts one more interaction of the contact; the later one's handle and name win. */
        public ContactChange plus(InboundItem item) {
            InboundItem.Kind kind = item.kind();
            boolean later = !item.at().isBefore(lastSeen);
            return new ContactChange(
                    contactId,
                    messages + (kind.conversational() ? 1 : 0),
                    likes + (kind == InboundItem.Kind.LIKE ? 1 : 0),
                    reposts + (kind == InboundItem.Kind.REPOST ? 1 : 0),
                    kind == InboundItem.Kind.FOLLOW
                            ? Boolean.TRUE
                            : kind == InboundItem.Kind.UNFOLLOW ? Boolean.FALSE : follows,
                    later ? item.author().handle() : handle,
                    later && item.author().displayName() != null ? item.author().displayName() : displayName,
                    later ? item.at() : lastSeen);
        }

        public static ContactChange none(long contactId, InboundItem item) {
            return new ContactChange(
                    contactId,
                    0,
                    0,
                    0,
                    null,
                    item.author().handle(),
                    item.author().displayName(),
                    item.at());
        }
    }

    /**
     * Applies what new interactions told about their authors, in order of contact (so concurrent
     * pages do not deadlock): their activity, and their handle and name where those changed.
     */
    public void counted(Collection<ContactChange> changes) {
        List<ContactChange> ordered = changes.stream()
                .sorted(java.util.Comparator.comparingLong(ContactChange::contactId))
                .toList();
        update(
                "contact_activity",
                "messages = contact_activity.messages + :messages, likes = contact_activity.likes + :likes,"
                        + " reposts = contact_activity.reposts + :reposts,"
                        + " follows = COALESCE(:follows, contact_activity.follows),"
                        + " last_seen_at = GREATEST(contact_activity.last_seen_at, :seen_at)",
                "",
                ordered,
                column("contact_id", Type.BIGINT, ContactChange::contactId),
                column("messages", Type.INTEGER, ContactChange::messages),
                column("likes", Type.INTEGER, ContactChange::likes),
                column("reposts", Type.INTEGER, ContactChange::reposts),
                column("follows", Type.BOOLEAN, ContactChange::follows),
                column("seen_at", Type.TIMESTAMP, change -> utc(change.lastSeen())));
        // Most pages change no one's handle or name: those rows are read, not written.
        update(
                "contact",
                "handle = :handle, display_name = COALESCE(:display_name, contact.display_name)",
                "contact.handle <> :handle OR COALESCE(:display_name, contact.display_name)"
                        + " IS DISTINCT FROM contact.display_name",
                ordered,
                column("id", Type.BIGINT, ContactChange::contactId),
                column("handle", Type.VARCHAR, change -> cut(change.handle(), 300)),
                column("display_name", Type.VARCHAR, change -> cut(change.displayName(), 300)));
    }

    /** The conversations of some threads of an account, by thread key (threads without one are left out). */
    public Map<String, Waiting> threads(long accountId, Collection<String> threadKeys) {
        Map<String, Waiting> found = new HashMap<>();
        byKeys(
                "SELECT c.id, c.department_id, c.priority, c.waiting_since, c.thread_key"
                        + " FROM UNNEST(CAST(? AS VARCHAR ARRAY)) AS k(wanted)"
                        + " JOIN conversation c ON c.thread_key = k.wanted AND c.account_id = ?",
                threadKeys,
                accountId,
                rs -> {
                    found.put(rs.getString("thread_key"), waiting(rs, 0));
                });
        return found;
    }

    /** Who a new conversation goes to, and when it is due there. */
    public record Owner(long departmentId, @Nullable Long assigneeId, String routedBy, Instant dueAt) {}

    /**
     * A new conversation as a page of messages leaves it: opened by its first message (its kind,
     * subject and routing), classified and prioritised by its newest.
     */
    public record NewConversation(
            String threadKey,
            String kind,
            long contactId,
            @Nullable String subjectId,
            Sentiment sentiment,
            Intent intent,
            Priority priority,
            Instant firstAt,
            Instant lastAt,
            Owner owner) {}

    /**
     * New conversations, routed: department, person and due time are in the row from the start.
     * For each, in order, whether it was made — false when another delivery made it a moment ago
     * (then its messages join that one).
     */
    public boolean[] openConversations(long accountId, String network, List<NewConversation> conversations) {
        boolean[] made = new boolean[conversations.size()];
        if (conversations.isEmpty()) {
            return made;
        }
        OffsetDateTime updated = now();
        int inserted = insert(
                "conversation",
                conversations,
                column("account_id", Type.BIGINT, row -> accountId),
                column("network", Type.VARCHAR, row -> network),
                column("thread_key", Type.VARCHAR, NewConversation::threadKey),
                column("kind", Type.VARCHAR, NewConversation::kind),
                column("contact_id", Type.BIGINT, NewConversation::contactId),
                column("subject_id", Type.VARCHAR, NewConversation::subjectId),
                column("state", Type.VARCHAR, row -> "OPEN"),
                column("sentiment", Type.VARCHAR, row -> row.sentiment().name()),
                column("intent", Type.VARCHAR, row -> row.intent().name()),
                column("priority", Type.VARCHAR, row -> row.priority().name()),
                column("first_item_at", Type.TIMESTAMP, row -> utc(row.firstAt())),
                column("last_item_at", Type.TIMESTAMP, row -> utc(row.lastAt())),
                column("waiting_since", Type.TIMESTAMP, row -> utc(row.firstAt())),
                column("updated_at", Type.TIMESTAMP, row -> updated),
                column("department_id", Type.BIGINT, row -> row.owner().departmentId()),
                column("assignee_id", Type.BIGINT, row -> row.owner().assigneeId()),
                column("routed_by", Type.VARCHAR, row -> cut(row.owner().routedBy(), 200)),
                column("due_at", Type.TIMESTAMP, row -> utc(row.owner().dueAt())));
        if (inserted == made.length) {
            java.util.Arrays.fill(made, true);
        } else if (made.length > 1) {
            throw new DeliveredMeanwhile("conversations");
        }
        return made;
    }

    /** A message of a conversation, theirs ({@code IN}) or ours ({@code OUT}), as it is recorded. */
    public record Message(
            long conversationId,
            long accountId,
            String remoteId,
            String direction,
            String kind,
            String text,
            @Nullable String inReplyTo,
            @Nullable String url,
            @Nullable String language,
            @Nullable Sentiment sentiment,
            @Nullable Intent intent,
            @Nullable String evidence,
            @Nullable Long sentBy,
            Instant at) {}

    public void insertItem(Message message) {
        insertItems(List.of(message));
    }

    public void insertItems(List<Message> messages) {
        if (messages.isEmpty()) {
            return;
        }
        OffsetDateTime received = now();
        insert(
                "inbox_item",
                messages,
                column("conversation_id", Type.BIGINT, Message::conversationId),
                column("account_id", Type.BIGINT, Message::accountId),
                column("remote_id", Type.VARCHAR, Message::remoteId),
                column("direction", Type.VARCHAR, Message::direction),
                column("kind", Type.VARCHAR, Message::kind),
                column("text", Type.VARCHAR, Message::text),
                column("in_reply_to", Type.VARCHAR, message -> cut(message.inReplyTo(), 300)),
                column("url", Type.VARCHAR, message -> cut(message.url(), 1000)),
                column("language", Type.VARCHAR, message -> cut(message.language(), 10)),
                column("sentiment", Type.VARCHAR, message -> name(message.sentiment())),
                column("intent", Type.VARCHAR, message -> name(message.intent())),
                column("evidence", Type.VARCHAR, message -> cut(message.evidence(), 2000)),
                column("sent_by", Type.BIGINT, Message::sentBy),
                column("occurred_at", Type.TIMESTAMP, message -> utc(message.at())),
                column("received_at", Type.TIMESTAMP, message -> received));
    }

    /**
     * A conversation waiting for us, or not: who owns it, how urgent it is, and since when it waits.
     *
     * @param waitingSince its first unanswered message; null when it is not our turn
     */
    public record Waiting(
            long conversationId,
            @Nullable Long departmentId,
            Priority priority,
            @Nullable Instant waitingSince) {

        /** When the clock of a message that arrives now starts: at the first unanswered one. */
        public Instant clockStart(Instant arrived) {
            return waitingSince != null && waitingSince.isBefore(arrived) ? waitingSince : arrived;
        }
    }

    public Waiting waiting(long conversationId) {
        return jdbc.sql("SELECT id, department_id, priority, waiting_since FROM conversation WHERE id = ?")
                .param(conversationId)
                .query(InboxRecords::waiting)
                .single();
    }

    /** The department's conversations waiting for an answer. */
    public List<Waiting> waitingIn(long departmentId) {
        return jdbc.sql("""
                        SELECT id, department_id, priority, waiting_since FROM conversation
                        WHERE department_id = ? AND state = 'OPEN' AND waiting_since IS NOT NULL""").param(departmentId).query(InboxRecords::waiting).list();
    }

    /**
     * New messages of theirs in an existing conversation: it is our turn again, due at {@code dueAt}
     * counted from {@code waitingSince} (a new wait escalates afresh). The newest message sets
     * sentiment, intent and priority.
     */
    public record Turn(
            long conversationId,
            Sentiment sentiment,
            Intent intent,
            Priority priority,
            Instant lastAt,
            Instant waitingSince,
            Instant dueAt) {}

    /** Their turn in each conversation, in order of conversation (so concurrent pages do not deadlock). */
    public void theirTurns(Collection<Turn> turns) {
        List<Turn> ordered = turns.stream()
                .sorted(java.util.Comparator.comparingLong(Turn::conversationId))
                .toList();
        if (ordered.isEmpty()) {
            return;
        }
        OffsetDateTime updated = now();
        update(
                "conversation",
                "state = 'OPEN', last_item_at = CASE WHEN conversation.last_item_at < :last_at THEN :last_at"
                        + " ELSE conversation.last_item_at END, waiting_since = :waiting_since,"
                        + " sentiment = :sentiment, intent = :intent, priority = :priority, due_at = :due_at,"
                        + " done_reason = NULL, done_note = NULL, updated_at = :updated_at,"
                        + " escalation_level = CASE WHEN conversation.state = 'OPEN'"
                        + " THEN conversation.escalation_level ELSE 0 END",
                "",
                ordered,
                column("id", Type.BIGINT, Turn::conversationId),
                column("last_at", Type.TIMESTAMP, turn -> utc(turn.lastAt())),
                column("waiting_since", Type.TIMESTAMP, turn -> utc(turn.waitingSince())),
                column("sentiment", Type.VARCHAR, turn -> turn.sentiment().name()),
                column("intent", Type.VARCHAR, turn -> turn.intent().name()),
                column("priority", Type.VARCHAR, turn -> turn.priority().name()),
                column("due_at", Type.TIMESTAMP, turn -> utc(turn.dueAt())),
                column("updated_at", Type.TIMESTAMP, turn -> updated));
    }

    /** When a waiting conversation is due, after its department's targets or hours changed. */
    public void due(long conversationId, Instant dueAt) {
        jdbc.sql("UPDATE conversation SET due_at = ?, updated_at = ? WHERE id = ?")
                .params(utc(dueAt), now(), conversationId)
                .update();
    }

    /** We answered: their turn; the first answer is kept for the response-time figures. */
    public void ourTurn(long conversationId, Instant at) {
        jdbc.sql("""
                        UPDATE conversation SET state = 'ANSWERED', first_response_at = COALESCE(first_response_at, ?),
                            waiting_since = NULL, due_at = NULL, last_item_at = ?, updated_at = ? WHERE id = ?""").params(utc(at), utc(at), now(), conversationId).update();
    }

    /**
     * Gives the conversation to a department and maybe a person; escalation starts again for them.
     *
     * @param dueAt when it is due under that department's targets and hours; null when not waiting
     */
    public void assign(
            long conversationId,
            long departmentId,
            @Nullable Long assigneeId,
            String routedBy,
            @Nullable Instant dueAt) {
        jdbc.sql("""
                        UPDATE conversation SET department_id = ?, assignee_id = ?, routed_by = ?, due_at = ?, updated_at = ?,
                            escalation_level = 0
                        WHERE id = ?""")
                .params(
                        departmentId,
                        assigneeId,
                        cut(routedBy, 200),
                        dueAt == null ? null : utc(dueAt),
                        now(),
                        conversationId)
                .update();
    }

    public void done(long conversationId, String reason, @Nullable String note) {
        jdbc.sql("""
                        UPDATE conversation SET state = 'DONE', done_reason = ?, done_note = ?, waiting_since = NULL,
                            due_at = NULL, updated_at = ? WHERE id = ?""").params(reason, cut(note, 1000), now(), conversationId).update();
    }

    public Optional<ConversationView> conversation(long id) {
        return jdbc.sql(CONVERSATION + " WHERE c.id = ?")
                .param(id)
                .query(InboxRecords::view)
                .optional();
    }

    /**
     * A page of conversations, waiting longest first within what is due soonest.
     *
     * @param accountIds the accounts whose conversations may be listed; null for all
     */
    public List<ConversationView> list(
            @Nullable ConversationState state,
            @Nullable Long departmentId,
            @Nullable Long assigneeId,
            @Nullable List<Long> accountIds,
            int offset,
            int limit) {
        StringBuilder sql = new StringBuilder(CONVERSATION + " WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (state != null) {
            sql.append(" AND c.state = ?");
            params.add(state.name());
        }
        if (departmentId != null) {
            sql.append(" AND c.department_id = ?");
            params.add(departmentId);
        }
        if (assigneeId != null) {
            sql.append(" AND c.assignee_id = ?");
            params.add(assigneeId);
        }
        if (accountIds != null) {
            if (accountIds.isEmpty()) {
                return List.of();
            }
            sql.append(" AND c.account_id IN (")
                    .append(placeholders(accountIds.size()))
                    .append(")");
            params.addAll(accountIds);
        }
        sql.append(" ORDER BY c.due_at NULLS LAST, c.last_item_at DESC, c.id DESC"); // conversation_queue_idx
        sql.append(" OFFSET ? ROWS FETCH FIRST ? ROWS ONLY");
        params.add(offset);
        params.add(limit);
        return jdbc.sql(sql.toString()).params(params).query(InboxRecords::view).list();
    }

    public List<ItemView> items(long conversationId) {
        return jdbc.sql("SELECT * FROM inbox_item WHERE conversation_id = ? ORDER BY occurred_at, id")
                .param(conversationId)
                .query((rs, row) -> new ItemView(
                        rs.getLong("id"),
                        rs.getString("remote_id"),
                        rs.getString("direction"),
                        rs.getString("kind"),
                        rs.getString("text"),
                        rs.getString("url"),
                        rs.getString("sentiment"),
                        rs.getString("intent"),
                        rs.getString("evidence"),
                        rs.getObject("sent_by", Long.class),
                        instant(rs, "occurred_at")))
                .list();
    }

    /** The contact's other conversations, newest first: their history with the brand. */
    public List<ConversationView> history(long contactId, long except) {
        return jdbc.sql(CONVERSATION
                        + " WHERE c.contact_id = ? AND c.id <> ? ORDER BY c.last_item_at DESC FETCH FIRST 20 ROWS ONLY")
                .params(contactId, except)
                .query(InboxRecords::view)
                .list();
    }

    /** The newest message of theirs in a conversation: what a reply answers. */
    public Optional<String> lastIncomingRemoteId(long conversationId) {
        return jdbc.sql("""
                        SELECT remote_id FROM inbox_item WHERE conversation_id = ? AND direction = 'IN'
                        ORDER BY occurred_at DESC, id DESC FETCH FIRST 1 ROWS ONLY""").param(conversationId).query(String.class).optional();
    }

    /** A reply an account sent. */
    public record SentReply(long conversationId, long contactId, String text, Instant at) {}

    /** The network's id of the conversation's author. */
    public String authorRemoteId(long conversationId) {
        return jdbc.sql("SELECT p.remote_id FROM contact p JOIN conversation c ON c.contact_id = p.id WHERE c.id = ?")
                .param(conversationId)
                .query(String.class)
                .single();
    }

    public List<SentReply> recentReplies(long accountId, Instant since) {
        return jdbc.sql("""
                        SELECT i.conversation_id, c.contact_id, i.text, i.occurred_at FROM inbox_item i
                        JOIN conversation c ON c.id = i.conversation_id
                        WHERE i.account_id = ? AND i.direction = 'OUT' AND i.occurred_at >= ?
                        ORDER BY i.occurred_at DESC FETCH FIRST 1000 ROWS ONLY""")
                .params(accountId, utc(since))
                .query((rs, row) -> new SentReply(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant()))
                .list();
    }

    /** Open conversations of each member (those with none are left out): for least-loaded assignment. */
    public Map<Long, Long> openLoads(Collection<Long> memberIds) {
        if (memberIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, Long> load = new HashMap<>();
        jdbc.sql("SELECT assignee_id, COUNT(*) FROM conversation WHERE state = 'OPEN' AND assignee_id IN ("
                        + placeholders(memberIds.size()) + ") GROUP BY assignee_id")
                .params(List.copyOf(memberIds))
                .query(rs -> {
                    load.put(rs.getLong(1), rs.getLong(2));
                });
        return load;
    }

    /** The newest conversation of the department given to each member (those never given one are left out): for round-robin. */
    public Map<Long, Long> lastAssigned(Collection<Long> memberIds, long departmentId) {
        if (memberIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, Long> last = new HashMap<>();
        List<Object> params = new ArrayList<>(memberIds);
        params.add(departmentId);
        jdbc.sql("SELECT assignee_id, MAX(id) FROM conversation WHERE assignee_id IN (" + placeholders(memberIds.size())
                        + ") AND department_id = ? GROUP BY assignee_id")
                .params(params)
                .query(rs -> {
                    last.put(rs.getLong(1), rs.getLong(2));
                });
        return last;
    }

    /**
     * Runs a query that joins {@code UNNEST(CAST(? AS VARCHAR ARRAY)) AS k(wanted)}, the keys as rows,
     * with {@code other} as its second parameter; each row goes to {@code row}. One statement text
     * for any number of keys (an {@code IN} list has a text per length, each prepared and planned
     * apart), and H2 finds each key through the table's unique index whatever the order of its
     * columns (for an {@code IN} list it uses only an index that the list's column leads).
     */
    private void byKeys(String sql, Collection<String> keys, Object other, RowCallbackHandler row) {
        List<String> all = List.copyOf(new java.util.LinkedHashSet<>(keys));
        batch.query(
                sql,
                statement -> {
                    statement.setArray(1, statement.getConnection().createArrayOf(Type.VARCHAR.array, all.toArray()));
                    statement.setObject(2, other);
                },
                row);
    }

    /** The SQL types of the columns that {@link #insert} writes. */
    private enum Type {
        VARCHAR("varchar", "VARCHAR", Types.VARCHAR),
        BIGINT("bigint", "BIGINT", Types.BIGINT),
        INTEGER("integer", "INTEGER", Types.INTEGER),
        BOOLEAN("boolean", "BOOLEAN", Types.BOOLEAN),
        TIMESTAMP("timestamptz", "TIMESTAMP WITH TIME ZONE", Types.TIMESTAMP_WITH_TIMEZONE);

        /** The element type's name for {@link java.sql.Connection#createArrayOf}. */
        final String array;

        final String sql;
        final int jdbc;

        Type(String array, String sql, int jdbc) {
            this.array = array;
            this.sql = sql;
            this.jdbc = jdbc;
        }
    }

    /** A column of rows to write: its name, its type and its value in a row. */
    private record Column<T>(String name, Type type, Function<T, ? extends @Nullable Object> value) {}

    private static <T> Column<T> column(String name, Type type, Function<T, ? extends @Nullable Object> value) {
        return new Column<>(name, type, value);
    }

    /**
     * Inserts rows into a table, {@code ON CONFLICT DO NOTHING}, in one round trip; returns how many
     * were inserted. On PostgreSQL one statement takes each column as an array, {@code INSERT … SELECT
     * * FROM UNNEST(CAST(? AS … ARRAY), …)}: the server plans and runs one statement for a page
     * instead of one per row, which made ingestion on PostgreSQL 1.8 times as fast. On H2, which runs
     * in this JVM, a JDBC batch costs no round trips, and its UNNEST made ingestion half as fast: a
     * batch (ADR 0011).
     */
    @SafeVarargs
    private <T> int insert(String table, List<T> rows, Column<T>... columns) {
        if (rows.isEmpty()) {
            return 0;
        }
        String names = java.util.Arrays.stream(columns).map(Column::name).collect(Collectors.joining(", "));
        if (postgres()) {
            return batch.update(
                    "INSERT INTO " + table + " (" + names + ") SELECT * FROM " + unnest(List.of(columns))
                            + " ON CONFLICT DO NOTHING",
                    statement -> arrays(statement, rows, List.of(columns)));
        }
        int[][] counts = batch.batchUpdate(
                "INSERT INTO " + table + " (" + names + ") VALUES (" + placeholders(columns.length)
                        + ") ON CONFLICT DO NOTHING",
                rows,
                rows.size(),
                (statement, row) -> values(statement, row, List.of(columns)));
        int inserted = 0;
        for (int[] chunk : counts) {
            for (int count : chunk) {
                inserted += Math.max(0, count);
            }
        }
        return inserted;
    }

    /**
     * Updates rows of a table by their {@code key}, those of them that meet {@code condition} (if not
     * empty): {@code set} is the SET list, where {@code :name} stands for the row's value of a column
     * (the table's own columns qualified by its name), as in the condition. On
     * PostgreSQL one {@code UPDATE … FROM UNNEST(…)} for all the rows, on H2 a JDBC batch, as for
     * {@link #insert}.
     */
    @SafeVarargs
    private <T> void update(
            String table, String set, String condition, List<T> rows, Column<T> key, Column<T>... columns) {
        if (rows.isEmpty()) {
            return;
        }
        String where = condition.isEmpty() ? "" : " AND (" + condition + ")";
        if (postgres()) {
            List<Column<T>> all = new ArrayList<>();
            all.add(key);
            all.addAll(List.of(columns));
            batch.update(
                    "UPDATE " + table + " SET " + NAMED.matcher(set).replaceAll("k.$1") + " FROM " + unnest(all)
                            + " WHERE " + table + "." + key.name() + " = k." + key.name()
                            + NAMED.matcher(where).replaceAll("k.$1"),
                    statement -> arrays(statement, rows, all));
            return;
        }
        Map<String, Column<T>> byName = new HashMap<>();
        for (Column<T> column : columns) {
            byName.put(column.name(), column);
        }
        byName.put(key.name(), key);
        String sql = "UPDATE " + table + " SET " + set + " WHERE " + key.name() + " = :" + key.name() + where;
        List<Column<T>> order = new ArrayList<>(); // as the placeholders occur
        java.util.regex.Matcher named = NAMED.matcher(sql);
        while (named.find()) {
            order.add(java.util.Objects.requireNonNull(byName.get(named.group(1)), named.group(1)));
        }
        batch.batchUpdate(
                NAMED.matcher(sql).replaceAll("?"),
                rows,
                rows.size(),
                (statement, row) -> values(statement, row, order));
    }

    /** A value of the row in an {@link #update}'s SET list: {@code :name}. */
    private static final java.util.regex.Pattern NAMED = java.util.regex.Pattern.compile(":([a-z_]+)");

    /** {@code UNNEST(CAST(? AS … ARRAY), …) AS k(…)}: the rows, one array per column. */
    private static <T> String unnest(List<Column<T>> columns) {
        return "UNNEST("
                + columns.stream()
                        .map(column -> "CAST(? AS " + column.type().sql + " ARRAY)")
                        .collect(Collectors.joining(", "))
                + ") AS k(" + columns.stream().map(Column::name).collect(Collectors.joining(", ")) + ")";
    }

    /** Binds a row's values, one parameter per column, from the first parameter on (a batch's row). */
    private static <T> void values(java.sql.PreparedStatement statement, T row, List<Column<T>> columns)
            throws SQLException {
        for (int c = 0; c < columns.size(); c++) {
            statement.setObject(
                    c + 1, columns.get(c).value().apply(row), columns.get(c).type().jdbc);
        }
    }

    /** Binds the rows' values as one array per column, from the first parameter on. */
    private static <T> void arrays(java.sql.PreparedStatement statement, List<T> rows, List<Column<T>> columns)
            throws SQLException {
        for (int c = 0; c < columns.size(); c++) {
            Object[] values = new Object[rows.size()];
            for (int r = 0; r < values.length; r++) {
                values[r] = columns.get(c).value().apply(rows.get(r));
            }
            statement.setArray(
                    c + 1,
                    statement.getConnection().createArrayOf(columns.get(c).type().array, values));
        }
    }

    private boolean postgres() {
        Boolean known = postgres;
        if (known == null) {
            known = batch.execute((ConnectionCallback<Boolean>)
                    connection -> "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName()));
            postgres = known;
        }
        return known;
    }

    private static @Nullable String name(@Nullable Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static String placeholders(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
    }

    public Optional<String> cursor(long accountId) {
        return jdbc.sql("SELECT cursor FROM inbox_cursor WHERE account_id = ?")
                .param(accountId)
                .query((rs, row) -> Optional.ofNullable(rs.getString("cursor")))
                .optional()
                .flatMap(found -> found);
    }

    public void polled(long accountId, @Nullable String cursor, @Nullable String failure) {
        int updated = jdbc.sql("""
                        UPDATE inbox_cursor SET cursor = COALESCE(?, cursor), polled_at = ?, failure = ? WHERE account_id = ?""")
                .params(cut(cursor, 1000), now(), cut(failure, 1000), accountId)
                .update();
        if (updated == 0) {
            jdbc.sql("""
                            INSERT INTO inbox_cursor (account_id, cursor, polled_at, failure) VALUES (?, ?, ?, ?)
                            ON CONFLICT DO NOTHING""")
                    .params(accountId, cut(cursor, 1000), now(), cut(failure, 1000))
                    .update();
        }
    }

    public void correct(long itemId, Sentiment sentiment, Intent intent, long by) {
        jdbc.sql("""
                        INSERT INTO classification_correction (item_id, sentiment, intent, corrected_by, corrected_at)
                        VALUES (?, ?, ?, ?, ?)""").params(itemId, sentiment.name(), intent.name(), by, now()).update();
        jdbc.sql("UPDATE inbox_item SET sentiment = ?, intent = ? WHERE id = ?")
                .params(sentiment.name(), intent.name(), itemId)
                .update();
    }

    /** The conversation's classification follows a member's correction of its newest message. */
    public void reclassify(long conversationId, Sentiment sentiment, Intent intent) {
        jdbc.sql("UPDATE conversation SET sentiment = ?, intent = ?, updated_at = ? WHERE id = ?")
                .params(sentiment.name(), intent.name(), now(), conversationId)
                .update();
    }

    private static ConversationView view(ResultSet rs, int row) throws SQLException {
        return new ConversationView(
                rs.getLong("id"),
                rs.getLong("account_id"),
                rs.getString("network"),
                rs.getString("thread_key"),
                rs.getString("kind"),
                new ConversationView.Contact(
                        rs.getLong("contact_id"),
                        rs.getString("handle"),
                        rs.getString("display_name"),
                        rs.getInt("messages"),
                        rs.getInt("likes"),
                        rs.getInt("reposts"),
                        rs.getBoolean("follows")),
                rs.getString("subject_id"),
                ConversationState.valueOf(rs.getString("state")),
                Sentiment.valueOf(rs.getString("sentiment")),
                Intent.valueOf(rs.getString("intent")),
                Priority.valueOf(rs.getString("priority")),
                rs.getObject("department_id", Long.class),
                rs.getObject("assignee_id", Long.class),
                rs.getString("routed_by"),
                instant(rs, "due_at"),
                instant(rs, "first_item_at"),
                instant(rs, "last_item_at"),
                instant(rs, "first_response_at"),
                rs.getString("done_reason"),
                rs.getString("last_text"));
    }

    private static Waiting waiting(ResultSet rs, int row) throws SQLException {
        return new Waiting(
                rs.getLong("id"),
                rs.getObject("department_id", Long.class),
                Priority.valueOf(rs.getString("priority")),
                instant(rs, "waiting_since"));
    }

    static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    static OffsetDateTime now() {
        return utc(Instant.now());
    }

    static @Nullable String cut(@Nullable String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
