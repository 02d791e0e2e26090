package dev.rapport.content;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.content.NetworkPreview.Kind;
import dev.rapport.content.NetworkPreview.Piece;
import java.util.List;
import org.junit.jupiter.api.Test;

class NetworkPreviewTests {

    @Test
    void onXLinksHashtagsAndMentionsAreActiveAndTheTextIsWhole() {
        String text = "Ask @rapport about #AI: https://example.com/ai, or C# and #1!";
        List<Piece> pieces = NetworkPreview.of(text, NetworkFitTests.PROFILES.get("x"));
        assertThat(String.join("", pieces.stream().map(Piece::text).toList())).isEqualTo(text);
        assertThat(pieces)
                .filteredOn(piece -> piece.kind() != Kind.TEXT)
                .containsExactly(
                        new Piece("@rapport", Kind.MENTION, true),
                        new Piece("#AI", Kind.HASHTAG, true),
                        new Piece("https://example.com/ai", Kind.LINK, true));
    }

    @Test
    void onWeChatALinkIsPlainTextAndWeiboTopicsAreClosed() {
        assertThat(NetworkPreview.of("详情 https://example.com/a 见", NetworkFitTests.PROFILES.get("wechat")))
                .contains(new Piece("https://example.com/a", Kind.LINK, false));
        assertThat(NetworkPreview.of("今天#新品发布#开始", NetworkFitTests.PROFILES.get("weibo")))
                .containsExactly(
                        new Piece("今天", Kind.TEXT, false),
                        new Piece("#新品发布#", Kind.HASHTAG, true),
                        new Piece("开始", Kind.TEXT, false));
    }
}
