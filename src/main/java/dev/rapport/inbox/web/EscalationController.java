package dev.rapport.inbox.web;

import dev.rapport.core.Refusal;
import dev.rapport.inbox.ChatWebhooks;
import dev.rapport.inbox.chat.ChatKind;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The chat webhook section of the targets page: set it, or send a test message. */
@Controller
@PreAuthorize("hasAnyRole('ADMIN','LEAD')")
class EscalationController {

    private final ChatWebhooks webhooks;
    private final MessageSource messages;

    EscalationController(ChatWebhooks webhooks, MessageSource messages) {
        this.webhooks = webhooks;
        this.messages = messages;
    }

    @PostMapping("/inbox/targets/{departmentId}/webhook")
    String change(
            @PathVariable long departmentId,
            @RequestParam ChatKind kind,
            @RequestParam(defaultValue = "") String url,
            @RequestParam(defaultValue = "") String secret,
            RedirectAttributes redirect,
            Locale locale) {
        return outcome(
                departmentId,
                "inbox.webhook.saved",
                redirect,
                locale,
                () -> webhooks.change(departmentId, kind, url, secret));
    }

    @PostMapping("/inbox/targets/{departmentId}/webhook/test")
    String test(@PathVariable long departmentId, RedirectAttributes redirect, Locale locale) {
        return outcome(
                departmentId, "inbox.webhook.tested", redirect, locale, () -> webhooks.test(departmentId, locale));
    }

    private String outcome(
            long departmentId, String done, RedirectAttributes redirect, Locale locale, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("webhookDone", messages.getMessage(done, null, locale));
        } catch (Refusal refusal) {
            if (refusal.kind() == Refusal.Kind.NOT_FOUND || refusal.kind() == Refusal.Kind.FORBIDDEN) {
                throw refusal;
            }
            redirect.addFlashAttribute(
                    "webhookDone", messages.getMessage(refusal.messageKey(), refusal.arguments(), locale));
        }
        redirect.addFlashAttribute("webhookFor", departmentId);
        return "redirect:/inbox/targets";
    }
}
