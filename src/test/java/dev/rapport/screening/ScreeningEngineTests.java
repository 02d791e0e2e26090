package dev.rapport.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The whole screen, without Spring: what a marketer would see for typical texts. */
class ScreeningEngineTests {

    static final ScreeningEngine SCREEN = new ScreeningEngine(PolicyRules.defaults());

    @Test
    void ordinaryMarketingPostsPass() {
        for (String post : List.of(
                "Our spring menu is here: oat milk lattes, matcha scones and a new cold brew. See you this weekend!",
                "感谢各位顾客一年来的支持！新品发布会将于 3 月 15 日在上海举行，欢迎报名参加。",
                "Q&A: yes, the Scunthorpe store opens at 9 am, and the cocktail class starts at 7 pm.",
                "周末特惠：鸡肉卷第二份半价，小姐姐们快来打卡～")) {
            Verdict verdict = SCREEN.screen(post, "auto");
            assertThat(verdict.action()).as(post + " → " + verdict.findings()).isIn(Action.PASS, Action.WARN);
            assertThat(verdict.flagged()).isFalse();
        }
    }

    @Test
    void anInsultIsStoppedAndItsWordsArePointedAt() {
        String text = "闭嘴吧你这个傻逼";
        Verdict verdict = SCREEN.screen(text, "auto");

        assertThat(verdict.flagged()).isTrue();
        assertThat(verdict.language()).isEqualTo("zh");
        Verdict.Finding finding = verdict.findings().get(0);
        assertThat(finding.spans()).isNotEmpty();
        Verdict.Span span = finding.spans().get(0);
        assertThat(text.substring(span.start(), span.end())).isEqualTo("傻逼");
    }

    @Test
    void anEvasiveSpellingIsStoppedAndTheSpanCoversWhatWasWritten() {
        String text = "what a f.u.c.k.i.n.g joke, you m0r0n";
        Verdict verdict = SCREEN.screen(text, "en");

        assertThat(verdict.flagged()).isTrue();
        assertThat(verdict.findings())
                .flatExtracting(Verdict.Finding::evidence)
                .anySatisfy(word -> assertThat(word).contains("f.u.c.k"));
    }

    @Test
    void aOneLetterWordBeforeASpacedOutWordStaysAWord() {
        assertThat(SCREEN.screen("what a f u c k i n g mess", "en").findings())
                .flatExtracting(Verdict.Finding::evidence)
                .contains("f u c k i n g");
        assertThat(SCREEN.screen("what a f.u.c.k.i.n.g mess", "en").findings())
                .flatExtracting(Verdict.Finding::evidence)
                .contains("f.u.c.k.i.n.g");
    }

    @Test
    void aSexistTextIsFoundAsSexist() {
        Verdict verdict = SCREEN.screen("Women are too emotional to lead, they belong in the kitchen.", "en");
        assertThat(verdict.findings()).extracting(Verdict.Finding::category).contains(Category.SEXIST);
        assertThat(verdict.action()).isNotEqualTo(Action.PASS);
    }

    @Test
    void theWorkspacesOwnTermsAreFoundEvenWhenDisguised() {
        var rules = new PolicyRules(
                PolicyRules.defaults().categories(),
                List.of(new PolicyRules.Term("Project Falcon", Action.BLOCK, "confidential until launch")));
        var screen = new ScreeningEngine(rules);

        Verdict verdict = screen.screen("Sneak peek of ＰＲＯＪＥＣＴ FALCON next week!", "en");

        assertThat(verdict.action()).isEqualTo(Action.BLOCK);
        assertThat(verdict.terms()).singleElement().satisfies(term -> {
            assertThat(term.term()).isEqualTo("Project Falcon");
            assertThat(term.note()).isEqualTo("confidential until launch");
        });
    }

    @Test
    void theRulesDecideTheAction() {
        var lenient = new java.util.EnumMap<Category, PolicyRules.SeverityActions>(Category.class);
        for (Category category : Category.values()) {
            lenient.put(category, new PolicyRules.SeverityActions(Action.WARN, Action.WARN, Action.PASS));
        }
        var screen = new ScreeningEngine(new PolicyRules(lenient, List.of()));

        assertThat(screen.screen("闭嘴吧你这个傻逼", "zh").action()).isEqualTo(Action.WARN);
    }

    @Test
    void badInputNeverCrashesAndNeverPassesSilently() {
        for (String text : List.of(
                "",
                "x".repeat(100_000),
                "\ud800 lone \udc00 surrogates",
                "\u0000\u0007 control \u001b[31m",
                "👨‍👩‍👧‍👦🏳️‍🌈 family",
                "مرحبا بالعالم שלום עולם")) {
            Verdict verdict = SCREEN.screen(text, "auto");
            assertThat(verdict.action()).isNotNull();
            for (Verdict.Finding finding : verdict.findings()) {
                for (Verdict.Span span : finding.spans()) {
                    assertThat(span.start()).isBetween(0, text.length());
                    assertThat(span.end()).isBetween(span.start(), text.length());
                }
            }
        }
        assertThat(SCREEN.screen("fuck\u200b you \ud800", "auto").flagged()).isTrue();
    }
}
