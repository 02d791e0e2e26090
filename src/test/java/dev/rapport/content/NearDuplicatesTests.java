package dev.rapport.content;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.content.NearDuplicatesEvaluation.Pair;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class NearDuplicatesTests {

    private static final Instant T0 = Instant.parse("2025-03-01T09:00:00Z");
    private static final TimeWindow MONTH = TimeWindow.before(T0.plus(Duration.ofDays(1)), Duration.ofDays(30));

    private static final String BASE_EN =
            "Five tips for better product photos with your phone: use natural light, clean the lens, "
                    + "pick a plain background, shoot from eye level, and edit lightly.";
    private static final String BASE_ZH = "春季新品发布会将于3月12日在上海举行，我们会介绍全新的智能手表系列，欢迎大家预约参加。";

    @Test
    void theDefaultThresholdSeparatesCopiesFromOtherPostsOnTheParaphraseSet() {
        List<Pair> pairs = NearDuplicatesEvaluation.pairs();
        int[] c = NearDuplicatesEvaluation.confusion(pairs, NearDuplicates.DEFAULT_THRESHOLD);
        // docs/content.md: 46 copies, 3,530 other pairs; all copies found, no other pair
        assertThat(c[0]).as("copies found").isEqualTo(46);
        assertThat(c[1]).as("other pairs taken for copies").isZero();
        assertThat(c[2]).as("copies missed").isZero();
    }

    @Test
    void theIndexFindsEveryCopyOfTheParaphraseSetAndNothingElse() {
        List<String[]> rows = LabelledPosts.read("/content/near-duplicates.tsv", 3);
        NearDuplicates index = new NearDuplicates();
        for (String[] row : rows) {
            if (row[1].equals("base")) {
                index.add(row[0], "account-" + row[0].charAt(0), T0, row[2]);
            }
        }
        for (String[] row : rows) {
            List<String> found = index.similar(row[2], null, MONTH).stream()
                    .map(NearDuplicate::id)
                    .toList();
            if (row[1].equals("topic")) {
                assertThat(found).as("%s/topic", row[0]).isEmpty();
            } else {
                assertThat(found).as("%s/%s", row[0], row[1]).containsExactly(row[0]);
            }
        }
    }

    @Test
    void anEditedCopyIsFound() {
        NearDuplicates index = indexWith(BASE_EN, BASE_ZH);
        assertThat(index.similar(
                        "Five tips for better product photos with just your phone: use natural light, clean your lens, "
                                + "choose a plain background, shoot at eye level and edit lightly.",
                        null,
                        MONTH))
                .extracting(NearDuplicate::id)
                .containsExactly("en");
        assertThat(index.similar("春季新品发布会将于3月15日在上海举行，届时我们将介绍全新智能手表系列，欢迎大家提前预约参加！", null, MONTH))
                .extracting(NearDuplicate::id)
                .containsExactly("zh");
    }

    @Test
    void reorderedSentencesAreFound() {
        NearDuplicates index = indexWith(BASE_EN, BASE_ZH);
        assertThat(index.similar("我们会介绍全新的智能手表系列，欢迎大家预约参加。春季新品发布会将于3月12日在上海举行。", null, MONTH))
                .extracting(NearDuplicate::id)
                .containsExactly("zh");
    }

    @Test
    void changedEmojiHashtagsLinksAndMentionsMakeAnIdenticalCopy() {
        NearDuplicates index = indexWith(BASE_EN, BASE_ZH);
        List<NearDuplicate> en = index.similar(
                "📸 FIVE tips for better product photos with your phone — use natural light, clean the lens, pick a "
                        + "plain background, shoot from eye level, and edit lightly ✨ #photography https://x.example/p @shop",
                null,
                MONTH);
        assertThat(en).singleElement().satisfies(d -> {
            assertThat(d.identical()).isTrue();
            assertThat(d.similarity()).isEqualTo(1.0);
        });
        List<NearDuplicate> zh = index.similar(
                "🌸春季新品发布会将于3月12日在上海举行！我们会介绍全新的智能手表系列，欢迎大家预约参加👉 https://t.cn/abc123 #新品发布# @智能生活", null, MONTH);
        assertThat(zh).singleElement().extracting(NearDuplicate::identical).isEqualTo(true);
    }

    @Test
    void traditionalCharactersAndFullWidthFormsAreTheSameText() {
        NearDuplicates index = indexWith(BASE_EN, BASE_ZH);
        assertThat(index.similar("春季新品發佈會將於３月１２日在上海舉行，我們會介紹全新的智能手錶系列，歡迎大家預約參加。", null, MONTH))
                .singleElement()
                .extracting(NearDuplicate::identical)
                .isEqualTo(true);
    }

    @Test
    void theStrongestRepeatAmongAFewTextsIsFoundWithoutAnIndex() {
        String edited = "Five tips for better product photos with just your phone: use natural light, clean your lens, "
                + "choose a plain background, shoot at eye level and edit lightly.";
        assertThat(NearDuplicates.strongest(edited, List.of(BASE_ZH, BASE_EN)).orElseThrow())
                .isBetween(NearDuplicates.DEFAULT_THRESHOLD, 0.99);
        assertThat(NearDuplicates.strongest(BASE_EN, List.of(BASE_ZH, edited, BASE_EN)))
                .hasValue(1.0);
        assertThat(NearDuplicates.strongest("智能手表系列发布会圆满结束，感谢到场的每一位朋友，现场视频回放已上传。", List.of(BASE_ZH, BASE_EN)))
                .isEmpty();
        assertThat(NearDuplicates.strongest("🎉🎉🎉", List.of("🎉🎉🎉"))).isEmpty();
    }

    @Test
    void differentPostsOnTheSameTopicAreNotDuplicates() {
        NearDuplicates index = indexWith(BASE_EN, BASE_ZH);
        assertThat(index.similar(
                        "Product photos sell. Natural light beats a ring light, and a white sheet of paper makes a fine "
                                + "background. What's your phone photo trick?",
                        null,
                        MONTH))
                .isEmpty();
        assertThat(index.similar("智能手表系列发布会圆满结束，感谢到场的每一位朋友，现场视频回放已上传。", null, MONTH))
                .isEmpty();
    }

    @Test
    void theWindowAndTheAccountNarrowTheSearch() {
        NearDuplicates index = new NearDuplicates();
        index.add("old", "a", T0.minus(Duration.ofDays(60)), BASE_EN);
        index.add("other-account", "b", T0, BASE_EN);
        index.add("same-account", "a", T0.minus(Duration.ofDays(2)), BASE_EN);

        assertThat(index.similar(BASE_EN, null, MONTH))
                .extracting(NearDuplicate::id)
                .containsExactly("other-account", "same-account");
        assertThat(index.similar(BASE_EN, "a", MONTH))
                .extracting(NearDuplicate::id)
                .containsExactly("same-account");
        assertThat(index.similar(BASE_EN, "a", TimeWindow.ALWAYS))
                .extracting(NearDuplicate::id)
                .containsExactlyInAnyOrder("same-account", "old");
    }

    @Test
    void postsCanBeReplacedRemovedAndForgotten() {
        NearDuplicates index = new NearDuplicates();
        index.add("p1", "a", T0.minus(Duration.ofDays(60)), BASE_EN);
        index.add("p2", "a", T0, BASE_ZH);
        index.add("p2", "a", T0, "Something else entirely, about the weather in Lisbon today.");
        assertThat(index.similar(BASE_ZH, null, TimeWindow.ALWAYS)).isEmpty();

        index.forgetBefore(T0.minus(Duration.ofDays(30)));
        assertThat(index.similar(BASE_EN, null, TimeWindow.ALWAYS)).isEmpty();
        index.remove("p2");
        assertThat(index.size()).isZero();
    }

    @Test
    void aTextWithoutLettersMatchesNothing() {
        NearDuplicates index = new NearDuplicates();
        index.add("emoji", "a", T0, "🎉🎉🎉 #party https://x.example");
        assertThat(index.similar("🎉🎉🎉", null, TimeWindow.ALWAYS)).isEmpty();
    }

    private static NearDuplicates indexWith(String en, String zh) {
        NearDuplicates index = new NearDuplicates();
        index.add("en", "account-en", T0, en);
        index.add("zh", "account-zh", T0, zh);
        return index;
    }
}
