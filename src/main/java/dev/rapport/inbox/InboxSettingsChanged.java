package dev.rapport.inbox;

import dev.rapport.core.AuditRecord;
import dev.rapport.core.Audited;
import dev.rapport.team.Actor;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Someone changed how the inbox works: a routing rule (added, changed, enabled, disabled, deleted,
 * or the rules reordered), a saved reply, or whether saved replies must be personalised. Audited;
 * routing forgets the rules it holds on it.
 *
 * @param action e.g. {@code inbox.rule-created}, {@code inbox.saved-reply-deleted}
 * @param target e.g. {@code routing-rule:7}, {@code routing-rules}, {@code saved-reply:3}
 */
public record InboxSettingsChanged(
        String actor,
        String action,
        String target,
        String detail,
        @Nullable String source,
        Instant occurredAt) implements Audited {

    static InboxSettingsChanged by(Actor actor, String action, String target, String detail) {
        return new InboxSettingsChanged(actor.email(), action, target, detail, actor.source(), Instant.now());
    }

    /** Whether the routing rules changed. */
    public boolean routing() {
        return target.startsWith("routing-rule");
    }

    public AuditRecord auditRecord() {
        return new AuditRecord(actor, action, target, detail, source, occurredAt);
    }
}
