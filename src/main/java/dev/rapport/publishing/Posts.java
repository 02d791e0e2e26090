package dev.rapport.publishing;

import dev.rapport.accounts.AccountAccess;
import dev.rapport.accounts.AccountManagement;
import dev.rapport.accounts.AccountPermission;
import dev.rapport.accounts.AccountStatus;
import dev.rapport.accounts.AccountView;
import dev.rapport.content.ContentType;
import dev.rapport.content.ContentTypes;
import dev.rapport.core.Refusal;
import dev.rapport.publishing.domain.PostRecords;
import dev.rapport.screening.Action;
import dev.rapport.screening.Policies;
import dev.rapport.screening.Screening;
import dev.rapport.screening.Verdict;
import dev.rapport.team.Actor;
import dev.rapport.team.Role;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Posts from the idea to the schedule: compose one idea for several accounts (a native variant
 * each), edit the variants, submit, and approve or send back. Every variant is screened when it is
 * saved and submitted (and again when it is published); a blocked text cannot be submitted, a held
 * one needs an approver who says why it may go out. Publication itself is {@link Publication}'s.
 */
@Service
public class Posts {

    public static final int MAX_TEXT = 10_000;
    public static final int MAX_TARGETS = 20;

    /**
     * One idea for several accounts.
     *
     * @param texts the text per account id where the author wrote their own; the others get
     *     Rapport's proposal for their network
     * @param contentType the author's choice; null to take the suggestion
     * @param campaign a campaign's name, created when new; null for none
     * @param scheduledAt when to publish; null to publish as soon as it is approved
     */
    public record Compose(
            String idea,
            List<Long> accountIds,
            Map<Long, String> texts,
            @Nullable ContentType contentType,
            @Nullable String campaign,
            @Nullable Instant scheduledAt) {}

    /** What an approver decides; a held text needs a note that says why it may go out anyway. */
    public record Decision(@Nullable String note) {}

    private final PostRecords records;
    private final AccountManagement accounts;
    private final AccountAccess access;
    private final Screening screening;
    private final Policies policies;
    private final PublishingRules rules;
    private final Proposals proposals;
    private final Composer composer;
    private final ApplicationEventPublisher events;
    private final ContentTypes contentTypes = ContentTypes.standard();

    Posts(
            PostRecords records,
            AccountManagement accounts,
            AccountAccess access,
            Screening screening,
            Policies policies,
            PublishingRules rules,
            Proposals proposals,
            Composer composer,
            ApplicationEventPublisher events) {
        this.records = records;
        this.accounts = accounts;
        this.access = access;
        this.screening = screening;
        this.policies = policies;
        this.rules = rules;
        this.proposals = proposals;
        this.composer = composer;
        this.events = events;
    }

    @Transactional
    public PostView compose(Compose command) {
        Actor actor = requireComposer();
        String idea = command.idea().strip();
        if (idea.isEmpty() || idea.length() > MAX_TEXT) {
            throw Refusal.invalid("publishing.idea-invalid", MAX_TEXT);
        }
        List<Long> targets = List.copyOf(new LinkedHashSet<>(command.accountIds()));
        if (targets.isEmpty() || targets.size() > MAX_TARGETS) {
            throw Refusal.invalid("publishing.targets-invalid", MAX_TARGETS);
        }
        List<AccountView> targetAccounts = new ArrayList<>();
        for (long accountId : targets) {
            access.require(accountId, AccountPermission.PUBLISH);
            AccountView account = accounts.account(accountId);
            if (account.status() != AccountStatus.ACTIVE) {
                throw Refusal.invalid("publishing.account-not-active", account.handle());
            }
            targetAccounts.add(account);
        }
        ContentType type = command.contentType() != null
                ? command.contentType()
                : contentTypes.suggest(idea).type();
        Long campaign = campaign(command.campaign(), actor);
        long postId = records.insertPost(idea, type, command.contentType() != null, campaign, actor.requireMemberId());
        for (AccountView account : targetAccounts) {
            String proposal = proposals.propose(idea, account);
            String own = command.texts().get(account.id());
            String text = own == null || own.isBlank() ? proposal : requireText(own.strip());
            long variantId = records.insertVariant(
                    postId,
                    account.id(),
                    account.network(),
                    type,
                    text,
                    proposal,
                    UUID.randomUUID().toString());
            screenAndStore(variantId, text);
            if (command.scheduledAt() != null) {
                records.setTime(variantId, command.scheduledAt());
            }
        }
        return records.post(postId).orElseThrow();
    }

