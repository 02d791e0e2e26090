package dev.rapport.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.connectors.spi.NetworkProfile.Counting;
import org.junit.jupiter.api.Test;

/** Each network counts a post its own way; Rapport must count the same. */
class TextLengthTests {

    @Test
    void xWeighsChineseTwiceAndEveryLinkAs23() {
        assertThat(TextLength.count(Counting.TWITTER_WEIGHTED, "hello", 23)).isEqualTo(5);
        assertThat(TextLength.count(Counting.TWITTER_WEIGHTED, "你好", 23)).isEqualTo(4);
        assertThat(TextLength.count(Counting.TWITTER_WEIGHTED, "字".repeat(140), 23))
                .isEqualTo(280);
        assertThat(TextLength.count(
                        Counting.TWITTER_WEIGHTED, "see https://example.com/a/very/long/path/that/goes/on/and/on", 23))
                .isEqualTo(4 + 23);
    }

    @Test
    void blueskyCountsWhatPeopleSeeAsOneCharacter() {
        String family = "👨‍👩‍👧‍👦"; // seven code points, one grapheme
        assertThat(TextLength.count(Counting.GRAPHEMES, family, 23)).isEqualTo(1);
        assertThat(TextLength.count(Counting.GRAPHEMES, "e\u0301", 23))
                .as("e + combining accent")
                .isEqualTo(1);
        assertThat(TextLength.count(Counting.GRAPHEMES, "咖啡☕ coffee", 23)).isEqualTo(10);
    }

    @Test
    void mastodonCountsLinksAtTheServersLengthAndRemoteMentionsByTheirUserPart() {
        assertThat(TextLength.count(Counting.MASTODON, "read https://example.com/" + "x".repeat(100), 23))
                .isEqualTo(5 + 23);
        assertThat(TextLength.count(Counting.MASTODON, "hi @alice@mastodon.social", 23))
                .isEqualTo("hi @alice".length());
    }

    @Test
    void chineseNetworksCountEachCharacterOnce() {
        assertThat(TextLength.count(Counting.CHARACTERS, "新品上市𠮷", 23)).isEqualTo(5);
    }

    @Test
    void overAndRemainingFollowTheLimit() {
        assertThat(new TextLength(301, 300).over()).isTrue();
        assertThat(new TextLength(300, 300).over()).isFalse();
        assertThat(new TextLength(10, 300).remaining()).isEqualTo(290);
        assertThat(new TextLength(10, null).over()).isFalse();
    }
}
