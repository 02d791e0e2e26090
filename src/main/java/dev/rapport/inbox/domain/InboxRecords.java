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
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
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
            SELECT c.*, p.handle, p.display_name, p.messages, p.likes, p.reposts, p.follows,
                (SELECT i.text FROM inbox_item i WHERE i.conversation_id = c.id ORDER BY i.occurred_at DESC, i.id DESC
                 FETCH FIRST 1 ROWS ONLY) AS last_text
            FROM conversation c JOIN contact p ON p.id = c.contact_id""";

    /** Rows per statement of an {@code IN (…)} list. */
    private static final int IN_LIST = 500;

    private final JdbcClient jdbc;
    /** For batches: a page of interactions is written in a few round trips, not a few per interaction. */
    private final JdbcTemplate batch;

    InboxRecords(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /**
     * The contacts of the authors of some interactions on a network, by the author's network id;
     * those seen for the first time are made (as the author was at their first interaction here).
     */
    public Map<String, Long> contacts(String network, List<InboundItem> items) {
        Map<String, InboundItem> firstOf = new TreeMap<>(); // sorted: concurrent pages lock in one order
        items.forEach(item -> firstOf.putIfAbsent(item.author().remoteId(), item));
        List<InboundItem> first = List.copyOf(firstOf.values());
        batch.batchUpdate("""
                INSERT INTO contact (network, remote_id, handle, display_name, first_seen_at, last_seen_at)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""", first, Math.max(1, first.size()), (statement, item) -> {
            statement.setString(1, network);
            statement.setString(2, item.author().remoteId());
            statement.setString(3, cut(item.author().handle(), 300));
            statement.setString(4, cut(item.author().displayName(), 300));
            statement.setObject(5, utc(item.at()));
            statement.setObject(6, utc(item.at()));
        });
        Map<String, Long> ids = new HashMap<>();
        whereIn(
                "SELECT remote_id, id FROM contact WHERE remote_id IN (%s) AND network = ?",
                firstOf.keySet(), network, rs -> {
                    ids.put(rs.getString(1), rs.getLong(2));
                });
        return ids;
    }

    /** An interaction as it is recorded: by whom. */
    public record Delivery(InboundItem item, long contactId) {}

    /**
     * Records interactions once each; for each, in order, whether this was its first delivery (a
     * second one, also within the list, is dropped).
     */
    public boolean[] firstDeliveries(long accountId, List<Delivery> deliveries) {
        int[][] counts = batch.batchUpdate("""
                INSERT INTO interaction (account_id, remote_id, kind, contact_id, occurred_at)
                VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""", deliveries, Math.max(1, deliveries.size()), (statement, delivery) -> {
            statement.setLong(1, accountId);
            statement.setString(2, delivery.item().remoteId());
            statement.setString(3, delivery.item().kind().name());
            statement.setLong(4, delivery.contactId());
            statement.setObject(5, utc(delivery.item().at()));
        });
        return flatten(counts, deliveries.size());
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

    /** Applies what new interactions told about their authors, in order of contact (so concurrent pages do not deadlock). */
    public void counted(Collection<ContactChange> changes) {
        List<ContactChange> ordered = changes.stream()
                .sorted(java.util.Comparator.comparingLong(ContactChange::contactId))
                .toList();
        batch.batchUpdate("""
                UPDATE contact SET messages = messages + ?, likes = likes + ?, reposts = reposts + ?,
                    follows = COALESCE(?, follows), handle = ?, display_name = COALESCE(?, display_name),
                    last_seen_at = GREATEST(last_seen_at, ?)
                WHERE id = ?""", ordered, Math.max(1, ordered.size()), (statement, change) -> {
            statement.setInt(1, change.messages());
            statement.setInt(2, change.likes());
            statement.setInt(3, change.reposts());
            statement.setObject(4, change.follows(), java.sql.Types.BOOLEAN);
            statement.setString(5, cut(change.handle(), 300));
            statement.setString(6, cut(change.displayName(), 300));
            statement.setObject(7, utc(change.lastSeen()));
            statement.setLong(8, change.contactId());
        });
    }

    /** The conversations of some threads of an account, by thread key (threads without one are left out). */
    public Map<String, Waiting> threads(long accountId, Collection<String> threadKeys) {
        Map<String, Waiting> found = new HashMap<>();
        whereIn(
                "SELECT id, department_id, priority, waiting_since, thread_key FROM conversation"
                        + " WHERE thread_key IN (%s) AND account_id = ?",
                new java.util.LinkedHashSet<>(threadKeys), accountId, rs -> {
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
        OffsetDateTime updated = now();
        int[][] counts =
                batch.batchUpdate("""
                INSERT INTO conversation (account_id, network, thread_key, kind, contact_id, subject_id, state,
                    sentiment, intent, priority, first_item_at, last_item_at, waiting_since, updated_at,
                    department_id, assignee_id, routed_by, due_at)
                VALUES (?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""", conversations, Math.max(1, conversations.size()), (statement, conversation) -> {
                    statement.setLong(1, accountId);
                    statement.setString(2, network);
                    statement.setString(3, conversation.threadKey());
                    statement.setString(4, conversation.kind());
                    statement.setLong(5, conversation.contactId());
                    statement.setString(6, conversation.subjectId());
                    statement.setString(7, conversation.sentiment().name());
                    statement.setString(8, conversation.intent().name());
                    statement.setString(9, conversation.priority().name());
                    statement.setObject(10, utc(conversation.firstAt()));
                    statement.setObject(11, utc(conversation.lastAt()));
                    statement.setObject(12, utc(conversation.firstAt()));
                    statement.setObject(13, updated);
                    statement.setLong(14, conversation.owner().departmentId());
                    statement.setObject(15, conversation.owner().assigneeId(), java.sql.Types.BIGINT);
                    statement.setString(16, cut(conversation.owner().routedBy(), 200));
                    statement.setObject(17, utc(conversation.owner().dueAt()));
                });
        return flatten(counts, conversations.size());
    }

    /** For each row of a batch, in order, whether it changed anything. */
    private static boolean[] flatten(int[][] counts, int rows) {
        boolean[] changed = new boolean[rows];
        int i = 0;
        for (int[] chunk : counts) {
            for (int count : chunk) {
                changed[i++] = count > 0;
            }
        }
        return changed;
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
        batch.batchUpdate("""
                INSERT INTO inbox_item (conversation_id, account_id, remote_id, direction, kind, text, in_reply_to, url,
                    language, sentiment, intent, evidence, sent_by, occurred_at, received_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""", messages, messages.size(), (statement, message) -> {
            statement.setLong(1, message.conversationId());
            statement.setLong(2, message.accountId());
            statement.setString(3, message.remoteId());
            statement.setString(4, message.direction());
            statement.setString(5, message.kind());
            statement.setString(6, message.text());
            statement.setString(7, cut(message.inReplyTo(), 300));
            statement.setString(8, cut(message.url(), 1000));
            statement.setString(9, cut(message.language(), 10));
            statement.setString(
                    10, message.sentiment() == null ? null : message.sentiment().name());
            statement.setString(
                    11, message.intent() == null ? null : message.intent().name());
            statement.setString(12, cut(message.evidence(), 2000));
            statement.setObject(13, message.sentBy(), java.sql.Types.BIGINT);
            statement.setObject(14, utc(message.at()));
            statement.setObject(15, received);
        });
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
        batch.batchUpdate("""
                UPDATE conversation SET state = 'OPEN', last_item_at = CASE WHEN last_item_at < ? THEN ? ELSE last_item_at END,
                    waiting_since = ?, sentiment = ?, intent = ?, priority = ?, due_at = ?, done_reason = NULL,
                    done_note = NULL, updated_at = ?,
                    escalation_level = CASE WHEN state = 'OPEN' THEN escalation_level ELSE 0 END
                WHERE id = ?""", ordered, ordered.size(), (statement, turn) -> {
            statement.setObject(1, utc(turn.lastAt()));
            statement.setObject(2, utc(turn.lastAt()));
            statement.setObject(3, utc(turn.waitingSince()));
            statement.setString(4, turn.sentiment().name());
            statement.setString(5, turn.intent().name());
            statement.setString(6, turn.priority().name());
            statement.setObject(7, utc(turn.dueAt()));
            statement.setObject(8, updated);
            statement.setLong(9, turn.conversationId());
        });
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
     * Runs a query whose {@code %s} is an IN list of the keys, in chunks of {@value #IN_LIST}, with
     * {@code last} as its one other parameter; each row goes to {@code row}.
     */
    private void whereIn(String sql, Collection<String> keys, Object last, RowCallbackHandler row) {
        List<String> all = List.copyOf(keys);
        for (int from = 0; from < all.size(); from += IN_LIST) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + IN_LIST));
            List<Object> params = new ArrayList<>(chunk);
            params.add(last);
            jdbc.sql(sql.formatted(placeholders(chunk.size()))).params(params).query(row);
        }
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
