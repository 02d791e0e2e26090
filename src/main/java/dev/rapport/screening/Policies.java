package dev.rapport.screening;

import dev.rapport.core.Refusal;
import dev.rapport.screening.PolicyEvents.EnforcementChanged;
import dev.rapport.screening.PolicyEvents.PolicyAcknowledged;
import dev.rapport.screening.PolicyEvents.PolicyPublished;
import dev.rapport.screening.domain.PolicyRecords;
import dev.rapport.team.Actor;
import dev.rapport.team.MemberView;
import dev.rapport.team.Role;
import dev.rapport.team.TeamManagement;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The workspace's social media policy: versions in Chinese and English with their screening rules,
 * published by admins; every member acknowledges the current version (asked at their next visit);
 * with enforcement on, members without a current acknowledgement may not publish or reply.
 */
@Service
@Transactional
public class Policies {

    static final String SYSTEM = "system";

    /** A new version of the policy. */
    public record PublishPolicy(
            @NotBlank @Size(max = 20000) String textEn,
            @NotBlank @Size(max = 20000) String textZh,
            @NotNull @Valid PolicyRules rules,
            @Nullable @Size(max = 500) String note) {}

    /** A member and the version they last acknowledged (null: never). */
    public record MemberAcknowledgement(
            MemberView member,
            @Nullable Integer version,
            @Nullable Instant at,
            boolean current) {}

    private final PolicyRecords records;
    private final TeamManagement team;
    private final ApplicationEventPublisher events;

    Policies(PolicyRecords records, TeamManagement team, ApplicationEventPublisher events) {
        this.records = records;
        this.team = team;
        this.events = events;
    }

    /** The first version is the built-in default, in place before anyone signs in. */
    @EventListener(ApplicationReadyEvent.class)
    @Order(0)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void defaultPolicy() {
        if (records.current().isEmpty()) {
            try {
                records.insert(defaultText("en"), defaultText("zh-CN"), PolicyRules.defaults(), null, SYSTEM);
            } catch (DataIntegrityViolationException anotherNodeWasFirst) {
                // Its version 1 is the same default.
            }
        }
    }

    @Transactional(readOnly = true)
    public PolicyView current() {
        return records.current()
                .orElseGet(() -> new PolicyView(
                        0,
                        defaultText("en"),
                        defaultText("zh-CN"),
                        PolicyRules.defaults(),
                        null,
                        SYSTEM,
                        Instant.EPOCH));
    }

    @Transactional(readOnly = true)
    public List<PolicyView> versions() {
        return records.all();
    }

    @Transactional(readOnly = true)
    public PolicyView version(int version) {
        return records.version(version).orElseThrow(() -> Refusal.notFound("policy.version-not-found", version));
    }

    /** An admin publishes a new version: every other member is asked to acknowledge it. */
    public PolicyView publish(PublishPolicy command) {
        Actor actor = requireAdmin();
        int version = records.insert(
                command.textEn().strip(),
                command.textZh().strip(),
                command.rules(),
                blankToNull(command.note()),
                actor.email());
        events.publishEvent(new PolicyPublished(
                actor.email(), version, blankToNull(command.note()), actor.source(), Instant.now()));
        // Who publishes a version has read it.
        records.acknowledge(actor.requireMemberId(), version);
        return version(version);
    }

    /**
     * The signed-in member acknowledges the version they read; refused if a newer one was published
     * meanwhile (they have not read that one).
     */
    public PolicyView acknowledge(@Nullable Integer read) {
        Actor actor = Actor.current();
        PolicyView current = current();
        if (read != null && read != current.version()) {
            throw Refusal.conflict("policy.version-changed");
        }
        if (records.acknowledge(actor.requireMemberId(), current.version())) {
            events.publishEvent(new PolicyAcknowledged(
                    actor.email(), actor.requireMemberId(), current.version(), actor.source(), Instant.now()));
        }
        return current;
    }

    @Transactional(readOnly = true)
    public boolean acknowledgedCurrent(long memberId) {
        return records.acknowledged(memberId, currentVersion());
    }

    /** The current version's number, without its texts and rules. */
    @Transactional(readOnly = true)
    public int currentVersion() {
        return records.currentVersion();
    }

    /** Every active member and their latest acknowledgement (leads and admins). */
    @Transactional(readOnly = true)
    public List<MemberAcknowledgement> acknowledgements() {
        Actor actor = Actor.current();
        if (!actor.is(Role.ADMIN) && !actor.is(Role.LEAD)) {
            throw Refusal.forbidden("error.forbidden");
        }
        int current = current().version();
        Map<Long, PolicyRecords.Acknowledgement> latest = records.latestAcknowledgements();
        return team.members().stream()
                .filter(MemberView::active)
                .map(member -> {
                    var ack = latest.get(member.id());
                    return new MemberAcknowledgement(
                            member,
                            ack == null ? null : ack.version(),
                            ack == null ? null : ack.at(),
                            ack != null && ack.version() == current);
                })
                .toList();
    }

    /** Active members who have not acknowledged the current version. */
    @Transactional(readOnly = true)
    public List<MemberView> pending() {
        var acknowledged = records.acknowledgedBy(current().version());
        return team.members().stream()
                .filter(member -> member.active() && !acknowledged.contains(member.id()))
                .toList();
    }

    @Transactional(readOnly = true)
    public boolean enforced() {
        return records.enforced();
    }

    public void enforce(boolean enforce) {
        Actor actor = requireAdmin();
        records.enforce(enforce);
        events.publishEvent(new EnforcementChanged(actor.email(), enforce, actor.source(), Instant.now()));
    }

    /**
     * Refuses a member who may not publish or reply because enforcement is on and they have not
     * acknowledged the current policy.
     */
    @Transactional(readOnly = true)
    public void requireMayPublish(long memberId) {
        if (records.enforced() && !acknowledgedCurrent(memberId)) {
            throw Refusal.forbidden("policy.acknowledgement-required", current().version());
        }
    }

    static String defaultText(String language) {
        try (InputStream in =
                new ClassPathResource("/dev/rapport/screening/default-policy." + language + ".md").getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new IllegalStateException("the default policy is missing", e);
        }
    }

    private static Actor requireAdmin() {
        Actor actor = Actor.current();
        if (!actor.is(Role.ADMIN)) {
            throw Refusal.forbidden("error.forbidden");
        }
        return actor;
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
