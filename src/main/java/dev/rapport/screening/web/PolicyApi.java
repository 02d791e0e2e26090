package dev.rapport.screening.web;

import dev.rapport.screening.Policies;
import dev.rapport.screening.Policies.MemberAcknowledgement;
import dev.rapport.screening.Policies.PublishPolicy;
import dev.rapport.screening.PolicyView;
import dev.rapport.team.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/policy}: the social media policy, its versions and who acknowledged them. */
@RestController
@RequestMapping(path = "/api/v1/policy", produces = "application/json")
@Tag(name = "Policy")
class PolicyApi {

    private final Policies policies;

    PolicyApi(Policies policies) {
        this.policies = policies;
    }

    /** The current policy, and whether the caller has acknowledged it. */
    record CurrentPolicy(PolicyView policy, boolean acknowledged, boolean enforced) {}

    record Enforcement(@NotNull Boolean enforced) {}

    @GetMapping
    @Operation(
            summary =
                    "The current policy (texts in Chinese and English, screening rules), and the caller's acknowledgement")
    CurrentPolicy current() {
        return new CurrentPolicy(
                policies.current(),
                policies.acknowledgedCurrent(Actor.current().requireMemberId()),
                policies.enforced());
    }

    @GetMapping("/versions")
    @Operation(summary = "Every published version, newest first")
    List<PolicyView> versions() {
        return policies.versions();
    }

    @PutMapping
    @Operation(summary = "Publish a new version (admins); every member is asked to acknowledge it")
    PolicyView publish(@Valid @RequestBody PublishPolicy command) {
        return policies.publish(command);
    }

    /** The version the caller read; omitted: the current one. */
    record Acknowledge(@org.jspecify.annotations.Nullable Integer version) {}

    @PostMapping("/acknowledgement")
    @Operation(summary = "The caller acknowledges the version they read (409 if a newer one was published since)")
    PolicyView acknowledge(@RequestBody(required = false) Acknowledge read) {
        return policies.acknowledge(read == null ? null : read.version());
    }

    @GetMapping("/acknowledgements")
    @Operation(summary = "Every active member's latest acknowledgement (leads, admins)")
    List<MemberAcknowledgement> acknowledgements() {
        return policies.acknowledgements();
    }

    @PutMapping("/enforcement")
    @Operation(summary = "Whether members without a current acknowledgement may publish or reply (admins)")
    Enforcement enforcement(@Valid @RequestBody Enforcement enforcement) {
        policies.enforce(enforcement.enforced());
        return new Enforcement(policies.enforced());
    }
}
