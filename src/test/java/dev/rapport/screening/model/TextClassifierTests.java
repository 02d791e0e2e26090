package dev.rapport.screening.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.screening.Category;
import dev.rapport.screening.text.Language;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextClassifierTests {

    private final TextClassifier classifier = TextClassifier.shipped();

    private float score(String text, Language language, Category category) {
        return classifier.scores(text, language)[category.ordinal()];
    }

    @Test
    void loadsBothLanguagesWithTheirCategories() {
        assertThat(classifier.model(Language.ZH).categories())
                .contains(Category.OFFENSIVE, Category.SEXIST, Category.RACIST, Category.DISCRIMINATORY);
        assertThat(classifier.model(Language.EN).categories())
                .contains(Category.SEXIST, Category.OFFENSIVE, Category.OBSCENE, Category.RACIST);
        assertThat(classifier.covers(Language.EN, Category.RELIGIOUS_OFFENSIVE)).isFalse();
        assertThat(classifier.model(Language.EN).notes()).contains("Parameters:");
    }

    @Test
    void anObviouslySexistEnglishTextScoresHighOnSexist() {
        String text = "Women are too emotional to lead, they belong in the kitchen and should shut up and obey men.";
        assertThat(score(text, Language.EN, Category.SEXIST)).isGreaterThan(TextClassifier.THRESHOLD);
        List<TextClassifier.Evidence> evidence = classifier.evidence(text, Language.EN, Category.SEXIST, 5);
        assertThat(evidence).isNotEmpty().allSatisfy(e -> assertThat(e.weight()).isPositive());
        assertThat(evidence)
                .extracting(TextClassifier.Evidence::ngram)
                .anyMatch(n -> n.contains("wom") || n.contains("kitchen"));
    }

    @Test
    void profanityAndInsultsScoreHighOnOffensiveAndObsceneInEnglish() {
        String text = "shut the fuck up you stupid bitch";
        assertThat(score(text, Language.EN, Category.OFFENSIVE)).isGreaterThan(TextClassifier.THRESHOLD);
        assertThat(score(text, Language.EN, Category.OBSCENE)).isGreaterThan(TextClassifier.THRESHOLD);
    }

    @Test
    void anObviouslyOffensiveChineseTextScoresHighOnOffensiveAndItsTopic() {
        String racist = "黑人都是垃圾，滚出中国，黑鬼就该死";
        assertThat(score(racist, Language.ZH, Category.OFFENSIVE)).isGreaterThan(TextClassifier.THRESHOLD);
        assertThat(score(racist, Language.ZH, Category.RACIST)).isGreaterThan(TextClassifier.THRESHOLD);
        String sexist = "女人就是头发长见识短，只配在家生孩子做饭，女拳癌都该闭嘴";
        assertThat(score(sexist, Language.ZH, Category.SEXIST)).isGreaterThan(TextClassifier.THRESHOLD);
        String regional = "河南人都是骗子，偷井盖的地域黑就是说你们";
        assertThat(score(regional, Language.ZH, Category.OFFENSIVE)).isGreaterThan(TextClassifier.THRESHOLD);
    }

    @Test
    void neutralMarketingTextScoresLowEverywhere() {
        float[] en = classifier.scores(
                "Join us on Friday for a free workshop on email marketing. Coffee is on us!", Language.EN);
        float[] zh = classifier.scores("新品上市，全场八折，欢迎周末到店体验！", Language.ZH);
        for (Category category : Category.values()) {
            assertThat(en[category.ordinal()]).as("en %s", category).isLessThan(TextClassifier.THRESHOLD);
            assertThat(zh[category.ordinal()]).as("zh %s", category).isLessThan(TextClassifier.THRESHOLD);
        }
    }

    @Test
    void oddInputNeverFails() {
        for (String text : List.of(
                "", " ", "\u200B\u200B", "🙂👍🏽👨‍👩‍👧", "\uD800 lone surrogate", "a".repeat(100_000), "שלום עולם")) {
            for (Language language : TextClassifier.LANGUAGES) {
                float[] scores = classifier.scores(text, language);
                assertThat(scores).hasSize(Category.values().length);
                for (float s : scores) {
                    assertThat(s).isBetween(0f, 1f);
                }
                classifier.evidence(text, language, Category.OFFENSIVE, 3);
            }
        }
    }

    @Test
    void evidenceSpansPointIntoTheNormalisedText() {
        String text = "Ｗomen   are   STUPID";
        String normalized = classifier.normalizer().normalize(text);
        for (TextClassifier.Evidence e : classifier.evidence(text, Language.EN, Category.SEXIST, 10)) {
            assertThat(normalized.substring(e.start(), e.end())).isEqualTo(e.ngram());
        }
    }
}
