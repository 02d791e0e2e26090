package dev.rapport.inbox.web;

import dev.rapport.inbox.ChatWebhooks;
import dev.rapport.inbox.chat.ChatKind;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/inbox/escalation/{departmentId}}: the department's chat webhook that escalations
 * post to. The URL and secret go in and never come out: answers show the service, host and whether
 * a secret is set.
 */
@RestController
@RequestMapping(path = "/api/v1/inbox/escalation/{departmentId}", produces = "application/json")
@PreAuthorize("hasAnyRole('ADMIN','LEAD')")
@Tag(name = "Inbox")
class EscalationApi {

    private final ChatWebhooks webhooks;

    EscalationApi(ChatWebhooks webhooks) {
        this.webhooks = webhooks;
    }

    /**
     * A chat webhook.
     *
     * @param url as the service issued it; blank keeps the stored one
     * @param secret DingTalk's or Feishu's signing secret; blank keeps the stored one
     */
    record WebhookRequest(
            @NotNull ChatKind kind,

            @Schema(example = "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…") @Nullable @Size(max = 1000)
            String url,

            @Nullable @Size(max = 200) String secret) {}

    @GetMapping
    @Operation(
            summary =
                    "The department's chat webhook: service, host, whether signed, the last failure (admins and its leads)")
    ChatWebhooks.View view(@PathVariable long departmentId) {
        return webhooks.view(departmentId);
    }

    @PutMapping
    @Operation(summary = "Set the department's chat webhook (WECOM, DINGTALK, FEISHU or SLACK), audited")
    ChatWebhooks.View change(@PathVariable long departmentId, @Valid @RequestBody WebhookRequest change) {
        return webhooks.change(departmentId, change.kind(), change.url(), change.secret());
    }

    @DeleteMapping
    @Operation(summary = "Remove the department's chat webhook, audited")
    ResponseEntity<Void> remove(@PathVariable long departmentId) {
        webhooks.remove(departmentId);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/test")
    @Operation(
            summary = "Post a test message to the department's chat group; 503 with the service's answer if it fails")
    ResponseEntity<Void> test(@PathVariable long departmentId, Locale locale) {
        webhooks.test(departmentId, locale);
        return ResponseEntity.noContent().build();
    }
}
