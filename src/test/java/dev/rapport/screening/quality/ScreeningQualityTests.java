package dev.rapport.screening.quality;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.screening.PolicyRules;
import dev.rapport.screening.ScreeningEngine;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScreeningQualityTests {

    private static final Path POSTS = Path.of("src/test/resources/screening/marketing-posts.tsv");

    /** The cut-off evidence replays the engine's decision: it must be the engine's at its own constants. */
    @Test
    void theReplayedDecisionIsTheEngines() throws IOException {
        ScreeningEngine engine = new ScreeningEngine(PolicyRules.defaults());
        Probe probe = new Probe();
        List<String> texts = new ArrayList<>();
        for (ScreeningQuality.Post post : ScreeningQuality.posts(POSTS)) {
            texts.add(post.text());
        }
        texts.addAll(List.of(
                "you are a fuck",
                "you are not an idiot",
                "he called me a bitch",
                "Women are too emotional to lead, they belong in the kitchen",
                "你是傻逼",
                "他不是傻逼",
                "说我是“傻逼”",
                "黑鬼滚出去",
                "河南人都是骗子",
                "女人就该待在家里",
                "Our new 鸡肉 burger is here, 限时折扣!"));
        int flagged = 0;
        for (String text : texts) {
            boolean expected = engine.screen(text, "auto").flagged();
            flagged += expected ? 1 : 0;
            assertThat(Probe.flagged(
                            probe.inputs(text, "auto"), ScreeningEngine.LOW_SCORE, ScreeningEngine.MEDIUM_SCORE))
                    .as(text)
                    .isEqualTo(expected);
        }
        assertThat(flagged).isPositive();
    }

    @Test
    void counts() {
        ScreeningQuality.Counts counts = new ScreeningQuality.Counts();
        counts.add(true, true); // tp
        counts.add(true, true); // tp
        counts.add(true, false); // fp
        counts.add(false, true); // fn
        counts.add(false, false); // tn
        counts.add(false, false); // tn
        assertThat(counts.precision()).isEqualTo(2 / 3.0);
        assertThat(counts.recall()).isEqualTo(2 / 3.0);
        assertThat(counts.accuracy()).isEqualTo(4 / 6.0);
        assertThat(counts.macroF1()).isEqualTo(2 / 3.0);
    }

    @Test
    void theTestSuitesAreCountedFromTheirSources() throws IOException {
        String summary = ScreeningQuality.TestSuites.summary(Path.of("src/test/java/dev/rapport/screening"));
        assertThat(summary).contains("| LexiconMatcherTests | english evasions are defeated |");
        assertThat(summary).doesNotContain("(not found)");
    }

    @Test
    void benchJsonLinesAreJson() {
        assertThat(BenchCorpus.json("a \"b\" \\ c\nd\te\u0001")).isEqualTo("a \\\"b\\\" \\\\ c\\nd\\te\\u0001");
    }
}
