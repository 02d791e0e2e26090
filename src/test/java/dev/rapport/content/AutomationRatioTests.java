package dev.rapport.content;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.content.AutomationRatio.Post;
import dev.rapport.content.AutomationRatio.Reason;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AutomationRatioTests {

    private static final Instant T0 = Instant.parse("2025-03-01T09:00:00Z");

    @Test
    void repeatsOfEarlierPostsAndUneditedTemplatesCount() {
        List<Post> posts = List.of(
                post("p4", 3, "Happy Friday from all of us! Enjoy the weekend 🎉 #friday", false),
                post("p1", 0, "Happy Friday from all of us! Enjoy the weekend.", false),
                post("p2", 1, "Our support team is offline on Monday for the public holiday.", false),
                post("p3", 2, "Your order has shipped. Track it here: {link}", true),
                post("p5", 4, "Five tips for better product photos with your phone.", false));

        AutomationRatio ratio = AutomationRatio.of(posts);

        assertThat(ratio.posts()).isEqualTo(5);
        assertThat(ratio.automated())
                .extracting(AutomationRatio.AutomatedPost::id, AutomationRatio.AutomatedPost::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("p3", Reason.UNEDITED_TEMPLATE),
                        org.assertj.core.groups.Tuple.tuple("p4", Reason.NEAR_DUPLICATE));
        assertThat(ratio.automated().get(1).duplicateOf()).isEqualTo("p1");
        assertThat(ratio.ratio()).isEqualTo(0.4);
        assertThat(ratio.exceeds(0.3)).isTrue();
        assertThat(ratio.exceeds(0.4)).isFalse();
    }

    @Test
    void onlyTheLaterCopyCountsAndOnlyWithinTheWindow() {
        List<Post> posts = List.of(
                post("first", 0, "每周五下午三点，我们会在直播间回答大家的问题，欢迎来聊。", false),
                post("again-later", 200, "每周五下午三点，我们会在直播间回答大家的问题，欢迎来聊！", false));
        assertThat(AutomationRatio.of(posts).ratio()).isZero();
        assertThat(AutomationRatio.of(posts, Duration.ofDays(365), NearDuplicates.DEFAULT_THRESHOLD)
                        .ratio())
                .isEqualTo(0.5);
    }

    @Test
    void noPostsNoRatio() {
        assertThat(AutomationRatio.of(List.of()).ratio()).isZero();
    }

    private static Post post(String id, int day, String text, boolean template) {
        return new Post(id, T0.plus(Duration.ofDays(day)), text, template);
    }
}
