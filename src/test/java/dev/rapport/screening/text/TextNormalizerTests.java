package dev.rapport.screening.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextNormalizerTests {

    private final TextNormalizer normalizer = TextNormalizer.standard();

    private String normal(String s) {
        return normalizer.normalize(s).text();
    }

    /** The original characters behind the whole normalised text. */
    private static String back(NormalizedText nt) {
        NormalizedText.Span span = nt.toOriginal(0, nt.length());
        return span.of(nt.original());
    }

    @Test
    void nfkcAndFullWidth() {
        assertThat(normal("ｆｕｃｋ")).isEqualTo("fuck");
        assertThat(normal("𝐟𝐮𝐜𝐤")).isEqualTo("fuck");
        assertThat(normal("ⓕⓤⓒⓚ")).isEqualTo("fuck");
        assertThat(normal("ﬁne")).isEqualTo("fine");
    }

    @Test
    void caseFolding() {
        assertThat(normal("FuCK")).isEqualTo("fuck");
        assertThat(normal("STRASSE")).isEqualTo(normal("straße"));
    }

    @Test
    void accentsAndCombiningMarksGoWithTheirLetter() {
        NormalizedText nt = normalizer.normalize("fu\u0308ck");
        assertThat(nt.text()).isEqualTo("fuck");
        assertThat(nt.toOriginal(1, 2)).isEqualTo(new NormalizedText.Span(1, 3));
        assertThat(normal("fück")).isEqualTo("fuck");
        assertThat(normal("f̶u̶c̶k̶")).isEqualTo("fuck");
    }

    @Test
    void traditionalToSimplified() {
        assertThat(normal("賤人")).isEqualTo("贱人");
        assertThat(normal("雞巴")).isEqualTo("鸡巴");
        assertThat(normal("媽的")).isEqualTo("妈的");
    }

    @Test
    void homoglyphs() {
        assertThat(normal("fսck")).isEqualTo("fuck"); // Armenian u
        assertThat(normal("ѕех")).isEqualTo("sex"); // Cyrillic
        assertThat(normal("fаggоt")).isEqualTo("faggot"); // Cyrillic а, о
        assertThat(normal("ΑSS")).isEqualTo("ass"); // Greek capital alpha
        assertThat(normal("ꜱʜɪᴛ")).isEqualTo("shit"); // small capitals
    }

    @ParameterizedTest
    @CsvSource({"sh1t,shit", "a$$,ass", "b1tch,bitch", "5ex,sex", "@ss,ass", "sh!t,shit", "ph0t0,photo", "h3ll0,hello"})
    void leetspeakInsideLatinWords(String in, String out) {
        assertThat(normal(in)).isEqualTo(out);
    }

    @Test
    void leetspeakLeavesNumbersAndPricesAlone() {
        assertThat(normal("In 2025 it costs $5, or 1,000 for 10")).isEqualTo("in 2025 it costs $5, or 1,000 for 10");
        assertThat(normal("hi! great")).isEqualTo("hi! great");
        assertThat(normal("see you at 7:30")).isEqualTo("see you at 7:30");
    }

    @Test
    void zeroWidthAndInvisibleCharactersAreRemoved() {
        NormalizedText nt = normalizer.normalize("fu\u200bc\u200dk\u2060s\uFEFFo\u00ADb");
        assertThat(nt.text()).isEqualTo("fucksob");
        assertThat(back(nt)).isEqualTo(nt.original());
    }

    @Test
    void separatorsBetweenSingleLettersAreRemoved() {
        assertThat(normal("f.u.c.k")).isEqualTo("fuck");
        assertThat(normal("f-u-c-k off")).isEqualTo("fuck off");
        assertThat(normal("f u c k you")).isEqualTo("fuck you");
        assertThat(normal("f_u_c_k")).isEqualTo("fuck");
        NormalizedText nt = normalizer.normalize("well f . u . c . k");
        assertThat(nt.text()).isEqualTo("well fuck");
        assertThat(nt.toOriginal(5, 9).of(nt.original())).isEqualTo("f . u . c . k");
    }

    @Test
    void separatorsBetweenHanCharactersAreRemovedButNotPunctuation() {
        assertThat(normal("傻 逼")).isEqualTo("傻逼");
        assertThat(normal("傻*逼")).isEqualTo("傻逼");
        assertThat(normal("傻·逼")).isEqualTo("傻逼");
        assertThat(normal("傻 B")).isEqualTo("傻b");
        assertThat(normal("他很傻，逼得我没办法")).isEqualTo("他很傻,逼得我没办法");
        assertThat(normal("他很傻。逼得我没办法")).isEqualTo("他很傻。逼得我没办法");
    }

    @Test
    void ordinaryWordsAndTwoLetterWordsAreNotJoined() {
        assertThat(normal("I am a fan")).isEqualTo("i am a fan");
        assertThat(normal("plan a or b")).isEqualTo("plan a or b");
        assertThat(normal("self-made")).isEqualTo("self-made");
    }

    @Test
    void maskingStarInsideAWordIsKept() {
        assertThat(normal("f*ck")).isEqualTo("f*ck");
        assertThat(normal("*wow*")).isEqualTo("*wow*");
    }

    @Test
    void repeatedCharactersCollapseToTwo() {
        NormalizedText nt = normalizer.normalize("fuuuuuck");
        assertThat(nt.text()).isEqualTo("fuuck");
        assertThat(back(nt)).isEqualTo("fuuuuuck");
        assertThat(normal("傻逼逼逼")).isEqualTo("傻逼逼");
        assertThat(normal("assss")).isEqualTo("ass");
        assertThat(normal("good")).isEqualTo("good");
        assertThat(normal("1000000")).isEqualTo("1000000");
    }

    @Test
    void spansNeverSplitSurrogatePairsOrEmojiSequences() {
        String family = "👨\u200D👩\u200D👧";
        String text = "a " + family + " b";
        NormalizedText nt = normalizer.normalize(text);
        for (int s = 0; s <= nt.length(); s++) {
            for (int e = s; e <= nt.length(); e++) {
                NormalizedText.Span span = nt.toOriginal(s, e);
                assertThat(span.start()).isBetween(0, text.length());
                assertThat(span.end()).isBetween(span.start(), text.length());
                assertValidBoundary(text, span.start());
                assertValidBoundary(text, span.end());
                if (s < e && span.start() < 2 + family.length() && span.end() > 2) {
                    // any span touching the family covers all of it
                    String covered = span.of(text);
                    assertThat(covered.contains(family) || !covered.contains("👨") && !covered.contains("👧"))
                            .isTrue();
                }
            }
        }
    }

    static void assertValidBoundary(String text, int index) {
        if (index > 0 && index < text.length()) {
            assertThat(Character.isLowSurrogate(text.charAt(index))
                            && Character.isHighSurrogate(text.charAt(index - 1)))
                    .as("split surrogate pair at %d", index)
                    .isFalse();
        }
    }

    @Test
    void badInputNeverCrashes() {
        String[] inputs = {
            "",
            " ",
            "\uD800",
            "a\uDC00b\uD800",
            "\u0000\u0001\u0007\u001B[31mred\u007F",
            "👍🏽🇨🇳👩🏽\u200D💻1️⃣",
            "مرحبا بالعالم hello",
            "שלום עולם",
            "\u202Eevil\u202C text",
            "\u0301\u0301start with marks",
            "ﷺ",
            "\uFFFF\uFFFE"
        };
        for (String input : inputs) {
            NormalizedText nt = normalizer.normalize(input);
            assertThat(nt.original()).isEqualTo(input);
            for (int s = 0; s <= nt.length(); s++) {
                NormalizedText.Span span = nt.toOriginal(s, nt.length());
                assertThat(span.start()).isBetween(0, input.length());
                assertThat(span.end()).isBetween(span.start(), input.length());
                assertValidBoundary(input, span.start());
                assertValidBoundary(input, span.end());
            }
        }
    }

    @Test
    void aHundredKilobytesAreFine() {
        StringBuilder b = new StringBuilder();
        while (b.length() < 100_000) {
            b.append("新品上市 Our new product ｆｕｃｋ 傻 逼 👍🏽 ");
        }
        NormalizedText nt = normalizer.normalize(b.toString());
        assertThat(nt.length()).isPositive();
        assertThat(nt.toOriginal(0, nt.length()).end()).isLessThanOrEqualTo(b.length());
    }

    @Test
    void everyNormalisedCharMapsIntoTheOriginal() {
        String text = "Ｈｅｌｌｏ 賤人 f.u.c.k fuuuuck 𝐟𝐮𝐜𝐤 é ß";
        NormalizedText nt = normalizer.normalize(text);
        int previous = 0;
        for (int i = 0; i < nt.length(); i++) {
            NormalizedText.Span span = nt.toOriginal(i, i + 1);
            assertThat(span.start()).isGreaterThanOrEqualTo(0);
            assertThat(span.end()).isGreaterThan(span.start()).isLessThanOrEqualTo(text.length());
            assertThat(span.start()).isGreaterThanOrEqualTo(Math.min(previous, span.start()));
            previous = span.start();
        }
    }
}
