package dev.rapport.team.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.team.Role;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MemberTests {

    static final Duration MINUTE = Duration.ofMinutes(1);
    static final Duration HOUR = Duration.ofHours(1);
    static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

    @Test
    void theFifthFailureLocksForTheFirstWaitAndEachFurtherOneDoublesItUpToTheMaximum() {
        assertThat(Member.lockedUntil(4, NOW, 5, MINUTE, HOUR)).isNull();
        assertThat(Member.lockedUntil(5, NOW, 5, MINUTE, HOUR)).isEqualTo(NOW.plus(MINUTE));
        assertThat(Member.lockedUntil(6, NOW, 5, MINUTE, HOUR)).isEqualTo(NOW.plus(Duration.ofMinutes(2)));
        assertThat(Member.lockedUntil(10, NOW, 5, MINUTE, HOUR)).isEqualTo(NOW.plus(Duration.ofMinutes(32)));
        assertThat(Member.lockedUntil(11, NOW, 5, MINUTE, HOUR)).isEqualTo(NOW.plus(HOUR));
        assertThat(Member.lockedUntil(500, NOW, 5, MINUTE, HOUR)).isEqualTo(NOW.plus(HOUR));
    }

    @Test
    void aNewPasswordClearsALockout() {
        Member member = new Member("ada@example.com", "Ada", Role.MARKETER, null, "en");
        member.setPasswordHash("{noop}x");
        assertThat(member.lockedAt(NOW)).isFalse();
        assertThat(member.failedSignIns()).isZero();
    }
}
