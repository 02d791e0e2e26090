package dev.rapport.content.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CanonicalTests {

    @Test
    void decorationIsSetAside() {
        assertThat(
                        Canonical.of(
                                "🌸 NEW in the app — check https://x.example/a?b=1 and www.y.example, bit.ly/abc @Rapport #launch!"))
                .isEqualTo("new in the app check and");
        assertThat(Canonical.of("＃新品发布＃ 今天，我们 发布了 Ｒａｐｐｏｒｔ ２.０！@小米公司 #周末#")).isEqualTo("今天我们发布了rapport 2 0");
    }

    @Test
    void traditionalFoldsToSimplified() {
        assertThat(Folding.fold("與我們聯繫")).isEqualTo("与我们联系");
    }

    @Test
    void shinglesNeedNoSegmentation() {
        assertThat(Shingles.of("今天我们")).hasSize(3);
        assertThat(Shingles.of("hello")).hasSize(1);
        assertThat(Shingles.of("hello world")).hasSize(7);
        assertThat(Shingles.of("")).isEmpty();
    }
}