    @Transactional(readOnly = true)
    public PostView post(long id) {
        PostView post = records.post(id).orElseThrow(() -> Refusal.notFound("publishing.post-not-found", id));
        for (VariantView variant : post.variants()) {
            if (!access.canSee(variant.accountId())) {
                throw Refusal.notFound("publishing.post-not-found", id);
            }
        }
        return post;
    }

    /** The author changes the idea's content type or campaign. */
    @Transactional
    public PostView change(long id, ContentType type, @Nullable String campaign) {
        Actor actor = requireComposer();
        PostView post = editablePost(id);
        records.changePost(id, post.idea(), type, true, campaign(campaign, actor));
        return post(id);
    }

    /** New text for a variant while it is a draft (or failed); screened as it is saved. */
    @Transactional
    public VariantView changeText(long variantId, String text) {
        requireComposer();
        VariantView variant = variant(variantId);
        access.require(variant.accountId(), AccountPermission.PUBLISH);
        String body = requireText(text.strip());
        Verdict verdict = screening.screen(body, null);
        if (!records.changeText(variantId, body, verdict.action().code(), verdict.reason())) {
            throw Refusal.conflict("publishing.not-editable", variant.state());
        }
        return variant(variantId);
    }

    /** When the variant goes out; a scheduled one is moved in the calendar, an unsent one planned. */
    @Transactional
    public VariantView reschedule(long variantId, Instant at) {
        requireComposer();
        VariantView variant = variant(variantId);
        access.require(variant.accountId(), AccountPermission.PUBLISH);
        // A time that has passed would publish at once; an unchanged one (a form sent again) stays.
        boolean unchanged = variant.scheduledAt() != null
                && variant.scheduledAt().truncatedTo(ChronoUnit.MINUTES).equals(at.truncatedTo(ChronoUnit.MINUTES));
        if (at.isBefore(Instant.now()) && !unchanged) {
            throw Refusal.invalid("publishing.time-passed");
        }
        if (!records.setTime(variantId, at)) {
            throw Refusal.conflict("publishing.not-reschedulable", variant.state());
        }
        return variant(variantId);
    }

    /**
     * Sends the post's drafts on: to the approval queue when the workspace's rule or the policy
     * screen asks for it, else straight to the schedule. Refused while a variant is blocked.
     */
    @Transactional
    public PostView submit(long postId) {
        Actor actor = requireComposer();
        policies.requireMayPublish(actor.requireMemberId());
        PostView post = editablePost(postId);
        PublishingRules.Rules workspace = rules.rules();
        boolean needsApproval = false;
        List<VariantView> drafts = post.variants().stream()
                .filter(variant -> variant.state().editable())
                .toList();
        Map<Long, PostDetails.Variant> checked = new java.util.HashMap<>();
        composer.details(post).variants().forEach(details -> {
            if (details.variant() != null) {
                checked.put(details.variant().id(), details);
            }
        });
        for (VariantView variant : drafts) {
            access.require(variant.accountId(), AccountPermission.PUBLISH);
            PostDetails.Variant details = checked.get(variant.id());
            List<String> errors = details.findings().stream()
                    .filter(finding -> finding.severity() == dev.rapport.content.LintSeverity.ERROR)
                    .filter(finding -> !finding.rule().equals("policy"))
                    .map(dev.rapport.content.LintFinding::rule)
                    .toList();
            if (!errors.isEmpty()) {
                throw Refusal.invalid(
                        "publishing.not-ready",
                        accounts.account(variant.accountId()).handle(),
                        String.join(", ", errors));
            }
            Verdict verdict = details.verdict();
            records.screened(variant.id(), verdict.action().code(), verdict.reason());
            if (verdict.action() == Action.BLOCK) {
                throw Refusal.invalid(
                        "publishing.blocked",
                        accounts.account(variant.accountId()).handle(),
                        verdict.reason());
            }
            records.automated(variant.id(), automated(details, variant));
            needsApproval |= verdict.action() == Action.HOLD || workspace.needsApproval(variant.accountId());
        }
        for (VariantView variant : drafts) {
            if (needsApproval) {
                records.move(
                        variant.id(),
                        EnumSet.of(VariantState.DRAFT, VariantState.FAILED),
                        VariantState.PENDING_APPROVAL);
            } else {
                schedule(variant);
            }
        }
        events.publishEvent(
                new PublishingEvents.Submitted(actor.email(), postId, needsApproval, actor.source(), Instant.now()));
        return post(postId);
    }

