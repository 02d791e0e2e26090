package dev.rapport.publishing;

import org.jspecify.annotations.Nullable;

/** An image attached to a post, without its bytes. */
public record MediaView(
        long id,
        long postId,
        int position,
        String fileName,
        String mediaType,
        @Nullable String altText,
        int size) {}
