package dev.rapport.connectors.spi;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One variant to publish.
 *
 * @param idempotencyKey chosen by Rapport, the same for every attempt at this variant: the network's
 *     own idempotency key (Mastodon) or record key (Bluesky), and how a lost response is looked up
 * @param replyTo the network's id of the item this replies to, if any
 */
public record PublishRequest(
        String idempotencyKey,
        String text,
        List<String> mediaRefs,
        @Nullable String link,
        @Nullable String replyTo) {

    public static PublishRequest text(String idempotencyKey, String text) {
        return new PublishRequest(idempotencyKey, text, List.of(), null, null);
    }
}
