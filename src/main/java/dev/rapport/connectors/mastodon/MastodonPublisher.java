package dev.rapport.connectors.mastodon;

import static dev.rapport.connectors.mastodon.MastodonNotifications.text;

import dev.rapport.connectors.http.ConnectorHttp;
import dev.rapport.connectors.spi.ConnectorException;
import dev.rapport.connectors.spi.MediaItem;
import dev.rapport.connectors.spi.PublishReceipt;
import dev.rapport.connectors.spi.PublishRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Statuses: publishing one, and finding one whose response was lost. Publishing sends Rapport's
 * idempotency key as Mastodon's {@code Idempotency-Key}, which the server remembers for an hour:
 * within that hour a repeated request returns the status already made instead of a second one.
 * Mastodon cannot be asked for a status by that key, so a lost response is looked up among the
 * account's 40 most recent statuses: the newest with the same words (as plain text, the link
 * appended), answering the same status, with as many images. Two variants with the same words
 * answering the same status cannot be told apart that way, nor a variant from an older status with
 * the same words.
 */
final class MastodonPublisher {

    private final ConnectorHttp http;

    MastodonPublisher(ConnectorHttp http) {
        this.http = http;
    }

    /**
     * Uploads the images, then posts the status. A reply keeps the visibility of a private or direct
     * status it answers, so that a private conversation never becomes public, and mentions its
     * author, as Mastodon's own apps do, so that they are told.
     *
     * @see <a href="https://docs.joinmastodon.org/methods/media/#v2">Upload media as an attachment</a>
     * @see <a href="https://docs.joinmastodon.org/methods/statuses/#get">View a single status</a>
     * @see <a href="https://docs.joinmastodon.org/methods/statuses/#create">Post a new status</a>
     */
    PublishReceipt publish(
            MastodonServer server, Map<String, String> auth, String ownAccountId, PublishRequest request) {
        List<String> mediaIds = new ArrayList<>();
        for (MediaItem media : request.media()) {
            mediaIds.add(upload(server, auth, media));
        }
        String text = MastodonText.withLink(request.text(), request.link());
        String visibility = "public";
        MastodonForms.UrlEncoded form = new MastodonForms.UrlEncoded();
        if (request.replyTo() != null) {
            JsonNode answered =
                    http.get(server.api("/api/v1/statuses/" + MastodonServer.segment(request.replyTo())), auth);
            String theirs = text(answered, "visibility");
            visibility = "direct".equals(theirs) || "private".equals(theirs) ? theirs : "public";
            String authorId = text(answered.path("account"), "id");
            String author = text(answered.path("account"), "acct");
            if (author != null && !ownAccountId.equals(authorId) && !text.contains("@" + author)) {
                text = "@" + author + " " + text;
            }
            form.add("in_reply_to_id", request.replyTo());
        }
        form.add("status", text).add("visibility", visibility);
        mediaIds.forEach(id -> form.add("media_ids[]", id));
        if (request.language() != null && !request.language().isBlank()) {
            // Mastodon takes ISO 639-1; Rapport keeps BCP 47 ("zh-Hant", "pt-BR").
            form.add("language", request.language().split("[-_]")[0].toLowerCase(Locale.ROOT));
        }
        Map<String, String> headers = new HashMap<>(auth);
        headers.put("Idempotency-Key", request.idempotencyKey());
        JsonNode status = http.post(server.api("/api/v1/statuses"), headers, form.contentType(), form.body());
        if (text(status, "id") == null) {
            // A 2xx without a status: it may well have been made.
            throw new ConnectorException.Transient(
                    server.host() + " answered without a status", true, null, null, null);
        }
        return receipt(server, status);
    }

    /**
     * The image is uploaded on its own; if this fails nothing is published, so the outcome is known.
     * Mastodon processes images at once (200, with a {@code url}); a {@code url} of null means it is
     * still processing (202), and a status cannot have it yet: the engine may try again later (the
     * unattached upload is cleaned up by the server).
     */
    private String upload(MastodonServer server, Map<String, String> auth, MediaItem media) {
        MastodonForms.Upload upload = new MastodonForms.Upload(media);
        JsonNode attachment;
        try {
            attachment = http.post(server.api("/api/v2/media"), auth, upload.contentType(), upload.body());
        } catch (ConnectorException.Transient failed) {
            throw new ConnectorException.Transient(
                    "uploading " + media.fileName() + " failed: " + failed.getMessage(),
                    false,
                    failed.status(),
                    failed.requestId(),
                    failed);
        }
        String id = text(attachment, "id");
        if (id == null || !attachment.path("url").isString()) {
            throw new ConnectorException.Transient(
                    server.host() + " is still processing " + media.fileName(), false, 202, null, null);
        }
        return id;
    }

    /** @see <a href="https://docs.joinmastodon.org/methods/accounts/#statuses">Get account's statuses</a> */
    Optional<PublishReceipt> find(
            MastodonServer server, Map<String, String> auth, String accountId, PublishRequest request) {
        String path =
                "/api/v1/accounts/" + MastodonServer.segment(accountId) + "/statuses?limit=40&exclude_reblogs=true";
        String words = MastodonText.comparable(MastodonText.withLink(request.text(), request.link()));
        for (JsonNode status : http.get(server.api(path), auth)) {
            if (status.path("reblog").isObject()
                    || !Objects.equals(request.replyTo(), text(status, "in_reply_to_id"))
                    || status.path("media_attachments").size()
                            != request.media().size()
                    || !MastodonText.comparable(MastodonText.plain(text(status, "content")))
                            .equals(words)) {
                continue;
            }
            return Optional.of(receipt(server, status));
        }
        return Optional.empty();
    }

    private static PublishReceipt receipt(MastodonServer server, JsonNode status) {
        String id = MastodonConnector.required(status, "id");
        String url = Objects.requireNonNullElse(text(status, "url"), text(status, "uri"));
        return new PublishReceipt(
                id,
                url != null ? url : server.base() + "/statuses/" + MastodonServer.segment(id),
                MastodonNotifications.instant(status.path("created_at")));
    }
}
