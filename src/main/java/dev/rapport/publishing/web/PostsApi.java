package dev.rapport.publishing.web;

import dev.rapport.content.ContentType;
import dev.rapport.publishing.Composer;
import dev.rapport.publishing.MediaView;
import dev.rapport.publishing.PostDetails;
import dev.rapport.publishing.PostView;
import dev.rapport.publishing.Posts;
import dev.rapport.publishing.Posts.Compose;
import dev.rapport.publishing.Posts.Decision;
import dev.rapport.publishing.PublishingRules;
import dev.rapport.publishing.VariantView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/posts}: compose, check, submit and approve posts. */
@RestController
@RequestMapping(path = "/api/v1", produces = "application/json")
@Tag(name = "Posts")
class PostsApi {

    private final Posts posts;
    private final Composer composer;
    private final PublishingRules rules;

    PostsApi(Posts posts, Composer composer, PublishingRules rules) {
        this.posts = posts;
        this.composer = composer;
        this.rules = rules;
    }

    /**
     * @param texts the author's own text per account id; the other accounts get Rapport's proposal
     * @param contentType leave out to take the suggested type
     * @param campaign a campaign's name (created when new)
     * @param scheduledAt when to publish (ISO 8601); leave out to publish once approved
     */
    record ComposeRequest(
            @NotBlank @Size(max = Posts.MAX_TEXT) String idea,
            @NotEmpty @Size(max = Posts.MAX_TARGETS) List<Long> accountIds,
            @Nullable Map<Long, String> texts,
            @Nullable ContentType contentType,
            @Nullable String campaign,
            @Nullable Instant scheduledAt) {}

    record VariantChange(
            @Nullable @Size(max = Posts.MAX_TEXT) String text,
            @Nullable Instant scheduledAt) {}

    record PostChange(ContentType contentType, @Nullable String campaign) {}

    record DecisionRequest(@Nullable @Size(max = 2000) String note) {}

    @PostMapping("/posts")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Compose a post: one idea, a native variant per target account, each linted and screened")
    PostDetails compose(@Valid @RequestBody ComposeRequest request) {
        PostView post = posts.compose(new Compose(
                request.idea(),
                request.accountIds(),
                request.texts() == null ? Map.of() : request.texts(),
                request.contentType(),
                request.campaign(),
                request.scheduledAt()));
        return composer.details(post);
    }

    @GetMapping("/posts/{id}")
    @Operation(summary = "A post: its variants with their lint findings, screening verdicts and states")
    PostDetails post(@PathVariable long id) {
        return composer.details(posts.post(id));
    }

    @PatchMapping("/posts/{id}")
    @Operation(summary = "Change the post's content type or campaign")
    PostDetails change(@PathVariable long id, @Valid @RequestBody PostChange change) {
        return composer.details(posts.change(id, change.contentType(), change.campaign()));
    }

    @PatchMapping("/posts/{id}/variants/{variantId}")
    @Operation(summary = "Edit a draft variant's text, or move it in the calendar")
    PostDetails changeVariant(
            @PathVariable long id, @PathVariable long variantId, @Valid @RequestBody VariantChange change) {
        VariantView variant = change.text() == null ? null : posts.changeText(variantId, change.text());
        if (change.scheduledAt() != null) {
            variant = posts.reschedule(variantId, change.scheduledAt());
        }
        return composer.details(posts.post(variant == null ? id : variant.postId()));
    }

    @PostMapping("/posts/{id}/submit")
    @Operation(summary = "Submit the drafts: to approval when the rule or the policy asks for it, else to the schedule")
    PostDetails submit(@PathVariable long id) {
        return composer.details(posts.submit(id));
    }

    @PostMapping("/posts/{id}/approve")
    @Operation(summary = "Approve a pending post (leads and admins, not the author); a held text needs a note")
    PostDetails approve(
            @PathVariable long id, @Valid @RequestBody(required = false) @Nullable DecisionRequest decision) {
        return composer.details(posts.approve(id, new Decision(decision == null ? null : decision.note())));
    }

    @PostMapping("/posts/{id}/reject")
    @Operation(summary = "Send a pending post back to its author with a note")
    PostDetails reject(@PathVariable long id, @Valid @RequestBody DecisionRequest decision) {
        return composer.details(posts.sendBack(id, new Decision(decision.note())));
    }

    @PostMapping("/posts/{id}/variants/{variantId}/retry")
    @Operation(summary = "Try a failed variant again")
    PostDetails retry(@PathVariable long id, @PathVariable long variantId) {
        return composer.details(posts.post(posts.retry(variantId).postId()));
    }

    @PostMapping(path = "/posts/{id}/media", consumes = "multipart/form-data")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Attach an image (PNG, JPEG, GIF or WebP, at most 5 MB, 4 per post) to a draft post")
    MediaView attach(
            @PathVariable long id,
            @RequestParam("file") org.springframework.web.multipart.MultipartFile file,
            @RequestParam(required = false) @Nullable String altText)
            throws java.io.IOException {
        return posts.attach(id, String.valueOf(file.getOriginalFilename()), file.getBytes(), altText);
    }

    @org.springframework.web.bind.annotation.DeleteMapping("/posts/{id}/media/{mediaId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove an image from a draft post")
    void detach(@PathVariable long id, @PathVariable long mediaId) {
        posts.detach(id, mediaId);
    }

    @GetMapping("/approvals")
    @Operation(summary = "Posts waiting for approval (leads and admins)")
    List<PostView> approvals() {
        return posts.pendingApproval();
    }

    @GetMapping("/publishing/rules")
    @Operation(summary = "Which posts need approval, and the content-mix and automation limits")
    PublishingRules.Rules rules() {
        return rules.rules();
    }

    @PutMapping("/publishing/rules")
    @Operation(summary = "Change the publishing rules (admins)")
    PublishingRules.Rules changeRules(@Valid @RequestBody PublishingRules.Rules change) {
        return rules.change(change);
    }
}
