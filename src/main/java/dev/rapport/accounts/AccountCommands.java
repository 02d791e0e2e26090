package dev.rapport.accounts;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** What the accounts module is asked to do; validated at the edge. */
public interface AccountCommands {

    /** {@code capacityOverride}: a lead's or admin's reason to let an owner go beyond the limit. */
    record RequestAccount(
            @NotBlank String network,
            @NotBlank @Size(max = 120) String handle,

            @Nullable @Size(max = 500) @Pattern(regexp = "(https?://\\S+)?")
            String url,

            @NotBlank @Size(max = 500) String purpose,
            @Nullable @Size(max = 2000) String notes,
            @NotEmpty List<Long> owners,
            @Nullable @Size(max = 500) String capacityOverride) {}

    /** Approve or reject a request; a rejection needs its reason. */
    record Decide(
            boolean approve, @Nullable @Size(max = 500) String reason) {}

    /** Replaces what a member may do on an account; an empty set removes the grant. */
    record GrantAccess(@NotNull Long memberId, @NotNull Set<AccountPermission> permissions) {}

    record StoreSecret(
            @NotNull SecretKind kind,
            @NotBlank @Size(max = 120) String label,
            @NotBlank @Size(max = 4000) String value,
            @Nullable Integer rotationDays) {}

    record Reveal(@NotBlank String password) {}
}
