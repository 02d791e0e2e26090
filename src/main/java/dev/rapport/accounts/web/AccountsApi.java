package dev.rapport.accounts.web;

import dev.rapport.accounts.AccountCommands.Decide;
import dev.rapport.accounts.AccountCommands.GrantAccess;
import dev.rapport.accounts.AccountCommands.RequestAccount;
import dev.rapport.accounts.AccountCommands.Reveal;
import dev.rapport.accounts.AccountCommands.StoreSecret;
import dev.rapport.accounts.AccountManagement;
import dev.rapport.accounts.AccountStatus;
import dev.rapport.accounts.AccountView;
import dev.rapport.accounts.Capacity;
import dev.rapport.accounts.CredentialVault;
import dev.rapport.accounts.GrantView;
import dev.rapport.accounts.Offboarding;
import dev.rapport.accounts.SecretView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/accounts}: the registry, grants and the vault (write-only values, reveal with password). */
@RestController
@RequestMapping(path = "/api/v1", produces = "application/json")
@Tag(name = "Accounts")
class AccountsApi {

    private final AccountManagement accounts;
    private final CredentialVault vault;
    private final Offboarding offboarding;
    private final Capacity capacity;

    AccountsApi(AccountManagement accounts, CredentialVault vault, Offboarding offboarding, Capacity capacity) {
        this.accounts = accounts;
        this.vault = vault;
        this.offboarding = offboarding;
        this.capacity = capacity;
    }

    /** A revealed value; never cached. */
    record Revealed(String value) {}

    /** A password from the generator. */
    record Generated(String password) {}

    @GetMapping("/accounts")
    @Operation(summary = "The accounts the caller may see")
    List<AccountView> accounts() {
        return accounts.accounts();
    }

    @PostMapping("/accounts")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Request a new official account (admins, leads, marketers); a lead or admin decides")
    AccountView request(@Valid @RequestBody RequestAccount command) {
        return accounts.request(command);
    }

    @PostMapping("/accounts/discovered")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record an account found outside the registry (leads, admins); an admin adopts it")
    AccountView discovered(@Valid @RequestBody RequestAccount command) {
        return accounts.recordDiscovered(command);
    }

    /** A new status for an account. */
    record StatusChange(
            @jakarta.validation.constraints.NotNull AccountStatus status) {}

    @PostMapping("/accounts/{id}/status")
    @Operation(summary = "Pause, reactivate, retire, or adopt a discovered account (leads, admins; adopting: admins)")
    AccountView changeStatus(@PathVariable long id, @Valid @RequestBody StatusChange change) {
        return accounts.changeStatus(id, change.status());
    }

    @GetMapping("/accounts/{id}")
    AccountView account(@PathVariable long id) {
        return accounts.account(id);
    }

    @PostMapping("/accounts/{id}/decision")
    @Operation(summary = "Approve or reject a requested account (leads, admins); a rejection needs a reason")
    AccountView decide(@PathVariable long id, @Valid @RequestBody Decide decision) {
        return accounts.decide(id, decision);
    }

    record TimeZone(@org.jspecify.annotations.Nullable String timeZone) {}

    @PutMapping("/accounts/{id}/time-zone")
    @Operation(summary = "The account's own time zone (IANA id), or null for the workspace's")
    AccountView timeZone(@PathVariable long id, @RequestBody TimeZone zone) {
        return accounts.changeTimeZone(id, zone.timeZone());
    }

    @GetMapping("/accounts/{id}/grants")
    List<GrantView> grants(@PathVariable long id) {
        return accounts.grants(id);
    }

    @PutMapping("/accounts/{id}/grants")
    @Operation(summary = "Set what a member may do on the account (admins); an empty set removes the grant")
    GrantView grant(@PathVariable long id, @Valid @RequestBody GrantAccess command) {
        return accounts.grant(id, command);
    }

    @GetMapping("/accounts/{id}/secrets")
    @Operation(summary = "The account's secrets, without values (manage-credentials)")
    List<SecretView> secrets(@PathVariable long id) {
        return vault.secrets(id);
    }

    @PostMapping("/accounts/{id}/secrets")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Store a secret (manage-credentials); the value is never returned by this or any listing")
    SecretView store(@PathVariable long id, @Valid @RequestBody StoreSecret command) {
        return vault.store(id, command);
    }

    @PostMapping("/accounts/{id}/secrets/{secretId}/reveal")
    @Operation(summary = "Reveal a value (manage-credentials and the caller's own password); audited")
    ResponseEntity<Revealed> reveal(
            @PathVariable long id, @PathVariable long secretId, @Valid @RequestBody Reveal command) {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(new Revealed(vault.reveal(id, secretId, command)));
    }

    @GetMapping("/members/{id}/offboarding")
    @Operation(summary = "What a member still owns and the rotation tasks opened for them (admins)")
    Offboarding.Status offboardingStatus(@PathVariable long id) {
        return offboarding.status(id);
    }

    @PostMapping("/members/{id}/offboarding")
    @Operation(
            summary =
                    "Offboard a member or change their role: ends their access, reassigns their accounts, opens rotation tasks (admins)")
    Offboarding.Status offboard(@PathVariable long id, @Valid @RequestBody Offboarding.Offboard command) {
        return offboarding.offboard(id, command);
    }

    /** The new limit of accounts per marketer. */
    record CapacityLimit(int limit) {}

    @GetMapping("/accounts/capacity")
    @Operation(summary = "Accounts per marketer: the limit and every member's load")
    Capacity.Overview capacity() {
        return capacity.overview();
    }

    @PutMapping("/accounts/capacity")
    @Operation(summary = "Set the limit of accounts per marketer (admins)")
    Capacity.Overview changeCapacity(@RequestBody CapacityLimit limit) {
        capacity.changeLimit(limit.limit());
        return capacity.overview();
    }

    @GetMapping("/vault/rotation-due")
    @Operation(
            summary =
                    "Secrets to change within 14 days or overdue, on the accounts whose credentials the caller manages")
    List<dev.rapport.accounts.RotationDue> rotationDue() {
        return vault.rotationDue();
    }

    @GetMapping("/vault/generated-password")
    @Operation(summary = "A strong random password to use for an account")
    ResponseEntity<Generated> generate() {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new Generated(vault.generatePassword()));
    }
}
