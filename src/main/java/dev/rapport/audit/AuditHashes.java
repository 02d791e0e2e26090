package dev.rapport.audit;

import dev.rapport.core.AuditRecord;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/** SHA-256 over length-prefixed fields, so that no two different entries hash the same input. */
final class AuditHashes {

    static final String GENESIS = "0".repeat(64);

    private AuditHashes() {}

    static String hash(
            long seq,
            Instant occurredAt,
            String actor,
            String action,
            @Nullable String target,
            @Nullable String detail,
            @Nullable String source,
            String prevHash) {
        return digest(
                Long.toString(seq),
                Long.toString(occurredAt.toEpochMilli()),
                actor,
                action,
                target,
                detail,
                source,
                prevHash);
    }

    /**
     * The identity of the event a record comes from: who did what, on what, with which detail, from
     * where, and when to the full precision the event carries (Jackson keeps it when the registry
     * stores and redelivers the event). Events carry no id of their own, and the registry does not
     * hand its publication id to the listener; two different actions would have to agree in all of
     * these, to the microsecond, to share a key.
     */
    static String eventKey(AuditRecord record) {
        return digest(
                record.actor(),
                record.action(),
                record.target(),
                record.detail(),
                record.source(),
                record.occurredAt().toString());
    }

    private static String digest(@Nullable String... fields) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String field : fields) {
                byte[] bytes = field == null ? new byte[0] : field.getBytes(StandardCharsets.UTF_8);
                digest.update((field == null ? "-1:" : bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
                digest.update(bytes);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
