package dev.rapport.connectors.web;

import dev.rapport.accounts.AccountAccess;
import dev.rapport.accounts.AccountManagement;
import dev.rapport.accounts.AccountPermission;
import dev.rapport.connectors.ConnectionView;
import dev.rapport.connectors.Connections;
import dev.rapport.connectors.Connections.Connect;
import dev.rapport.connectors.PublishOutcome;
import dev.rapport.connectors.Pushes;
import dev.rapport.connectors.spi.Capability;
import dev.rapport.connectors.spi.ConnectorException;
import dev.rapport.connectors.spi.InboundItem;
import dev.rapport.core.Refusal;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The connections overview, and connecting or disconnecting one account. */
@Controller
class ConnectionsController {

    private final Connections connections;
    private final Pushes pushes;
    private final AccountManagement accounts;
    private final AccountAccess access;
    private final MessageSource messages;

    ConnectionsController(
            Connections connections,
            Pushes pushes,
            AccountManagement accounts,
            AccountAccess access,
            MessageSource messages) {
        this.connections = connections;
        this.pushes = pushes;
        this.accounts = accounts;
        this.access = access;
        this.messages = messages;
    }

    @GetMapping("/connections")
    String overview(Model model) {
        model.addAttribute("overview", connections.overview());
        return "connectors/connections";
    }

    @GetMapping("/accounts/{id}/connection")
    String connection(@PathVariable long id, Model model, HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        model.addAttribute("account", accounts.account(id));
        model.addAttribute("connection", connections.connection(id));
        boolean manage = access.can(id, AccountPermission.MANAGE_CREDENTIALS);
        model.addAttribute("canManage", manage);
        if (manage) {
            model.addAttribute("choices", connections.choices(id));
        }
        model.addAttribute("canPublish", access.can(id, AccountPermission.PUBLISH));
        ConnectionView connection = (ConnectionView) model.getAttribute("connection");
        if (connection.usable() && connections.capabilities(id).contains(Capability.PUSH)) {
            model.addAttribute(
                    "push", pushes.status(id).name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        if (connection.usable()) {
            try {
                model.addAttribute("audience", connections.audience(id));
                List<InboundItem> items =
                        new ArrayList<>(connections.interactions(id, null).items());
                Collections.reverse(items);
                model.addAttribute("activity", items.subList(0, Math.min(items.size(), 20)));
            } catch (ConnectorException unreadable) {
                model.addAttribute("activityError", unreadable.getMessage());
            }
        }
        return "connectors/connection";
    }

    /** The form's fields arrive as request parameters named like the connector's properties. */
    @PostMapping("/accounts/{id}/connection")
    String connect(
            @PathVariable long id,
            @RequestParam String connector,
            @RequestParam Map<String, String> form,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect,
            Locale locale) {
        try {
            connections.connect(id, new Connect(connector, form));
            redirect.addFlashAttribute("connected", true);
            return "redirect:/accounts/" + id + "/connection";
        } catch (Refusal refusal) {
            response.setStatus(
                    switch (refusal.kind()) {
                        case INVALID -> 400;
                        case FORBIDDEN -> 403;
                        case NOT_FOUND -> 404;
                        case CONFLICT -> 409;
                        case UNAVAILABLE -> 502;
                    });
            model.addAttribute("refusal", messages.getMessage(refusal.messageKey(), refusal.arguments(), locale));
            model.addAttribute("failedConnector", connector);
            return connection(id, model, response);
        }
    }

    @PostMapping("/accounts/{id}/connection/test-post")
    String testPost(@PathVariable long id, @RequestParam String text, RedirectAttributes redirect, Locale locale) {
        try {
            PublishOutcome outcome = connections.publishTestPost(id, text);
            if (outcome.status() == PublishOutcome.Status.PUBLISHED) {
                String url = outcome.receipt().url();
                // The network says where the post is; only a web address becomes a link.
                redirect.addFlashAttribute(
                        "testPostUrl", url.startsWith("https://") || url.startsWith("http://") ? url : "");
            } else {
                // Flash attributes live in the (JDBC) session: plain strings only.
                String reason = outcome.reason() == null ? "unavailable" : outcome.reason();
                String because =
                        messages.getMessage("connection.reason." + PublishOutcome.kind(reason), null, reason, locale);
                redirect.addFlashAttribute(
                        "testPostRefusal",
                        messages.getMessage(
                                "connection.test-post.failed",
                                new Object[] {because, outcome.message() == null ? "" : outcome.message()},
                                locale));
            }
        } catch (Refusal refusal) {
            redirect.addFlashAttribute(
                    "testPostRefusal", messages.getMessage(refusal.messageKey(), refusal.arguments(), locale));
        }
        return "redirect:/accounts/" + id + "/connection";
    }

    @PostMapping("/accounts/{id}/connection/disconnect")
    String disconnect(@PathVariable long id, RedirectAttributes redirect) {
        connections.disconnect(id);
        redirect.addFlashAttribute("disconnected", true);
        return "redirect:/accounts/" + id + "/connection";
    }
}
