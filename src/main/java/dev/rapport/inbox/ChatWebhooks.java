package dev.rapport.inbox;

import dev.rapport.accounts.WorkspaceSecrets;
import dev.rapport.core.Refusal;
import dev.rapport.inbox.chat.ChatKind;
import dev.rapport.inbox.chat.ChatSender;
import dev.rapport.inbox.chat.ChatWebhook;
import dev.rapport.inbox.domain.EscalationRecords;
import dev.rapport.inbox.domain.EscalationRecords.StoredWebhook;
import dev.rapport.team.Actor;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each department's chat group, where its escalations are posted: the robot's webhook URL and
 * signing secret, sealed by the vault ({@link WorkspaceSecrets}), never logged and never shown
 * again — members see the service, the host and whether a secret is set. Admins and the
 * department's leads set them, audited.
 */
@Service
public class ChatWebhooks {

    static final int MAX_URL = 1000;
    static final int MAX_SECRET = 200;

    /**
     * A department's webhook as members see it.
     *
     * @param lastFailure why the newest chat message still owed was not taken, if one failed
     */
    public record View(
            long departmentId,
            boolean configured,
            @Nullable ChatKind kind,
            @Nullable String host,
            boolean signed,
            @Nullable String lastFailure) {}

    private final EscalationRecords records;
    private final WorkspaceSecrets secrets;
    private final ResponseTargets targets;
    private final ChatSender sender;
    private final MessageSource messages;
    private final ApplicationEventPublisher events;
    private final boolean anyHost;

    ChatWebhooks(
            EscalationRecords records,
            WorkspaceSecrets secrets,
            ResponseTargets targets,
            ChatSender sender,
            MessageSource messages,
            ApplicationEventPublisher events,
            @Value("${rapport.inbox.webhooks.any-host:false}") boolean anyHost) {
        this.records = records;
        this.secrets = secrets;
        this.targets = targets;
        this.sender = sender;
        this.messages = messages;
        this.events = events;
        this.anyHost = anyHost;
    }

    @Transactional(readOnly = true)
    public View view(long departmentId) {
        targets.requireMayChange(departmentId, "inbox.webhook-not-allowed");
        return records.webhook(departmentId)
                .map(stored -> new View(
                        departmentId,
                        true,
                        stored.kind(),
                        stored.host(),
                        stored.secretSealed() != null,
                        records.failure(departmentId).orElse(null)))
                .orElse(new View(departmentId, false, null, null, false, null));
    }

    /**
     * Sets the department's webhook. A blank URL or secret keeps the one stored (members never see
     * them again to re-enter them); the URL must be the service's own, on https.
     */
    @Transactional
    public View change(long departmentId, ChatKind kind, @Nullable String url, @Nullable String secret) {
        targets.requireMayChange(departmentId, "inbox.webhook-not-allowed");
        Optional<StoredWebhook> stored = records.webhook(departmentId);
        String urlSealed;
        String host;
        if (url == null || url.isBlank()) {
            StoredWebhook kept = stored.orElseThrow(() -> Refusal.invalid("inbox.webhook-url-required"));
            urlSealed = kept.urlSealed();
            host = kept.host();
        } else {
            URI checked = checked(kind, url.strip());
            urlSealed = secrets.seal(checked.toString(), urlContext(departmentId));
            host = checked.getHost();
        }
        String secretSealed = null;
        if (kind.signs()) {
            if (secret != null && !secret.isBlank()) {
                if (secret.strip().length() > MAX_SECRET) {
                    throw Refusal.invalid("inbox.webhook-secret-invalid", MAX_SECRET);
                }
                secretSealed = secrets.seal(secret.strip(), secretContext(departmentId));
            } else {
                secretSealed = stored.map(StoredWebhook::secretSealed).orElse(null);
            }
        }
        records.saveWebhook(new StoredWebhook(departmentId, kind, host, urlSealed, secretSealed));
        Actor actor = Actor.current();
        events.publishEvent(new InboxEvents.ChatWebhookChanged(
                actor.email(),
                departmentId,
                kind + " " + host + (secretSealed == null ? "" : ", signed"),
                actor.source(),
                Instant.now()));
        return view(departmentId);
    }

    @Transactional
    public void remove(long departmentId) {
        targets.requireMayChange(departmentId, "inbox.webhook-not-allowed");
        records.removeWebhook(departmentId);
        Actor actor = Actor.current();
        events.publishEvent(new InboxEvents.ChatWebhookChanged(
                actor.email(), departmentId, "removed", actor.source(), Instant.now()));
    }

    /** Posts a test message to the department's group, in the member's language; refuses with the service's answer if it fails. */
    public void test(long departmentId, java.util.Locale locale) {
        targets.requireMayChange(departmentId, "inbox.webhook-not-allowed");
        ChatWebhook webhook = webhook(departmentId).orElseThrow(() -> Refusal.invalid("inbox.webhook-url-required"));
        String failure = sender.send(webhook, messages.getMessage("inbox.webhook.test-message", null, locale));
        if (failure != null) {
            throw Refusal.unavailable("inbox.webhook-test-failed", failure);
        }
    }

    /** The department's webhook, opened, for sending; empty if it has none. */
    Optional<ChatWebhook> webhook(long departmentId) {
        return records.webhook(departmentId)
                .map(stored -> new ChatWebhook(
                        stored.kind(),
                        URI.create(secrets.open(stored.urlSealed(), urlContext(departmentId))),
                        stored.secretSealed() == null
                                ? null
                                : secrets.open(stored.secretSealed(), secretContext(departmentId))));
    }

    private URI checked(ChatKind kind, String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException notAUrl) {
            throw Refusal.invalid(
                    "inbox.webhook-url-invalid", String.join(" / ", new java.util.TreeSet<>(kind.hosts())));
        }
        boolean https = "https".equals(uri.getScheme());
        boolean fits = url.length() <= MAX_URL
                && uri.getHost() != null
                && uri.getUserInfo() == null
                && uri.getFragment() == null
                && (anyHost
                        ? https || "http".equals(uri.getScheme())
                        : https && kind.hosts().contains(uri.getHost()) && uri.getPort() == -1);
        if (!fits) {
            throw Refusal.invalid(
                    "inbox.webhook-url-invalid", String.join(" / ", new java.util.TreeSet<>(kind.hosts())));
        }
        return uri;
    }

    private static String urlContext(long departmentId) {
        return "chat-webhook-url:department:" + departmentId;
    }

    private static String secretContext(long departmentId) {
        return "chat-webhook-secret:department:" + departmentId;
    }
}
