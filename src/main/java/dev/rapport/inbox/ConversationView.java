package dev.rapport.inbox;

import dev.rapport.inbox.classification.Intent;
import dev.rapport.inbox.classification.Sentiment;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A conversation in the inbox.
 *
 * @param threadKey what makes it one thread: the post and the author, or the direct-message author
 * @param routedBy the routing rule that assigned it, or how it was reassigned
 * @param dueAt when it should be answered by (while OPEN), in its department's business hours
 * @param lastText the newest message, for the list
 */
public record ConversationView(
        long id,
        long accountId,
        String network,
        String threadKey,
        String kind,
        Contact contact,
        @Nullable String subjectId,
        ConversationState state,
        Sentiment sentiment,
        Intent intent,
        Priority priority,
        @Nullable Long departmentId,
        @Nullable Long assigneeId,
        @Nullable String routedBy,
        @Nullable Instant dueAt,
        Instant firstItemAt,
        Instant lastItemAt,
        @Nullable Instant firstResponseAt,
        @Nullable String doneReason,
        @Nullable String lastText) {

    /** The author, as the network knows them, and what they have done so far. */
    public record Contact(
            long id,
            String handle,
            @Nullable String displayName,
            int messages,
            int likes,
            int reposts,
            boolean follows) {}

    /** Past its target (while waiting for us). */
    public boolean overdue(Instant now) {
        return state == ConversationState.OPEN && dueAt != null && now.isAfter(dueAt);
    }
}
