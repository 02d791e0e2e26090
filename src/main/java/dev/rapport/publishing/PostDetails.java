package dev.rapport.publishing;

import dev.rapport.connectors.TextLength;
import dev.rapport.content.AudienceSignals;
import dev.rapport.content.ContentTypeSuggestion;
import dev.rapport.content.LintFinding;
import dev.rapport.content.NetworkPreview;
import dev.rapport.screening.Verdict;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A post as the composer shows it: each variant with its account, its length as its network counts
 * it, every lint finding and the policy screen's verdict; the idea's suggested content type and its
 * audience-first signals.
 */
public record PostDetails(
        PostView post,
        List<MediaView> media,
        ContentTypeSuggestion suggestion,
        AudienceSignals audience,
        List<Variant> variants) {

    /**
     * @param variant the saved variant; null for a text being typed
     * @param zone the account's time zone (its own, else the workspace's): times of the variant are shown in it
     * @param preview the text as the network will show it
     * @param ready whether nothing stops it from going out (no error finding, not blocked)
     */
    public record Variant(
            @Nullable VariantView variant,
            String handle,
            String network,
            java.time.ZoneId zone,
            TextLength length,
            List<NetworkPreview.Piece> preview,
            List<LintFinding> findings,
            Verdict verdict,
            boolean ready) {}
}
