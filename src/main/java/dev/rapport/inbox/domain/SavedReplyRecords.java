package dev.rapport.inbox.domain;

import static dev.rapport.inbox.domain.InboxRecords.instant;
import static dev.rapport.inbox.domain.InboxRecords.now;

import dev.rapport.inbox.SavedReply;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The {@code saved_reply} library and the one-row {@code saved_reply_rule}. */
@Repository
public class SavedReplyRecords {

    private final JdbcClient jdbc;

    SavedReplyRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<SavedReply> all() {
        return jdbc.sql("SELECT * FROM saved_reply ORDER BY title, id")
                .query(SavedReplyRecords::reply)
                .list();
    }

    public Optional<SavedReply> find(long id) {
        return jdbc.sql("SELECT * FROM saved_reply WHERE id = ?")
                .param(id)
                .query(SavedReplyRecords::reply)
                .optional();
    }

    public int count() {
        return jdbc.sql("SELECT COUNT(*) FROM saved_reply").query(Integer.class).single();
    }

    public long insert(String title, String text, String language, @Nullable Long departmentId, long by) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO saved_reply (title, text, language, department_id, updated_by, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?)""").params(title, text, language, departmentId, by, now()).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public void update(long id, String title, String text, String language, @Nullable Long departmentId, long by) {
        jdbc.sql("""
                        UPDATE saved_reply SET title = ?, text = ?, language = ?, department_id = ?, updated_by = ?,
                            updated_at = ?
                        WHERE id = ?""").params(title, text, language, departmentId, by, now(), id).update();
    }

    public void delete(long id) {
        jdbc.sql("DELETE FROM saved_reply WHERE id = ?").param(id).update();
    }

    public boolean personalise() {
        return jdbc.sql("SELECT personalise FROM saved_reply_rule WHERE id = 1")
                .query(Boolean.class)
                .single();
    }

    public void personalise(boolean required) {
        jdbc.sql("UPDATE saved_reply_rule SET personalise = ? WHERE id = 1")
                .param(required)
                .update();
    }

    private static SavedReply reply(ResultSet rs, int row) throws SQLException {
        return new SavedReply(
                rs.getLong("id"),
                rs.getString("title"),
                rs.getString("text"),
                rs.getString("language"),
                rs.getObject("department_id", Long.class),
                instant(rs, "updated_at"));
    }
}
