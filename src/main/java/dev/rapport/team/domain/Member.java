package dev.rapport.team.domain;

import dev.rapport.team.MemberView;
import dev.rapport.team.Role;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** A person in the workspace. Invited members have no password until they accept. */
@Table
public class Member {

    @Id
    private @Nullable Long id;

    private String email;
    private String displayName;
    private Role role;
    private @Nullable Long departmentId;
    private String language;
    private boolean active;
    private @Nullable String passwordHash;
    private int failedSignIns;
    private @Nullable Instant lockedUntil;
    private Instant createdAt;

    @Version
    private @Nullable Long version;

    public Member(String email, String displayName, Role role, @Nullable Long departmentId, String language) {
        this.email = email;
        this.displayName = displayName;
        this.role = role;
        this.departmentId = departmentId;
        this.language = language;
        this.active = true;
        this.createdAt = Instant.now();
    }

    public long id() {
        if (id == null) {
            throw new IllegalStateException("member not saved yet");
        }
        return id;
    }

    public String email() {
        return email;
    }

    public String displayName() {
        return displayName;
    }

    public Role role() {
        return role;
    }

    public @Nullable Long departmentId() {
        return departmentId;
    }

    public String language() {
        return language;
    }

    public boolean active() {
        return active;
    }

    public @Nullable String passwordHash() {
        return passwordHash;
    }

    public @Nullable Instant lockedUntil() {
        return lockedUntil;
    }

    public int failedSignIns() {
        return failedSignIns;
    }

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    public void rename(String displayName) {
        this.displayName = displayName;
    }

    public void changeEmail(String email) {
        this.email = email;
    }

    public void changeRole(Role role) {
        this.role = role;
    }

    public void moveTo(@Nullable Long departmentId) {
        this.departmentId = departmentId;
    }

    public void speak(String language) {
        this.language = language;
    }

    public void deactivate() {
        this.active = false;
    }

    public void reactivate() {
        this.active = true;
    }

    public void setPasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
        this.failedSignIns = 0;
        this.lockedUntil = null;
    }

    /**
     * The lockout rule: from {@code maxFailures} consecutive failures on, the member waits
     * {@code first}, doubling with each further failure up to {@code max}; null below the threshold.
     */
    public static @Nullable Instant lockedUntil(
            int failures, Instant now, int maxFailures, Duration first, Duration max) {
        if (failures < maxFailures) {
            return null;
        }
        int doublings = Math.min(failures - maxFailures, 20);
        Duration wait = first.multipliedBy(1L << doublings);
        return now.plus(wait.compareTo(max) > 0 ? max : wait);
    }

    public MemberView view() {
        return new MemberView(
                id(), displayName, email, role, departmentId, language, active, passwordHash != null, createdAt);
    }
}
