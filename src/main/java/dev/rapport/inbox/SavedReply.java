package dev.rapport.inbox;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A text in the workspace's library that a reply may start from. {@code {name}} stands for the
 * contact's display name (or handle), {@code {handle}} for their handle.
 *
 * @param language {@code zh} or {@code en}
 * @param departmentId the department it is written for; null for everyone
 */
public record SavedReply(
        long id,
        String title,
        String text,
        String language,
        @Nullable Long departmentId,
        Instant updatedAt) {

    public static final List<String> PLACEHOLDERS = List.of("{name}", "{handle}");

    /** The text with the placeholders filled in for this contact. */
    public String filledFor(ConversationView.Contact contact) {
        String name = contact.displayName() == null || contact.displayName().isBlank()
                ? contact.handle()
                : contact.displayName();
        return text.replace("{name}", name).replace("{handle}", "@" + contact.handle());
    }
}
