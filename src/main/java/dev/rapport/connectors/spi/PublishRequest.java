package dev.rapport.connectors.spi;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One variant to publish.
 *
 * @param idempotencyKey chosen by Rapport, the same for every attempt at this variant: the network's
 *     own idempotency key (Mastodon) or record key (Bluesky), and how a lost response is looked up
 * @param media images, in order
 * @param link the page the post is about, when it is not already in the text: connectors show it as
 *     the network does (a link card on Bluesky, appended on Mastodon)
 * @param replyTo the network's id of the item this replies to, if any
 * @param language the text's language (BCP 47), if known
 */
public record PublishRequest(
        String idempotencyKey,
        String text,
        List<MediaItem> media,
        @Nullable String link,
        @Nullable String replyTo,
        @Nullable String language) {

    public static PublishRequest text(String idempotencyKey, String text) {
        return new PublishRequest(idempotencyKey, text, List.of(), null, null, null);
    }

    public static PublishRequest reply(String idempotencyKey, String text, String replyTo) {
        return new PublishRequest(idempotencyKey, text, List.of(), null, replyTo, null);
    }
}
