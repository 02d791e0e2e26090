package dev.rapport.content;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.content.AudienceSignals.Explanation;
import org.junit.jupiter.api.Test;

class AudienceFirstTests {

    private static final AudienceFirst AUDIENCE = AudienceFirst.standard();

    @Test
    void anEnglishPostAboutTheAudienceThatAsksAndTeaches() {
        AudienceSignals s = AUDIENCE.measure(
                "Three tips to make your captions land: lead with your point, keep it short, and end with a question. "
                        + "Which one will you try first?");
        assertThat(s.audienceMentions()).isEqualTo(3); // your, your, you
        assertThat(s.selfMentions()).isZero();
        assertThat(s.talksAboutAudience()).isTrue();
        assertThat(s.asksAudience()).isTrue();
        assertThat(s.valueCues()).contains("tips");
        assertThat(s.offersValueWithoutPitch()).isTrue();
        assertThat(s.score()).isEqualTo(100);
        assertThat(s.isAudienceFirst()).isTrue();
        assertThat(s.explanations())
                .extracting(Explanation::key)
                .containsExactly(
                        "content.audience.you-over-we",
                        "content.audience.asks",
                        "content.audience.value-without-pitch");
    }

    @Test
    void aChinesePostAboutTheCompanyThatSells() {
        AudienceSignals s = AUDIENCE.measure("我们的新品今天上市！我司限时优惠，本公司官方旗舰店下单立减50元 https://shop.example.cn/x");
        assertThat(s.selfMentions()).isEqualTo(3);
        assertThat(s.audienceMentions()).isZero();
        assertThat(s.asksAudience()).isFalse();
        assertThat(s.salesCues()).contains("限时", "优惠", "下单", "立减", "link + price");
        assertThat(s.score()).isZero();
        assertThat(s.explanations())
                .extracting(Explanation::key)
                .containsExactly(
                        "content.audience.we-over-you",
                        "content.audience.asks-nothing",
                        "content.audience.sales-pitch");
        assertThat(s.explanations().get(0).arguments()).containsExactly("0", "3");
    }

    @Test
    void chineseYouIsCountedOnceAndQuestionParticlesAsk() {
        AudienceSignals s = AUDIENCE.measure("你们觉得这个方法有用吗，欢迎您在评论区告诉我们");
        assertThat(s.audienceMentions()).isEqualTo(2); // 你们, 您 — 你们 is not also 你
        assertThat(s.selfMentions()).isEqualTo(1);
        assertThat(s.questionMarks()).isZero();
        assertThat(s.questionCues()).contains("你们觉得", "评论区").anyMatch(q -> q.startsWith("吗"));
        assertThat(s.valueCues()).contains("方法");
    }

    @Test
    void valueWithAPitchScoresLessThanValueAlone() {
        AudienceSignals pitch = AUDIENCE.measure("Our guide to better photos, now 20% off at $9. Buy now!");
        AudienceSignals value = AUDIENCE.measure("Our guide to better photos, free for everyone.");
        assertThat(pitch.explanations().get(2).key()).isEqualTo("content.audience.value-with-pitch");
        assertThat(pitch.score()).isLessThan(value.score());
    }

    @Test
    void aQuestionMarkInALinkIsNotAQuestion() {
        AudienceSignals s = AUDIENCE.measure("Read the notes https://x.example/page?id=3");
        assertThat(s.questionMarks()).isZero();
        assertThat(s.asksAudience()).isFalse();
        assertThat(s.explanations().get(0).key()).isEqualTo("content.audience.no-person");
        assertThat(s.score()).isEqualTo(AudienceFirst.FOCUS / 2 + AudienceFirst.NEUTRAL_VALUE);
    }
}
