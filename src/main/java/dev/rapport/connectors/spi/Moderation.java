package dev.rapport.connectors.spi;

import org.jspecify.annotations.Nullable;

/**
 * An item of the audience's that the account's team reports to the network's moderators or hides
 * under its own post: spam or abuse.
 *
 * @param remoteId the network's id of the item
 * @param authorId the network's id of its author
 * @param subjectId the account's own item it was written under, if any (where a reply is hidden)
 * @param note the member's words for the moderators, if any
 */
public record Moderation(
        String remoteId,
        String authorId,
        @Nullable String subjectId,
        Reason reason,
        @Nullable String note) {

    public enum Reason {
        SPAM,
        ABUSE
    }
}
