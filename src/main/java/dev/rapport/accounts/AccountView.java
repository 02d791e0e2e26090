package dev.rapport.accounts;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** An account of the registry, as other modules and the web see it. */
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
        Instant createdAt) {}
