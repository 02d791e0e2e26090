package dev.rapport.connectors.spi;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Something the audience did.
 *
 * @param remoteId the network's id of this interaction (how duplicates are recognised)
 * @param subjectId the network's id of the account's own item it concerns (the post liked or
 *     replied to), if any
 * @param inReplyTo the item it directly answers, for threading
 * @param text what they wrote; null for likes, reposts and follows
 */
public record InboundItem(
        String remoteId,
        Kind kind,
        Author author,
        @Nullable String text,
        @Nullable String subjectId,
        @Nullable String inReplyTo,
        @Nullable String url,
        @Nullable String language,
        Instant at) {

    public enum Kind {
        COMMENT,
        REPLY,
        MENTION,
        QUOTE,
        DIRECT_MESSAGE,
        LIKE,
        REPOST,
        FOLLOW,
        UNFOLLOW;

        /** Whether someone wrote something that deserves an answer. */
        public boolean conversational() {
            return this == COMMENT || this == REPLY || this == MENTION || this == QUOTE || this == DIRECT_MESSAGE;
        }
    }

    /** Who did it, as the network knows them. */
    public record Author(
            String remoteId, String handle, @Nullable String displayName) {}
}
