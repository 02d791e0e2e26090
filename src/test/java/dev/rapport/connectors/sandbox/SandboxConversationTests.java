package dev.rapport.connectors.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.connectors.sandbox.SandboxScenario.Result;
import dev.rapport.connectors.spi.Connection;
import dev.rapport.connectors.spi.ConnectorException;
import dev.rapport.connectors.spi.InboundItem;
import dev.rapport.connectors.spi.InboundItem.Kind;
import dev.rapport.connectors.spi.PublishReceipt;
import dev.rapport.connectors.spi.PublishRequest;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What the simulated audience writes and does, and how the sandbox shows the account's replies. */
class SandboxConversationTests {

    final TestClock clock = TestClock.at2026();
    final SandboxConnector sandbox = new SandboxConnector(
            new SandboxFaults(11, 0, 0, 0, 0, Duration.ZERO, Duration.ZERO), SandboxCoefficients.defaults(), clock);
    final Connection account = new Connection(1, Map.of(), Map.of());

    @Test
    void commentsComeInChineseAndEnglishWithEveryIntentFromPeopleOfTheAudience() {
        Result result = SandboxScenario.run(
                sandbox, clock, 1, 80, false, i -> "你们怎么看？What do you think? 限时优惠 https://shop.example/" + i);

        Set<InboundItem> comments = result.interactions().stream()
                .filter(item -> item.kind() == Kind.COMMENT)
                .collect(Collectors.toSet());
        assertThat(comments).extracting(InboundItem::language).contains("zh", "en");
        Set<CommentIntent> intents = comments.stream()
                .map(comment -> sandbox.intentOf(1, comment.remoteId()).orElseThrow())
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(CommentIntent.class)));
        assertThat(intents).containsExactlyInAnyOrder(CommentIntent.values());
        Set<String> handles =
                sandbox.people(1).people().stream().map(SandboxPerson::handle).collect(Collectors.toSet());
        assertThat(comments).allSatisfy(comment -> {
            assertThat(handles).contains(comment.author().handle());
            assertThat(comment.author().handle()).matches("[a-z]+\\.[a-z]+\\d*");
            assertThat(comment.text()).isNotBlank();
        });
        assertThat(result.interactions())
                .extracting(InboundItem::kind)
                .contains(Kind.COMMENT, Kind.LIKE, Kind.REPOST, Kind.FOLLOW, Kind.UNFOLLOW, Kind.DIRECT_MESSAGE);
        assertThat(result.interactions())
                .filteredOn(item -> item.kind() == Kind.DIRECT_MESSAGE)
                .allSatisfy(message -> assertThat(message.subjectId()).isNull());
        assertThat(result.clicks()).isPositive();
    }

    @Test
    void aReplyAnswersItsCommentAndTheSandboxShowsIt() {
        PublishReceipt post = sandbox.publish(account, PublishRequest.text("p", "你们最喜欢哪款？"));
        InboundItem question = sandbox.comment(post.remoteId(), "li.lei", "多少钱？");
        assertThat(sandbox.answered(1, question.remoteId())).isFalse();

        PublishReceipt reply = sandbox.publish(account, PublishRequest.reply("r", "99元，链接在主页", question.remoteId()));

        assertThat(sandbox.answered(1, question.remoteId())).isTrue();
        assertThat(sandbox.posts())
                .filteredOn(shown -> shown.id().equals(reply.remoteId()))
                .singleElement()
                .satisfies(shown -> {
                    assertThat(shown.replyTo()).isEqualTo(question.remoteId());
                    assertThat(shown.text()).isEqualTo("99元，链接在主页");
                });
    }

    @Test
    void simulatedCommentsCanBeAnsweredAndRepliesToNothingAreRefused() {
        sandbox.publish(account, PublishRequest.text("p", "你们周末去哪儿？大家推荐一下"));
        clock.advance(Duration.ofDays(2));
        InboundItem comment = sandbox.interactions(account, null).items().stream()
                .filter(item -> item.kind() == Kind.COMMENT)
                .findFirst()
                .orElseThrow();

        sandbox.publish(account, PublishRequest.reply("r", "谢谢推荐！", comment.remoteId()));

        assertThat(sandbox.answered(1, comment.remoteId())).isTrue();
        assertThatThrownBy(() -> sandbox.publish(account, PublishRequest.reply("x", "hello?", "sb-nothing")))
                .isInstanceOf(ConnectorException.Rejected.class);
    }

    @Test
    void interactionsArePagedAndNeverReadTwice() {
        for (int i = 0; i < 40; i++) {
            sandbox.publish(account, PublishRequest.text("p" + i, "今天的推荐，你们喜欢吗？" + i));
        }
        clock.advance(Duration.ofDays(8));
        String cursor = "0::0";
        Set<String> seen = new java.util.HashSet<>();
        int pages = 0;
        while (true) {
            var page = sandbox.interactions(account, cursor);
            if (page.items().isEmpty()) {
                break;
            }
            pages++;
            assertThat(page.items())
                    .hasSizeLessThanOrEqualTo(SandboxCoefficients.defaults().pageSize());
            page.items().forEach(item -> assertThat(seen.add(item.remoteId())).isTrue());
            cursor = page.cursor();
        }
        assertThat(pages).isGreaterThan(1);
        assertThat(seen).hasSizeGreaterThan(SandboxCoefficients.defaults().pageSize());
    }
}
