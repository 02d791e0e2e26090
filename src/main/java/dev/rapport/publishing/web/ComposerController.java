package dev.rapport.publishing.web;

import dev.rapport.accounts.AccountAccess;
import dev.rapport.accounts.AccountManagement;
import dev.rapport.accounts.AccountPermission;
import dev.rapport.accounts.AccountStatus;
import dev.rapport.accounts.AccountView;
import dev.rapport.content.ContentType;
import dev.rapport.core.Refusal;
import dev.rapport.publishing.Composer;
import dev.rapport.publishing.PostDetails;
import dev.rapport.publishing.PostView;
import dev.rapport.publishing.Posts;
import dev.rapport.publishing.VariantState;
import dev.rapport.publishing.VariantView;
import dev.rapport.screening.MarkedText;
import dev.rapport.team.Actor;
import dev.rapport.team.Role;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The composer: write the idea once for several accounts, then each network's variant with its
 * findings updated as you type (htmx), submit, and — for leads — approve or send back.
 */
@Controller
class ComposerController {

    private final Posts posts;
    private final Composer composer;
    private final AccountManagement accounts;
    private final AccountAccess access;
    private final MessageSource messages;

    ComposerController(
            Posts posts, Composer composer, AccountManagement accounts, AccountAccess access, MessageSource messages) {
        this.posts = posts;
        this.composer = composer;
        this.accounts = accounts;
        this.access = access;
        this.messages = messages;
    }

    /** A variant card: its details and the text cut into marked pieces. */
    record Card(PostDetails.Variant details, List<MarkedText.Segment> segments) {}

    @ModelAttribute("contentTypes")
    ContentType[] contentTypes() {
        return ContentType.values();
    }

    @GetMapping("/compose")
    String compose(Model model) {
        model.addAttribute("targets", targets());
        return "publishing/compose";
    }

    @PostMapping("/compose")
    String compose(
            @RequestParam(defaultValue = "") String idea,
            @RequestParam(name = "account", required = false) @Nullable List<Long> accountIds,
            @RequestParam(defaultValue = "") String contentType,
            @RequestParam(defaultValue = "") String campaign,
            @RequestParam(defaultValue = "") String scheduledAt,
            @ModelAttribute("zone") ZoneId zone,
            Model model,
            Locale locale) {
        try {
            PostView post = posts.compose(new Posts.Compose(
                    idea,
                    accountIds == null ? List.of() : accountIds,
                    Map.of(),
                    contentType.isBlank() ? null : ContentType.valueOf(contentType),
                    campaign,
                    time(scheduledAt, zone)));
            return "redirect:/posts/" + post.id();
        } catch (Refusal refusal) {
            model.addAttribute("refusal", messages.getMessage(refusal.messageKey(), refusal.arguments(), locale));
            model.addAttribute("idea", idea);
            model.addAttribute("targets", targets());
            return "publishing/compose";
        }
    }

    @GetMapping("/posts/{id}")
    String post(@PathVariable long id, Model model, Locale locale) {
        PostDetails details = composer.details(posts.post(id));
        Actor actor = Actor.current();
        model.addAttribute("details", details);
        model.addAttribute(
                "cards",
                details.variants().stream()
                        .map(variant -> new Card(
                                variant,
                                MarkedText.segments(variant.variant().text(), variant.verdict(), messages, locale)))
                        .toList());
        model.addAttribute(
                "canApprove",
                (actor.is(Role.LEAD) || actor.is(Role.ADMIN))
                        && actor.memberId() != null
                        && actor.memberId() != details.post().createdBy()
                        && details.post().variants().stream()
                                .anyMatch(v -> v.state() == VariantState.PENDING_APPROVAL));
        model.addAttribute(
                "canEdit",
                !actor.is(Role.VIEWER)
                        && !actor.is(Role.RESPONDER)
                        && details.post().variants().stream()
                                .anyMatch(v -> v.state().editable()));
        model.addAttribute(
                "canSubmit",
                details.post().variants().stream().anyMatch(v -> v.state().editable())
                        && details.variants().stream().allMatch(PostDetails.Variant::ready));
        return "publishing/post";
    }

    /** The live lint of one variant while its text is typed. */
    @PostMapping("/posts/{id}/variants/{variantId}/check")
    String check(
            @PathVariable long id,
            @PathVariable long variantId,
            @RequestParam(defaultValue = "") String text,
            Model model,
            Locale locale) {
        PostView post = posts.post(id);
        Map<Long, String> siblings = new HashMap<>();
        long accountId = 0;
        for (var variant : post.variants()) {
            if (variant.id() == variantId) {
                accountId = variant.accountId();
            } else {
                siblings.put(variant.accountId(), variant.text());
            }
        }
        if (accountId == 0) {
            throw Refusal.notFound("publishing.variant-not-found", variantId);
        }
        String checked = text.length() > Posts.MAX_TEXT ? text.substring(0, Posts.MAX_TEXT) : text;
        PostDetails.Variant details = composer.check(accountId, checked, siblings, id);
        model.addAttribute(
                "card", new Card(details, MarkedText.segments(checked, details.verdict(), messages, locale)));
        model.addAttribute("variantId", variantId);
        return "publishing/lint :: lint";
    }