    /**
     * A lead or admin approves a pending post (not their own). A held variant goes out only with the
     * approver's note; a blocked one never does.
     */
    @Transactional
    public PostView approve(long postId, Decision decision) {
        Actor actor = requireApprover(postId);
        PostView post = post(postId);
        List<VariantView> pending = pending(post);
        for (VariantView variant : pending) {
            Verdict verdict = screenAndStore(variant.id(), variant.text());
            if (verdict.action() == Action.BLOCK) {
                throw Refusal.invalid(
                        "publishing.blocked",
                        accounts.account(variant.accountId()).handle(),
                        verdict.reason());
            }
            if (verdict.action() == Action.HOLD) {
                String note = decision.note() == null ? "" : decision.note().strip();
                if (note.isEmpty()) {
                    throw Refusal.invalid("publishing.override-note-required");
                }
                records.overrideHold(variant.id(), actor.requireMemberId(), note);
                events.publishEvent(new PublishingEvents.HoldOverridden(
                        actor.email(),
                        variant.id(),
                        String.valueOf(verdict.reason()),
                        note,
                        actor.source(),
                        Instant.now()));
            }
        }
        for (VariantView variant : pending) {
            schedule(variant);
        }
        if (decision.note() != null && !decision.note().isBlank()) {
            records.reviewed(postId, actor.requireMemberId(), decision.note().strip());
        }
        events.publishEvent(new PublishingEvents.Approved(actor.email(), postId, actor.source(), Instant.now()));
        return post(postId);
    }

    /** A lead or admin sends a pending post back to its author, saying why. */
    @Transactional
    public PostView sendBack(long postId, Decision decision) {
        Actor actor = requireApprover(postId);
        String note = decision.note() == null ? "" : decision.note().strip();
        if (note.isEmpty() || note.length() > 2000) {
            throw Refusal.invalid("publishing.send-back-note-required");
        }
        for (VariantView variant : pending(post(postId))) {
            records.move(variant.id(), EnumSet.of(VariantState.PENDING_APPROVAL), VariantState.DRAFT);
        }
        records.reviewed(postId, actor.requireMemberId(), note);
        events.publishEvent(new PublishingEvents.SentBack(actor.email(), postId, actor.source(), Instant.now()));
        return post(postId);
    }

    /** A failed variant is tried again (after its text or connection was fixed). */
    @Transactional
    public VariantView retry(long variantId) {
        requireComposer();
        VariantView variant = variant(variantId);
        access.require(variant.accountId(), AccountPermission.PUBLISH);
        if (variant.state() != VariantState.FAILED) {
            throw Refusal.conflict("publishing.not-failed", variant.state());
        }
        Verdict verdict = screenAndStore(variantId, variant.text());
        if (verdict.flagged()) {
            throw Refusal.invalid(
                    "publishing.blocked", accounts.account(variant.accountId()).handle(), verdict.reason());
        }
        schedule(variant);
        return variant(variantId);
    }

    /**
     * Attaches an image to a draft post; every variant publishes it. PNG, JPEG, GIF or WebP (by
     * content), at most {@value Images#MAX_BYTES} bytes, at most {@value Images#MAX_PER_POST} per post.
     */
    @Transactional
    public MediaView attach(long postId, String fileName, byte[] bytes, @Nullable String altText) {
        requireComposer();
        PostView post = editablePost(postId);
        post.variants().forEach(variant -> access.require(variant.accountId(), AccountPermission.PUBLISH));
        if (bytes.length == 0 || bytes.length > Images.MAX_BYTES) {
            throw Refusal.invalid("publishing.media-size", Images.MAX_BYTES / (1024 * 1024));
        }
        String type = Images.mediaType(bytes).orElseThrow(() -> Refusal.invalid("publishing.media-type"));
        if (records.media(postId).size() >= Images.MAX_PER_POST) {
            throw Refusal.invalid("publishing.media-count", Images.MAX_PER_POST);
        }
        String name = fileName.isBlank() ? "image" : fileName.strip();
        String alt = altText == null || altText.isBlank() ? null : altText.strip();
        if (name.length() > 200 || (alt != null && alt.length() > 1000)) {
            throw Refusal.invalid("publishing.media-text-too-long");
        }
        long id = records.insertMedia(postId, name, type, alt, bytes);
        return records.media(postId).stream()
                .filter(media -> media.id() == id)
                .findFirst()
                .orElseThrow();
    }

