package dev.rapport.screening.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.screening.text.Language;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeaturesTests {

    private static List<String> spans(String text, Language language) {
        List<String> spans = new ArrayList<>();
        Features.extract(text, language, (1 << 20) - 1, (bucket, start, end) -> spans.add(text.substring(start, end)));
        return spans;
    }

    @Test
    void chineseHasCharacterOneToFourGrams() {
        assertThat(spans("你好吗", Language.ZH)).containsExactly("你", "你好", "你好吗", "好", "好吗", "吗");
    }

    @Test
    void englishHasWordsBigramsAndCharacterGramsWithinWords() {
        List<String> spans = spans("hi you", Language.EN);
        assertThat(spans).contains("hi", "you", "hi you", "yo", "ou");
        assertThat(spans).filteredOn(s -> s.contains(" ")).containsExactly("hi you");
    }

    @Test
    void linksAndMentionsAreOneFeatureEach() {
        assertThat(spans("https://example.com/a-b?c=d", Language.EN)).containsExactly("https://example.com/a-b?c=d");
        assertThat(spans("@someone", Language.ZH)).containsExactly("@someone");
    }

    @Test
    void digitsAreFolded() {
        int[] a = new int[4];
        int[] b = new int[4];
        int[] n = {0};
        Features.extract("12", Language.ZH, 1023, (bucket, start, end) -> a[n[0]++] = bucket);
        n[0] = 0;
        Features.extract("97", Language.ZH, 1023, (bucket, start, end) -> b[n[0]++] = bucket);
        assertThat(a).isEqualTo(b);
    }

    @Test
    void theStandInNormaliserFoldsWidthCaseAndInvisibleCharacters() {
        assertThat(SimpleNormalizer.INSTANCE.normalize("Ｈｅｌｌｏ W\u200Borld\u00AD"))
                .isEqualTo("hello world");
    }
}
