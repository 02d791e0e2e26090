package dev.rapport.connectors.bluesky;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.connectors.spi.ConnectorException;
import dev.rapport.connectors.spi.MediaItem;
import dev.rapport.connectors.spi.PublishRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Rich-text facets count UTF-8 bytes: emoji and Chinese before a facet move it by 3–4 bytes each. */
class BlueskyFacetsTests {

    static final Function<String, Optional<String>> ONLY_BOB =
            handle -> handle.equals("bob.test") ? Optional.of("did:plc:bob") : Optional.empty();

    @Test
    void offsetsAreUtf8BytesAfterEmojiAndChinese() {
        String text = "👋🏽 hi @bob.test #咖啡 #rapport!";

        List<Facets.Facet> facets = Facets.detect(text, ONLY_BOB);

        assertThat(facets)
                .extracting(Facets.Facet::byteStart, Facets.Facet::byteEnd)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(12, 21),
                        org.assertj.core.groups.Tuple.tuple(22, 29),
                        org.assertj.core.groups.Tuple.tuple(30, 38));
        assertThat(facets.get(0).feature())
                .isEqualTo(Map.of("$type", "app.bsky.richtext.facet#mention", "did", "did:plc:bob"));
        assertThat(facets.get(1).feature()).isEqualTo(Map.of("$type", "app.bsky.richtext.facet#tag", "tag", "咖啡"));
        assertThat(facets.get(2).feature()).containsEntry("tag", "rapport");
        facets.forEach(facet -> assertThat(slice(text, facet)).startsWith(facet.byteStart() == 12 ? "@" : "#"));
    }

    @Test
    void linksLoseTrailingPunctuationAndUnbalancedParentheses() {
        String text = "☕️ 咖啡 https://example.com/a?b=1. (see https://example.com/x)";

        List<Facets.Facet> facets = Facets.detect(text, ONLY_BOB);

        assertThat(facets).hasSize(2);
        assertThat(facets.get(0).byteStart()).isEqualTo(14);
        assertThat(facets.get(0).byteEnd()).isEqualTo(39);
        assertThat(facets.get(0).feature()).containsEntry("uri", "https://example.com/a?b=1");
        assertThat(slice(text, facets.get(0))).isEqualTo("https://example.com/a?b=1");
        assertThat(slice(text, facets.get(1))).isEqualTo("https://example.com/x");
    }

    @Test
    void unresolvableMentionsEmailAddressesAndNumbersGetNoFacet() {
        assertThat(Facets.detect("hi @nobody.test, write to hello@rapport.test #2024 a#b", ONLY_BOB))
                .isEmpty();
    }

    @Test
    void aMentionEndsBeforeTrailingPunctuationAndFullWidthHashtagsCount() {
        String text = "谢谢 @bob.test. 我爱 ＃咖啡。";

        List<Facets.Facet> facets = Facets.detect(text, ONLY_BOB);

        assertThat(facets).extracting(facet -> slice(text, facet)).containsExactly("@bob.test", "＃咖啡");
        assertThat(facets.get(1).feature()).containsEntry("tag", "咖啡");
    }

    @Test
    void aHashInsideALinkIsNotATag() {
        String text = "see https://example.com/#top";

        assertThat(Facets.detect(text, ONLY_BOB))
                .singleElement()
                .satisfies(facet -> assertThat(facet.feature()).containsEntry("$type", "app.bsky.richtext.facet#link"));
    }

    @Test
    void recordKeysAreValidStableTidsInThePast() {
        String key = RecordKeys.forIdempotencyKey("variant-42");

        assertThat(key).hasSize(13).matches("[234567abcdefghij][234567a-z]{12}");
        assertThat(RecordKeys.forIdempotencyKey("variant-42")).isEqualTo(key);
        assertThat(RecordKeys.forIdempotencyKey("variant-43")).isNotEqualTo(key);
        assertThat(RecordKeys.forIdempotencyKey("3jzfcijpj2z2a")).isEqualTo("3jzfcijpj2z2a");
        // the time part: after 2023-01-01, before 2025-04
        assertThat(key.compareTo(RecordKeys.encode(1_672_531_200_000_000L << 10)))
                .isPositive();
        assertThat(key.compareTo(RecordKeys.encode(1_743_465_600_000_000L << 10)))
                .isNegative();
    }

    @Test
    void limitsAreCheckedInGraphemesAndBytes() {
        Posts.check("咖".repeat(300), PublishRequest.text("k", "咖".repeat(300)));
        Posts.check("👍🏽".repeat(300), PublishRequest.text("k", "👍🏽".repeat(300)));
        assertThatThrownBy(() -> Posts.check("咖".repeat(301), PublishRequest.text("k", "")))
                .isInstanceOfSatisfying(ConnectorException.Rejected.class, rejected -> {
                    assertThat(rejected.code()).isEqualTo("text-too-long");
                    assertThat(rejected.userMessage()).contains("300").contains("301");
                });
        assertThatThrownBy(() -> Posts.check("👨‍👩‍👧".repeat(200), PublishRequest.text("k", "")))
                .isInstanceOfSatisfying(
                        ConnectorException.Rejected.class,
                        rejected -> assertThat(rejected.userMessage()).contains("3000 bytes"));
        byte[] big = new byte[1_000_001];
        var tooBig = new PublishRequest(
                "k", "big", List.of(new MediaItem("big.png", "image/png", big, null)), null, null, null);
        assertThatThrownBy(() -> Posts.check("big", tooBig))
                .isInstanceOfSatisfying(
                        ConnectorException.Rejected.class,
                        rejected -> assertThat(rejected.code()).isEqualTo("image-too-large"));
    }

    private static String slice(String text, Facets.Facet facet) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return new String(bytes, facet.byteStart(), facet.byteEnd() - facet.byteStart(), StandardCharsets.UTF_8);
    }
}
