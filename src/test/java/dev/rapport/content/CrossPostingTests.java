package dev.rapport.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CrossPostingTests {

    @Test
    void theSameTextPastedToSeveralNetworksIsOneGroup() {
        Map<String, String> variants = new LinkedHashMap<>();
        variants.put("x", "New in the app: schedule posts across time zones! #update https://rapport.example/a");
        variants.put("bluesky", "New in the app — schedule posts across time zones ✨ https://rapport.example/b");
        variants.put("mastodon", "NEW IN THE APP: schedule posts across time zones. #TimeZones");
        variants.put("linkedin", "We have just released scheduling across time zones: pick the audience's local time.");
        variants.put("weibo", "");

        assertThat(CrossPosting.identical(variants))
                .singleElement()
                .extracting(CrossPosting.IdenticalText::targets)
                .isEqualTo(java.util.List.of("x", "bluesky", "mastodon"));
    }

    @Test
    void traditionalAndSimplifiedChineseAreTheSameText() {
        assertThat(CrossPosting.sameText("欢迎大家预约参加！", "歡迎大家預約參加。")).isTrue();
        assertThat(CrossPosting.sameText("欢迎大家预约参加", "欢迎大家报名参加")).isFalse();
        assertThat(CrossPosting.sameText("🎉", "🎉")).isFalse();
    }
}
