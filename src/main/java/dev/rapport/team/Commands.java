package dev.rapport.team;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** What the team module is asked to do; validated at the edge (forms and API). */
public interface Commands {

    String LANGUAGE = "en|zh-CN";

    /** Not blank when present. */
    String TEXT = ".*\\S.*";

    /** As {@code departmentId}: no department (in a change, null leaves the department as it is). */
    long NO_DEPARTMENT = 0;

    record SetUpWorkspace(
            @NotBlank @Size(max = 120) String workspaceName,
            @NotBlank @Pattern(regexp = LANGUAGE) String language,
            @NotBlank @Size(max = 60) String timeZone,
            @NotBlank @Size(max = 120) String adminName,
            @NotBlank @Email @Size(max = 254) String adminEmail,
            @NotBlank String password) {}

    record InviteMember(
            @NotBlank @Size(max = 120) String name,
            @NotBlank @Email @Size(max = 254) String email,
            @NotNull Role role,
            @Nullable Long departmentId,
            @NotBlank @Pattern(regexp = LANGUAGE) String language) {}

    /** Null fields stay as they are; {@code departmentId} 0 removes the department. */
    record ChangeMember(
            @Nullable @Pattern(regexp = TEXT) @Size(max = 120)
            String name,

            @Nullable @Pattern(regexp = TEXT) @Email @Size(max = 254)
            String email,

            @Nullable Role role,
            @Nullable Long departmentId,
            @Nullable @Pattern(regexp = LANGUAGE) String language,
            @Nullable Boolean active) {}

    record ChangeWorkspace(
            @NotBlank @Size(max = 120) String name,
            @NotBlank @Pattern(regexp = LANGUAGE) String defaultLanguage,
            @NotBlank @Size(max = 60) String timeZone) {}

    record AddDepartment(@NotBlank @Size(max = 80) String name) {}

    record CreateToken(
            @NotBlank @Size(max = 80) String name, @Nullable Integer expiresInDays) {}
}
