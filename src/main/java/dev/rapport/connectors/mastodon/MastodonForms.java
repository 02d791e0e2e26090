package dev.rapport.connectors.mastodon;

import dev.rapport.connectors.spi.MediaItem;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Request bodies as Mastodon's form-data parameters expect them. */
final class MastodonForms {

    private MastodonForms() {}

    /** {@code application/x-www-form-urlencoded}; repeat a name ending in {@code []} for an array. */
    static final class UrlEncoded {
        private final List<String> pairs = new ArrayList<>();

        UrlEncoded add(String name, String value) {
            pairs.add(encode(name) + "=" + encode(value));
            return this;
        }

        String contentType() {
            return "application/x-www-form-urlencoded";
        }

        BodyPublisher body() {
            return BodyPublishers.ofString(String.join("&", pairs), StandardCharsets.UTF_8);
        }

        private static String encode(String text) {
            return URLEncoder.encode(text, StandardCharsets.UTF_8);
        }
    }

    /** {@code multipart/form-data} with the image as {@code file} and its alternative text. */
    static final class Upload {
        private final String boundary = "rapport-" + UUID.randomUUID();
        private final byte[] body;

        Upload(MediaItem media) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(media.bytes().length + 512);
            write(out, "--" + boundary + "\r\n");
            write(
                    out,
                    "Content-Disposition: form-data; name=\"file\"; filename=\"" + quoted(media.fileName()) + "\"\r\n");
            write(out, "Content-Type: " + media.mimeType().replaceAll("[\\r\\n]", "") + "\r\n\r\n");
            out.writeBytes(media.bytes());
            write(out, "\r\n");
            if (media.altText() != null && !media.altText().isBlank()) {
                write(out, "--" + boundary + "\r\n");
                write(out, "Content-Disposition: form-data; name=\"description\"\r\n");
                write(out, "Content-Type: text/plain; charset=UTF-8\r\n\r\n");
                write(out, media.altText());
                write(out, "\r\n");
            }
            write(out, "--" + boundary + "--\r\n");
            this.body = out.toByteArray();
        }

        String contentType() {
            return "multipart/form-data; boundary=" + boundary;
        }

        BodyPublisher body() {
            return BodyPublishers.ofByteArray(body);
        }

        private static String quoted(String fileName) {
            return fileName.replaceAll("[\\r\\n\"\\\\]", "_");
        }

        private static void write(ByteArrayOutputStream out, String text) {
            out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        }
    }
}
