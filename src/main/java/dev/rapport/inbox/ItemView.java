package dev.rapport.inbox;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One message of a conversation: theirs ({@code IN}) or ours ({@code OUT}).
 *
 * @param evidence the classification's cues, as {@code cue → what it supports}, for people to see why
 */
public record ItemView(
        long id,
        String remoteId,
        String direction,
        String kind,
        String text,
        @Nullable String url,
        @Nullable String sentiment,
        @Nullable String intent,
        @Nullable String evidence,
        @Nullable Long sentBy,
        Instant at) {}
