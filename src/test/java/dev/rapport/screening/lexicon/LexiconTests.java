package dev.rapport.screening.lexicon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.screening.Category;
import dev.rapport.screening.text.Language;
import java.util.List;
import org.junit.jupiter.api.Test;

class LexiconTests {

    @Test
    void theStandardLexiconLoads() {
        Lexicon lexicon = Lexicon.standard();
        assertThat(lexicon.terms()).hasSizeGreaterThan(1000);
        assertThat(lexicon.allowed()).contains("鸡肉", "小姐姐");
        assertThat(lexicon.groups()).extracting(GroupTerm::surface).contains("women", "黑人");
        for (Category category : Category.values()) {
            assertThat(lexicon.terms()).as(category.code()).anyMatch(t -> t.category() == category);
        }
        assertThat(lexicon.terms()).allMatch(t -> !t.spellings().isEmpty());
    }

    @Test
    void curatedWordsAreNotTerms() {
        List<String> spellings = Lexicon.standard().terms().stream()
                .flatMap(t -> t.spellings().stream())
                .toList();
        assertThat(spellings).doesNotContain("乳", "鸡", "小姐", "按摩", "桑拿", "gay", "lesbian", "queer", "crow", "69");
    }

    @Test
    void aWorkspaceCanAddTerms() {
        Term codename = new Term(
                "Project Falcon",
                Category.OFFENSIVE,
                2,
                Language.EN,
                true,
                false,
                List.of("project falcon"),
                "workspace");
        LexiconMatcher matcher = new LexiconMatcher(Lexicon.standard().with(List.of(codename)));
        assertThat(matcher.match("Leaked: PROJECT FALCON ships soon").hits())
                .extracting(Hit::canonical)
                .containsExactly("Project Falcon");
    }
}
