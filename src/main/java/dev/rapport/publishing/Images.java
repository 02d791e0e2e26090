package dev.rapport.publishing;

import java.util.Optional;

/**
 * What an uploaded file really is, by its first bytes (never by its name or the browser's word):
 * the image formats every network Rapport publishes to accepts.
 */
final class Images {

    /** Largest image accepted: what the most generous networks take (Bluesky takes 1 MB and says so). */
    static final int MAX_BYTES = 5 * 1024 * 1024;
    /** Most images per post: Bluesky's and X's limit. */
    static final int MAX_PER_POST = 4;

    private Images() {}

    static Optional<String> mediaType(byte[] bytes) {
        if (starts(bytes, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of("image/png");
        }
        if (starts(bytes, 0xFF, 0xD8, 0xFF)) {
            return Optional.of("image/jpeg");
        }
        if (starts(bytes, 'G', 'I', 'F', '8')) {
            return Optional.of("image/gif");
        }
        if (bytes.length >= 12
                && starts(bytes, 'R', 'I', 'F', 'F')
                && bytes[8] == 'W'
                && bytes[9] == 'E'
                && bytes[10] == 'B'
                && bytes[11] == 'P') {
            return Optional.of("image/webp");
        }
        return Optional.empty();
    }

    private static boolean starts(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
