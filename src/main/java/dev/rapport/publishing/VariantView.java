package dev.rapport.publishing;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A post as it goes out on one account.
 *
 * @param edited whether the marketer changed Rapport's proposal (an unedited proposal counts as
 *     template output for the automation ratio)
 * @param screening the policy screen's action when the text was last saved or sent: {@code pass},
 *     {@code warn}, {@code hold} or {@code block}
 * @param screeningReason why, in the language of whoever saved it
 * @param heldOverride who let a held text through, and why (approvers only; never for a block)
 * @param failureReason a stable code ({@code rejected:<code>}, {@code auth-expired}, {@code
 *     rate-limited}, {@code blocked-by-policy}, …), its message {@code publishing.failure.<kind>}
 */
public record VariantView(
        long id,
        long postId,
        long accountId,
        String network,
        String text,
        boolean edited,
        VariantState state,
        @Nullable Instant scheduledAt,
        @Nullable String screening,
        @Nullable String screeningReason,
        @Nullable Override heldOverride,
        @Nullable String remoteId,
        @Nullable String remoteUrl,
        @Nullable Instant publishedAt,
        @Nullable String failureReason,
        @Nullable String failureMessage,
        int attempts,
        Instant updatedAt) {

    /** An approver's decision to let a held text through. */
    public record Override(long by, String note) {}
}
