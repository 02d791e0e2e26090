package dev.rapport.connectors.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.connectors.sandbox.SandboxScenario.Result;
import dev.rapport.connectors.spi.InboundItem;
import org.junit.jupiter.api.Test;

/** The article's lessons, measured over many posts of simulated accounts with one fixed seed. */
class SandboxLessonsTests {

    final TestClock clock = TestClock.at2026();
    final SandboxConnector sandbox = new SandboxConnector(
            new SandboxFaults(2026, 0, 0, 0, 0, java.time.Duration.ZERO, java.time.Duration.ZERO),
            SandboxCoefficients.defaults(),
            clock);

    @Test
    void promotionalOnlyPostsEarnFewerLikesAndCommentsThanAudienceFirstOnes() {
        Result promotional = SandboxScenario.run(sandbox, clock, 1, 60, true, i -> "限时优惠！新品八折，立即购买 第" + i + "期");
        Result audienceFirst = SandboxScenario.run(sandbox, clock, 2, 60, true, i -> "周末去哪儿玩？推荐几条城市徒步路线 第" + i + "期");

        assertThat(promotional.likes()).isLessThan(audienceFirst.likes() * 6 / 10);
        assertThat(promotional.comments()).isLessThan(audienceFirst.comments() * 6 / 10);
        assertThat(promotional.followersAfter()).isLessThan(audienceFirst.followersAfter());
    }

    @Test
    void anAccountThatAnswersItsCommentsKeepsMoreFollowersThanOneThatDoesNot() {
        Result answering = SandboxScenario.run(sandbox, clock, 3, 60, true, i -> "你们最近在读什么书？第" + i + "期");
        Result ignoring = SandboxScenario.run(sandbox, clock, 4, 60, false, i -> "你们最近在读什么书？第" + i + "期");

        assertThat(answering.followersAfter()).isGreaterThanOrEqualTo(answering.followersBefore());
        assertThat(ignoring.followersAfter()).isLessThan(ignoring.followersBefore());
        assertThat(answering.followersAfter() - answering.followersBefore())
                .isGreaterThan(ignoring.followersAfter() - ignoring.followersBefore() + 20);
        assertThat(ignoring.impressions())
                .as("an ignored audience stops looking")
                .isLessThan(answering.impressions());
    }

    @Test
    void hashtagStuffedPostsEarnLess() {
        Result stuffed =
                SandboxScenario.run(sandbox, clock, 5, 60, true, i -> "今天的咖啡拉花 #咖啡 #拉花 #早安 #生活 #美食 #日常 #打卡 #分享 " + i);
        Result restrained = SandboxScenario.run(sandbox, clock, 6, 60, true, i -> "今天的咖啡拉花 #咖啡 " + i);

        assertThat(stuffed.impressions()).isLessThan(restrained.impressions() / 2);
        assertThat(stuffed.likes()).isLessThan(restrained.likes() / 2);
    }

    @Test
    void overlongPostsAndPostsInTheWrongLanguageEarnFewerLikes() {
        Result concise = SandboxScenario.run(sandbox, clock, 7, 60, true, i -> "今天的咖啡拉花，第" + i + "杯");
        Result overlong = SandboxScenario.run(sandbox, clock, 8, 60, true, i -> "今天的咖啡拉花。".repeat(40) + i);
        Result english = SandboxScenario.run(sandbox, clock, 9, 60, true, i -> "Latte art of the day, cup number " + i);

        assertThat(overlong.likes()).isLessThan(concise.likes() * 8 / 10);
        assertThat(english.likes())
                .as("most of the sandbox audience reads Chinese")
                .isLessThan(concise.likes() * 9 / 10);
        assertThat(english.interactions())
                .filteredOn(item -> item.kind() == InboundItem.Kind.COMMENT)
                .as("those who answer an English post mostly read English")
                .filteredOn(item -> "en".equals(item.language()))
                .hasSizeGreaterThan((int) english.comments() * 6 / 10);
    }

    @Test
    void questionsToTheAudienceEarnMoreComments() {
        Result asking = SandboxScenario.run(sandbox, clock, 10, 60, true, i -> "你们喜欢哪种咖啡？第" + i + "期");
        Result telling = SandboxScenario.run(sandbox, clock, 11, 60, true, i -> "今天的咖啡推荐，第" + i + "期");

        assertThat(asking.comments()).isGreaterThan(telling.comments() * 3 / 2);
    }

    @Test
    void linksEarnClicksAndOnlyLinksDo() {
        Result linked = SandboxScenario.run(sandbox, clock, 12, 30, true, i -> "咖啡冲煮指南 https://example.com/guide/" + i);
        Result plain = SandboxScenario.run(sandbox, clock, 13, 30, true, i -> "咖啡冲煮指南，第" + i + "期");

        assertThat(linked.clicks()).isPositive();
        assertThat(plain.clicks()).isZero();
    }
}
