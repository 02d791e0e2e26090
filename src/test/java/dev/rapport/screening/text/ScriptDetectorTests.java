package dev.rapport.screening.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScriptDetectorTests {

    @Test
    void chineseEnglishAndMixed() {
        assertThat(ScriptDetector.detect("今天发布新品，欢迎大家来体验")).isEqualTo(Language.ZH);
        assertThat(ScriptDetector.detect("新品 iPhone 今天发布")).isEqualTo(Language.ZH);
        assertThat(ScriptDetector.detect("Our new product launches today, see you there"))
                .isEqualTo(Language.EN);
        assertThat(ScriptDetector.detect("Our new 产品 launches today")).isEqualTo(Language.EN);
        assertThat(ScriptDetector.detect("我们的 new product 今天 launch 了")).isEqualTo(Language.MIXED);
    }

    @Test
    void noLettersIsMixed() {
        assertThat(ScriptDetector.detect("")).isEqualTo(Language.MIXED);
        assertThat(ScriptDetector.detect("👍 123 !!!")).isEqualTo(Language.MIXED);
        assertThat(ScriptDetector.detect("\uD800")).isEqualTo(Language.MIXED);
    }
}
