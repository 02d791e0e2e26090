package dev.rapport.connectors.bluesky;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;

/**
 * The record key of a post, derived from Rapport's idempotency key so that every attempt at one
 * variant writes the same record: a retried {@code createRecord} cannot make a second post (the
 * PDS refuses a key that exists) and a lost answer is found again with {@code getRecord}.
 *
 * <p>{@code app.bsky.feed.post} records take {@code tid} keys: 13 characters of base32-sortable
 * encoding a 64-bit number whose top bit is 0, then 53 bits of microseconds since 1970 and 10 bits
 * of clock id. An idempotency key that already is a TID is used as it is. Any other key is hashed
 * (SHA-256): 46 bits of the hash give a time in the 2.2 years after 2023-01-01 (always in the past,
 * so that no record claims to come from the future) and 10 bits the clock id. Two keys of one
 * account meet on the same record key with a chance of about n²/2⁵⁷ for n posts — one in ten
 * million at 100,000 posts.
 *
 * @see <a href="https://atproto.com/specs/tid">Timestamp identifiers (TID)</a>
 * @see <a href="https://atproto.com/specs/record-key">Record keys</a>
 */
final class RecordKeys {

    private static final String ALPHABET = "234567abcdefghijklmnopqrstuvwxyz";
    private static final Pattern TID = Pattern.compile("[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}");
    private static final long EPOCH_MICROS =
            ChronoUnit.MICROS.between(Instant.EPOCH, Instant.parse("2023-01-01T00:00:00Z"));
    private static final long TIME_SPAN_MASK = (1L << 46) - 1;

    private RecordKeys() {}

    static boolean isTid(String key) {
        return TID.matcher(key).matches();
    }

    /** The post's record key for this idempotency key; the same key always gives the same TID. */
    static String forIdempotencyKey(String idempotencyKey) {
        if (isTid(idempotencyKey)) {
            return idempotencyKey;
        }
        long hash = ByteBuffer.wrap(sha256("rapport/bluesky/post:" + idempotencyKey))
                .getLong();
        long micros = EPOCH_MICROS + ((hash >>> 18) & TIME_SPAN_MASK);
        long clockId = hash & 0x3FF;
        return encode((micros << 10) | clockId);
    }

    static String encode(long tid) {
        char[] chars = new char[13];
        long rest = tid;
        for (int i = chars.length - 1; i >= 0; i--) {
            chars[i] = ALPHABET.charAt((int) (rest & 31));
            rest >>>= 5;
        }
        return new String(chars);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JVM has SHA-256", impossible);
        }
    }
}
