package dev.rapport.inbox.domain;

import dev.rapport.inbox.Priority;
import dev.rapport.inbox.chat.ChatKind;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Escalations: each conversation's level, the in-app notices, the chat messages owed, the departments' webhooks. */
@Repository
public class EscalationRecords {

    /** An open conversation past its due time, not yet escalated to the top. */
    public record Overdue(
            long id,
            String network,
            String handle,
            @Nullable Long departmentId,
            @Nullable Long assigneeId,
            Priority priority,
            Instant dueAt,
            int level) {}

    /** A chat message owed to a department's group. */
    public record OwedChat(long conversationId, int level, long departmentId, String text) {}

    /** A department's webhook as stored: the URL and secret sealed. */
    public record StoredWebhook(
            long departmentId,
            ChatKind kind,
            String host,
            String urlSealed,
            @Nullable String secretSealed) {}

    private final JdbcClient jdbc;

    EscalationRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Overdue> overdue(Instant now, int below) {
        return jdbc.sql("""
                        SELECT c.id, c.network, t.handle, c.department_id, c.assignee_id, c.priority, c.due_at,
                            c.escalation_level FROM conversation c JOIN contact t ON t.id = c.contact_id
                        WHERE c.state = 'OPEN' AND c.due_at < ? AND c.escalation_level < ? ORDER BY c.due_at""")
                .params(InboxRecords.utc(now), below)
                .query((rs, n) -> new Overdue(
                        rs.getLong("id"),
                        rs.getString("network"),
                        rs.getString("handle"),
                        rs.getObject("department_id", Long.class),
                        rs.getObject("assignee_id", Long.class),
                        Priority.valueOf(rs.getString("priority")),
                        rs.getObject("due_at", OffsetDateTime.class).toInstant(),
                        rs.getInt("escalation_level")))
                .list();
    }

    /** Moves a waiting conversation from one level to the next; false if another run (or node) did, or it was answered. */
    public boolean claim(long conversationId, int from, int to) {
        return jdbc.sql("""
                        UPDATE conversation SET escalation_level = ?
                        WHERE id = ? AND escalation_level = ? AND state = 'OPEN'""").params(to, conversationId, from).update() == 1;
    }

    public void notice(long conversationId, int level, long memberId, Instant at) {
        jdbc.sql("INSERT INTO escalation_notice (conversation_id, level, member_id, created_at) VALUES (?, ?, ?, ?)")
                .params(conversationId, level, memberId, InboxRecords.utc(at))
                .update();
    }

    /** The waiting conversations escalated to a member, newest first. */
    public List<Long> escalatedTo(long memberId) {
        return jdbc.sql("""
                        SELECT DISTINCT c.id, c.due_at FROM escalation_notice n JOIN conversation c ON c.id = n.conversation_id
                        WHERE n.member_id = ? AND c.state = 'OPEN' AND n.level <= c.escalation_level
                        ORDER BY c.due_at DESC, c.id DESC""").param(memberId).query((rs, n) -> rs.getLong("id")).list();
    }

    public void owe(long conversationId, int level, long departmentId, String text) {
        jdbc.sql("INSERT INTO escalation_chat (conversation_id, level, department_id, text) VALUES (?, ?, ?, ?)")
                .params(conversationId, level, departmentId, InboxRecords.cut(text, 2000))
                .update();
    }

    /** Chat messages not yet taken by their service, of conversations that still wait. */
    public List<OwedChat> owed() {
        return jdbc.sql("""
                        SELECT e.conversation_id, e.level, e.department_id, e.text FROM escalation_chat e
                        JOIN conversation c ON c.id = e.conversation_id
                        WHERE e.sent_at IS NULL AND c.state = 'OPEN' ORDER BY e.conversation_id, e.level""")
                .query((rs, n) -> new OwedChat(rs.getLong(1), rs.getInt(2), rs.getLong(3), rs.getString(4)))
                .list();
    }

    /** One attempt to send: sent, or the failure to show and retry. */
    public void attempted(long conversationId, int level, @Nullable String failure) {
        jdbc.sql("""
                        UPDATE escalation_chat SET attempts = attempts + 1, failure = ?, sent_at = ?
                        WHERE conversation_id = ? AND level = ?""")
                .params(
                        failure == null ? null : InboxRecords.cut(failure, 500),
                        failure == null ? InboxRecords.utc(Instant.now()) : null,
                        conversationId,
                        level)
                .update();
    }

    /** The newest failure of a department's chat messages that are still owed, if any. */
    public Optional<String> failure(long departmentId) {
        return jdbc.sql("""
                        SELECT failure FROM escalation_chat WHERE department_id = ? AND sent_at IS NULL
                        AND failure IS NOT NULL ORDER BY conversation_id DESC, level DESC FETCH FIRST 1 ROWS ONLY""").param(departmentId).query(String.class).optional();
    }

    public Optional<StoredWebhook> webhook(long departmentId) {
        return jdbc.sql("SELECT * FROM chat_webhook WHERE department_id = ?")
                .param(departmentId)
                .query((rs, n) -> new StoredWebhook(
                        rs.getLong("department_id"),
                        ChatKind.valueOf(rs.getString("kind")),
                        rs.getString("host"),
                        rs.getString("url_sealed"),
                        rs.getString("secret_sealed")))
                .optional();
    }

    public void saveWebhook(StoredWebhook webhook) {
        removeWebhook(webhook.departmentId());
        jdbc.sql("""
                        INSERT INTO chat_webhook (department_id, kind, host, url_sealed, secret_sealed, changed_at)
                        VALUES (?, ?, ?, ?, ?, ?)""")
                .params(
                        webhook.departmentId(),
                        webhook.kind().name(),
                        webhook.host(),
                        webhook.urlSealed(),
                        webhook.secretSealed(),
                        InboxRecords.utc(Instant.now()))
                .update();
    }

    public void removeWebhook(long departmentId) {
        jdbc.sql("DELETE FROM chat_webhook WHERE department_id = ?")
                .param(departmentId)
                .update();
    }
}