    @Transactional
    public void detach(long postId, long mediaId) {
        requireComposer();
        PostView post = editablePost(postId);
        post.variants().forEach(variant -> access.require(variant.accountId(), AccountPermission.PUBLISH));
        if (!records.removeMedia(postId, mediaId)) {
            throw Refusal.notFound("publishing.media-not-found", mediaId);
        }
    }

    @Transactional(readOnly = true)
    public List<MediaView> media(long postId) {
        post(postId);
        return records.media(postId);
    }

    /** An attached image's bytes, for whoever may see the post. */
    @Transactional(readOnly = true)
    public byte[] mediaBytes(long postId, long mediaId) {
        post(postId);
        return records.mediaBytes(postId, mediaId)
                .orElseThrow(() -> Refusal.notFound("publishing.media-not-found", mediaId));
    }

    /** The approval queue: posts waiting for a lead, oldest first. */
    @Transactional(readOnly = true)
    public List<PostView> pendingApproval() {
        Actor actor = Actor.current();
        if (!actor.is(Role.LEAD) && !actor.is(Role.ADMIN)) {
            throw Refusal.forbidden("error.forbidden");
        }
        return records.pendingPosts().stream().map(this::post).toList();
    }

    private void schedule(VariantView variant) {
        Instant at = variant.scheduledAt() == null || variant.scheduledAt().isBefore(Instant.now())
                ? Instant.now()
                : variant.scheduledAt();
        records.schedule(
                variant.id(), EnumSet.of(VariantState.DRAFT, VariantState.FAILED, VariantState.PENDING_APPROVAL), at);
    }

    /**
     * Whether a variant reads as automated in the content mix: it repeats the account's recent posts,
     * or it is Rapport's unedited proposal with the same words going to other accounts too.
     */
    private static boolean automated(PostDetails.Variant details, VariantView variant) {
        boolean recycled =
                details.findings().stream().anyMatch(finding -> finding.rule().equals("recycled"));
        boolean pasted =
                details.findings().stream().anyMatch(finding -> finding.rule().equals("cross-posted"));
        return recycled || (pasted && !variant.edited());
    }

    private Verdict screenAndStore(long variantId, String text) {
        Verdict verdict = screening.screen(text, null);
        records.screened(variantId, verdict.action().code(), verdict.reason());
        return verdict;
    }

    private List<VariantView> pending(PostView post) {
        List<VariantView> pending = post.variants().stream()
                .filter(variant -> variant.state() == VariantState.PENDING_APPROVAL)
                .toList();
        if (pending.isEmpty()) {
            throw Refusal.conflict("publishing.not-pending");
        }
        return pending;
    }

    private PostView editablePost(long id) {
        PostView post = post(id);
        if (post.variants().stream().noneMatch(variant -> variant.state().editable())) {
            throw Refusal.conflict(
                    "publishing.not-editable", post.variants().get(0).state());
        }
        return post;
    }

    /** A variant, for whoever may see its account. */
    @Transactional(readOnly = true)
    public VariantView variant(long id) {
        VariantView variant =
                records.variant(id).orElseThrow(() -> Refusal.notFound("publishing.variant-not-found", id));
        access.requireVisible(variant.accountId());
        return variant;
    }

    private @Nullable Long campaign(@Nullable String name, Actor actor) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String campaign = name.strip();
        if (campaign.length() > 200) {
            throw Refusal.invalid("publishing.campaign-invalid", 200);
        }
        return records.campaignNamed(campaign)
                .orElseGet(() -> records.insertCampaign(campaign, actor.requireMemberId()));
    }

    private static String requireText(String text) {
        if (text.isEmpty() || text.length() > MAX_TEXT) {
            throw Refusal.invalid("publishing.text-invalid", MAX_TEXT);
        }
        return text;
    }

    private static Actor requireComposer() {
        Actor actor = Actor.current();
        if (!actor.is(Role.ADMIN) && !actor.is(Role.LEAD) && !actor.is(Role.MARKETER)) {
            throw Refusal.forbidden("error.forbidden");
        }
        return actor;
    }

    private Actor requireApprover(long postId) {
        Actor actor = Actor.current();
        if (!actor.is(Role.ADMIN) && !actor.is(Role.LEAD)) {
            throw Refusal.forbidden("error.forbidden");
        }
        PostView post = post(postId);
        if (actor.memberId() != null && actor.memberId() == post.createdBy()) {
            // Four eyes: whoever wrote it does not approve it.
            throw Refusal.forbidden("publishing.own-post");
        }
        return actor;
    }
}
