package dev.rapport.publishing;

import dev.rapport.content.ContentType;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One idea and its variants.
 *
 * @param contentTypeChosen whether the author chose the type (otherwise Rapport suggested it)
 * @param review the last approver's decision note (why it was sent back, or approved with a remark)
 */
public record PostView(
        long id,
        String idea,
        ContentType contentType,
        boolean contentTypeChosen,
        @Nullable Long campaignId,
        @Nullable String campaign,
        long createdBy,
        Instant createdAt,
        @Nullable Review review,
        List<VariantView> variants) {

    public record Review(long by, String note, Instant at) {}
}
