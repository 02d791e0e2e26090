package dev.rapport.team.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.team.Role;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MemberTests {

    static final Duration MINUTE = Duration.ofMinutes(1);
    static final Duration HOUR = Duration.ofHours(1);

    @Test
    void theFifthFailureLocksForTheFirstWaitAndEachFurtherOneDoublesItUpToTheMaximum() {
        Member member = new Member("ada@example.com", "Ada", Role.MARKETER, null, "en");
        Instant now = Instant.parse("2026-11-26T10:00:00Z");
        for (int i = 0; i < 4; i++) {
            member.signInFailed(now, 5, MINUTE, HOUR);
        }
        assertThat(member.lockedAt(now)).isFalse();

        member.signInFailed(now, 5, MINUTE, HOUR);
        assertThat(member.lockedUntil()).isEqualTo(now.plus(MINUTE));
        member.signInFailed(now, 5, MINUTE, HOUR);
        assertThat(member.lockedUntil()).isEqualTo(now.plus(Duration.ofMinutes(2)));
        for (int i = 0; i < 30; i++) {
            member.signInFailed(now, 5, MINUTE, HOUR);
        }
        assertThat(member.lockedUntil()).isEqualTo(now.plus(HOUR));
        assertThat(member.lockedAt(now.plus(HOUR))).isFalse();
    }

    @Test
    void aSuccessfulSignInOrANewPasswordClearsTheCount() {
        Member member = new Member("ada@example.com", "Ada", Role.MARKETER, null, "en");
        Instant now = Instant.now();
        for (int i = 0; i < 5; i++) {
            member.signInFailed(now, 5, MINUTE, HOUR);
        }
        member.setPasswordHash("{noop}x");
        assertThat(member.lockedAt(now)).isFalse();
        assertThat(member.failedSignIns()).isZero();
    }
}
