package dev.rapport.connectors.spi;

import org.jspecify.annotations.Nullable;

/** An image to attach, with its alternative text for people who cannot see it. */
public record MediaItem(
        String fileName,
        String mimeType,
        byte[] bytes,
        @Nullable String altText) {

    @Override
    public String toString() {
        return "MediaItem[" + fileName + ", " + mimeType + ", " + bytes.length + " bytes]";
    }
}
