package dev.rapport.inbox;

import dev.rapport.core.Refusal;
import dev.rapport.inbox.domain.SavedReplyRecords;
import dev.rapport.team.Actor;
import dev.rapport.team.Role;
import dev.rapport.team.TeamManagement;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The workspace's saved replies: everyone who answers conversations uses them, admins and leads
 * keep the library (as a lead curates the answers of their department), and admins decide whether
 * a saved reply must be personalised before it is sent. Every change is audited.
 */
@Service
public class SavedReplies {

    public static final int MAX_REPLIES = 500;
    public static final int MAX_TITLE = 200;
    public static final List<String> LANGUAGES = List.of("zh", "en");

    /** A saved reply as a member writes it. */
    public record Draft(
            String title,
            String text,
            String language,
            @Nullable Long departmentId) {}

    private final SavedReplyRecords records;
    private final TeamManagement team;
    private final ApplicationEventPublisher events;

    SavedReplies(SavedReplyRecords records, TeamManagement team, ApplicationEventPublisher events) {
        this.records = records;
        this.team = team;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public List<SavedReply> all() {
        requireRole(Role.ADMIN, Role.LEAD, Role.MARKETER, Role.RESPONDER);
        return library();
    }

    /** The library, for the checks of a reply: the caller has been let in already. */
    List<SavedReply> library() {
        return records.all();
    }

    @Transactional(readOnly = true)
    public SavedReply reply(long id) {
        requireRole(Role.ADMIN, Role.LEAD, Role.MARKETER, Role.RESPONDER);
        return records.find(id).orElseThrow(() -> Refusal.notFound("inbox.saved-reply.not-found", String.valueOf(id)));
    }

    @Transactional
    public SavedReply add(Draft draft) {
        Actor actor = requireRole(Role.ADMIN, Role.LEAD);
        Draft valid = valid(draft);
        if (records.count() >= MAX_REPLIES) {
            throw Refusal.conflict("inbox.saved-reply.too-many", MAX_REPLIES);
        }
        long id = records.insert(
                valid.title(), valid.text(), valid.language(), valid.departmentId(), actor.requireMemberId());
        events.publishEvent(
                InboxSettingsChanged.by(actor, "inbox.saved-reply-added", "saved-reply:" + id, valid.title()));
        return reply(id);
    }

    @Transactional
    public SavedReply change(long id, Draft draft) {
        Actor actor = requireRole(Role.ADMIN, Role.LEAD);
        reply(id);
        Draft valid = valid(draft);
        records.update(
                id, valid.title(), valid.text(), valid.language(), valid.departmentId(), actor.requireMemberId());
        events.publishEvent(
                InboxSettingsChanged.by(actor, "inbox.saved-reply-changed", "saved-reply:" + id, valid.title()));
        return reply(id);
    }

    @Transactional
    public void remove(long id) {
        Actor actor = requireRole(Role.ADMIN, Role.LEAD);
        SavedReply reply = reply(id);
        records.delete(id);
        events.publishEvent(
                InboxSettingsChanged.by(actor, "inbox.saved-reply-deleted", "saved-reply:" + id, reply.title()));
    }

    /** Whether a reply that is still a saved reply's text is refused (the default) or sent. */
    @Transactional(readOnly = true)
    public boolean personalisationRequired() {
        return records.personalise();
    }

    @Transactional
    public void requirePersonalisation(boolean required) {
        Actor actor = requireRole(Role.ADMIN);
        records.personalise(required);
        events.publishEvent(InboxSettingsChanged.by(
                actor, "inbox.saved-reply-rule-changed", "saved-replies", "personalise=" + required));
    }

    private Draft valid(Draft draft) {
        String title = draft.title() == null ? "" : draft.title().strip();
        if (title.isEmpty() || title.length() > MAX_TITLE) {
            throw Refusal.invalid("inbox.saved-reply.title-invalid", MAX_TITLE);
        }
        String text = draft.text() == null ? "" : draft.text().strip();
        if (text.isEmpty() || text.length() > Conversations.MAX_REPLY) {
            throw Refusal.invalid("inbox.reply-invalid", Conversations.MAX_REPLY);
        }
        if (!LANGUAGES.contains(draft.language())) {
            throw Refusal.invalid("inbox.saved-reply.language-invalid", String.join(", ", LANGUAGES));
        }
        Long department = draft.departmentId();
        if (department != null && team.departments().stream().noneMatch(d -> d.id() == department)) {
            throw Refusal.invalid("department.not-found", String.valueOf(department));
        }
        return new Draft(title, text, draft.language(), department);
    }

    private static Actor requireRole(Role... roles) {
        Actor actor = Actor.current();
        for (Role role : roles) {
            if (actor.is(role)) {
                return actor;
            }
        }
        throw Refusal.forbidden("error.forbidden");
    }
}
