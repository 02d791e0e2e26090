package dev.rapport.publishing;

import dev.rapport.accounts.AccountManagement;
import dev.rapport.accounts.AccountView;
import dev.rapport.connectors.Connections;
import dev.rapport.connectors.NetworkProfiles;
import dev.rapport.connectors.TextLength;
import dev.rapport.connectors.spi.NetworkProfile;
import dev.rapport.content.AudienceFirst;
import dev.rapport.content.ContentTypes;
import dev.rapport.content.CrossPosting;
import dev.rapport.content.LintFinding;
import dev.rapport.content.LintSeverity;
import dev.rapport.content.NearDuplicates;
import dev.rapport.content.NetworkFit;
import dev.rapport.content.NetworkPreview;
import dev.rapport.core.WorkspaceZone;
import dev.rapport.publishing.domain.PostRecords;
import dev.rapport.screening.Action;
import dev.rapport.screening.Screening;
import dev.rapport.screening.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the composer shows while a post is written: for each variant, its length counted its
 * network's way and every finding — the network's customs ({@link NetworkFit}), the same text pasted
 * to several networks, a repeat of the account's recent posts, and the policy screen's verdict, with
 * the words it marks.
 */
@Service
public class Composer {

    /** How far back a repeat of the account's own posts counts as recycled content. */
    static final Duration RECYCLED_WINDOW = Duration.ofDays(90);

    private final PostRecords records;
    private final AccountManagement accounts;
    private final Connections connections;
    private final NetworkProfiles profiles;
    private final Screening screening;
    private final WorkspaceZone workspaceZone;
    private final ContentTypes contentTypes = ContentTypes.standard();
    private final AudienceFirst audienceFirst = AudienceFirst.standard();

    Composer(
            PostRecords records,
            AccountManagement accounts,
            Connections connections,
            NetworkProfiles profiles,
            Screening screening,
            WorkspaceZone workspaceZone) {
        this.records = records;
        this.accounts = accounts;
        this.connections = connections;
        this.profiles = profiles;
        this.screening = screening;
        this.workspaceZone = workspaceZone;
    }

    /** A saved post with every variant checked. */
    @Transactional(readOnly = true)
    public PostDetails details(PostView post) {
        Map<Long, String> texts = new LinkedHashMap<>();
        post.variants().forEach(variant -> texts.put(variant.accountId(), variant.text()));
        List<PostDetails.Variant> variants = new ArrayList<>();
        for (VariantView variant : post.variants()) {
            variants.add(check(variant, variant.accountId(), variant.text(), texts, post.id()));
        }
        return new PostDetails(
                post,
                records.media(post.id()),
                contentTypes.suggest(post.idea()),
                audienceFirst.measure(post.idea()),
                variants);
    }

    /**
     * A text being typed for one account, before it is saved: the composer's live lint.
     *
     * @param siblings the texts of the post's other variants, by account id, for the cross-posting check
     * @param postId the post it belongs to (its own variants are no repeats), or null for a new one
     */
    @Transactional(readOnly = true)
    public PostDetails.Variant check(long accountId, String text, Map<Long, String> siblings, @Nullable Long postId) {
        Map<Long, String> texts = new LinkedHashMap<>(siblings);
        texts.put(accountId, text);
        return check(null, accountId, text, texts, postId);
    }

    private PostDetails.Variant check(
            @Nullable VariantView variant,
            long accountId,
            String text,
            Map<Long, String> texts,
            @Nullable Long postId) {
        AccountView account = accounts.account(accountId);
        int images = postId == null ? 0 : records.media(postId).size();
        Optional<NetworkProfile> profile = profiles.profile(account.network());
        TextLength length = profile.isPresent()
                ? profiles.length(
                        account.network(),
                        text,
                        connections.connection(accountId).settings())
                : new TextLength(text.codePointCount(0, text.length()), null);
        List<LintFinding> findings = new ArrayList<>();
        profile.ifPresent(known ->
                findings.addAll(NetworkFit.check(new NetworkFit.Variant(text, images, false, null), known, length)));
        findings.addAll(crossPosted(accountId, texts));
        findings.addAll(recycled(account, text, postId));
        Verdict verdict = screening.screen(text, null);
        if (verdict.action() != Action.PASS) {
            findings.add(new LintFinding(
                    "policy",
                    verdict.action() == Action.BLOCK ? LintSeverity.ERROR : LintSeverity.WARNING,
                    List.of(String.valueOf(verdict.reason())),
                    null));
        }
        findings.sort(Comparator.comparing(LintFinding::severity));
        boolean ready = verdict.action() != Action.BLOCK
                && findings.stream().noneMatch(finding -> finding.severity() == LintSeverity.ERROR);
        VariantView shown = variant;
        List<NetworkPreview.Piece> preview = profile.map(known -> NetworkPreview.of(text, known))
                .orElseGet(() -> List.of(new NetworkPreview.Piece(text, NetworkPreview.Kind.TEXT, false)));
        return new PostDetails.Variant(
                shown,
                account.handle(),
                account.network(),
                account.zone(workspaceZone.zoneId()),
                length,
                preview,
                findings,
                verdict,
                ready);
    }

    private List<LintFinding> crossPosted(long accountId, Map<Long, String> texts) {
        Map<String, String> byAccount = new LinkedHashMap<>();
        texts.forEach((id, text) -> byAccount.put(String.valueOf(id), text));
        List<LintFinding> findings = new ArrayList<>();
        for (CrossPosting.IdenticalText identical : CrossPosting.identical(byAccount)) {
            if (identical.targets().contains(String.valueOf(accountId))) {
                List<String> others = identical.targets().stream()
                        .filter(target -> !target.equals(String.valueOf(accountId)))
                        .map(target -> accounts.account(Long.parseLong(target)).handle())
                        .toList();
                findings.add(new LintFinding(
                        "cross-posted", LintSeverity.WARNING, List.of(String.join(", ", others)), null));
            }
        }
        return findings;
    }

    /** The account's recent posts (other than this post's) that the text repeats. */
    private List<LintFinding> recycled(AccountView account, String text, @Nullable Long postId) {
        List<String> earlier = records.recentTexts(account.id(), Instant.now().minus(RECYCLED_WINDOW), 500).stream()
                .filter(sent -> postId == null || sent.postId() != postId)
                .map(PostRecords.Sent::text)
                .toList();
        return NearDuplicates.strongest(text, earlier).stream()
                .mapToObj(similarity ->
                        new LintFinding("recycled", LintSeverity.WARNING, List.of(Math.round(similarity * 100)), null))
                .toList();
    }
}
