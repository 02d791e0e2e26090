package dev.rapport.publishing;

import dev.rapport.content.ContentType;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A variant on the calendar: when it goes (or went) out, where, and what it is.
 *
 * @param at when it went out, or is planned to
 * @param scheduledAt when it was planned to: its place in the calendar
 */
public record CalendarEntry(
        long variantId,
        long postId,
        long accountId,
        String network,
        String handle,
        VariantState state,
        ContentType contentType,
        @Nullable Long campaignId,
        @Nullable String campaign,
        Instant at,
        Instant scheduledAt,
        String excerpt,
        boolean edited) {}
