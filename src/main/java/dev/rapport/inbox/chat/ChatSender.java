package dev.rapport.inbox.chat;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Posts messages to chat groups' robots. Never logs a webhook URL: it carries the robot's token. */
@Component
public class ChatSender {

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            // Plain-http test servers and proxies may drop an h2c upgrade.
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    /** Sends a text; returns why it failed, or null if the service took it. */
    public @Nullable String send(ChatWebhook webhook, String text) {
        ChatWebhook.Request request = webhook.text(text, Instant.now());
        try {
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(request.uri())
                            .timeout(Duration.ofSeconds(10))
                            .header("Content-Type", "application/json; charset=utf-8")
                            .POST(HttpRequest.BodyPublishers.ofString(request.body(), StandardCharsets.UTF_8))
                            .build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return ChatWebhook.failure(webhook.kind(), response.statusCode(), response.body());
        } catch (IOException e) {
            // The exception's message may name the URI; say only what kind of failure it was.
            return "unreachable: " + e.getClass().getSimpleName();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