    @PostMapping("/posts/{id}/variants/{variantId}")
    String save(
            @PathVariable long id,
            @PathVariable long variantId,
            @RequestParam(defaultValue = "") String text,
            @RequestParam(defaultValue = "") String scheduledAt,
            @ModelAttribute("zone") ZoneId workspace,
            RedirectAttributes redirect,
            Locale locale) {
        return act(id, redirect, locale, () -> {
            VariantView variant = posts.post(id).variants().stream()
                    .filter(candidate -> candidate.id() == variantId)
                    .findFirst()
                    .orElseThrow(() -> Refusal.notFound("publishing.variant-not-found", variantId));
            if (!variant.text().equals(text.strip())) {
                posts.changeText(variantId, text);
            }
            // The variant's time is in its account's zone when the account has one.
            Instant at = time(scheduledAt, accounts.account(variant.accountId()).zone(workspace));
            if (at != null) {
                posts.reschedule(variantId, at);
            }
        });
    }

    @PostMapping("/posts/{id}/type")
    String changeType(
            @PathVariable long id,
            @RequestParam ContentType contentType,
            @RequestParam(defaultValue = "") String campaign,
            RedirectAttributes redirect,
            Locale locale) {
        return act(id, redirect, locale, () -> posts.change(id, contentType, campaign));
    }

    @PostMapping("/posts/{id}/media")
    String attach(
            @PathVariable long id,
            @RequestParam("file") MultipartFile file,
            @RequestParam(defaultValue = "") String altText,
            RedirectAttributes redirect,
            Locale locale) {
        return act(id, redirect, locale, () -> {
            try {
                posts.attach(id, String.valueOf(file.getOriginalFilename()), file.getBytes(), altText);
            } catch (java.io.IOException unreadable) {
                throw Refusal.invalid("publishing.media-type");
            }
        });
    }

    @PostMapping("/posts/{id}/media/{mediaId}/remove")
    String detach(@PathVariable long id, @PathVariable long mediaId, RedirectAttributes redirect, Locale locale) {
        return act(id, redirect, locale, () -> posts.detach(id, mediaId));
    }

    /** An attached image, for the post page; only ever served as the image type it was sniffed as. */
    @GetMapping("/posts/{id}/media/{mediaId}")
    org.springframework.http.ResponseEntity<byte[]> image(@PathVariable long id, @PathVariable long mediaId) {
        byte[] bytes = posts.mediaBytes(id, mediaId);
        String type = posts.media(id).stream()
                .filter(media -> media.id() == mediaId)
                .findFirst()
                .map(dev.rapport.publishing.MediaView::mediaType)
                .orElse("application/octet-stream");
        return org.springframework.http.ResponseEntity.ok()
                .contentType(org.springframework.http.MediaType.parseMediaType(type))
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'")
                .body(bytes);
    }

    @PostMapping("/posts/{id}/submit")
    String submit(@PathVariable long id, RedirectAttributes redirect, Locale locale) {
        return act(id, redirect, locale, () -> posts.submit(id));
    }

    @PostMapping("/posts/{id}/approve")
    String approve(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String note,
            RedirectAttributes redirect,
            Locale locale) {
        return act(id, redirect, locale, () -> posts.approve(id, new Posts.Decision(note)));
    }

    @PostMapping("/posts/{id}/reject")
    String reject(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String note,
            RedirectAttributes redirect,
            Locale locale) {
        return act(id, redirect, locale, () -> posts.sendBack(id, new Posts.Decision(note)));
    }

    @PostMapping("/posts/{id}/variants/{variantId}/retry")
    String retry(@PathVariable long id, @PathVariable long variantId, RedirectAttributes redirect, Locale locale) {
        return act(id, redirect, locale, () -> posts.retry(variantId));
    }

    @GetMapping("/approvals")
    String approvals(Model model) {
        model.addAttribute("pending", posts.pendingApproval());
        return "publishing/approvals";
    }

    private String act(long id, RedirectAttributes redirect, Locale locale, Runnable action) {
        try {
            action.run();
        } catch (Refusal refusal) {
            if (refusal.kind() == Refusal.Kind.NOT_FOUND || refusal.kind() == Refusal.Kind.FORBIDDEN) {
                throw refusal;
            }
            redirect.addFlashAttribute(
                    "refusal", messages.getMessage(refusal.messageKey(), refusal.arguments(), locale));
        }
        return "redirect:/posts/" + id;
    }

    /** The accounts the member may publish on. */
    private List<AccountView> targets() {
        return accounts.accounts().stream()
                .filter(account -> account.status() == AccountStatus.ACTIVE)
                .filter(account -> access.can(account.id(), AccountPermission.PUBLISH))
                .toList();
    }

    /** A {@code datetime-local} value in the workspace's zone; null when empty. */
    private static @Nullable Instant time(String value, ZoneId zone) {
        if (value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw Refusal.invalid("publishing.time-invalid", value);
        }
    }
}
