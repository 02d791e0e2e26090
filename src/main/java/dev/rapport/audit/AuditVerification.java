package dev.rapport.audit;

import org.jspecify.annotations.Nullable;

/**
 * The outcome of walking the chain.
 *
 * @param checked how many entries were found intact before the first break
 * @param firstBroken the sequence number of the first entry that does not fit, or null
 * @param problem why it does not fit: {@code content} (fields edited), {@code previous-hash}
 *     (chain relinked), {@code missing} (entry deleted), {@code truncated} (tail removed) or
 *     {@code unanchored} (a row added past the chain's head)
 */
public record AuditVerification(
        long checked, @Nullable Long firstBroken, @Nullable String problem) {

    static AuditVerification intact(long checked) {
        return new AuditVerification(checked, null, null);
    }

    static AuditVerification broken(long checked, long seq, String problem) {
        return new AuditVerification(checked, seq, problem);
    }

    public boolean intact() {
        return firstBroken == null;
    }
}
