package dev.rapport.accounts;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An account of the registry, as other modules and the web see it.
 *
 * @param timeZone the audience's IANA time zone when it differs from the workspace's; null otherwise
 */
public record AccountView(
        long id,
        String network,
        String handle,
        @Nullable String url,
        String purpose,
        @Nullable String notes,
        AccountStatus status,
        List<Long> owners,
        long registeredBy,
        @Nullable Long decidedBy,
        @Nullable String decisionNote,
        Instant createdAt,
        @Nullable String timeZone) {

    /** The zone the account's posts are planned in: its own, else the workspace's. */
    public java.time.ZoneId zone(java.time.ZoneId workspace) {
        return timeZone == null ? workspace : java.time.ZoneId.of(timeZone);
    }
}
