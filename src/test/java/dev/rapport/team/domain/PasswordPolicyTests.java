package dev.rapport.team.domain;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.core.Refusal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PasswordPolicyTests {

    @ParameterizedTest
    @CsvSource({
        "short1!, password.too-short",
        "password1234, password.too-common",
        "aaaaaaaaaaaaaaaa, password.too-common",
        "ada.lovelace-rocks!, password.contains-email",
    })
    void weakPasswordsAreRefusedWithTheirReason(String password, String reason) {
        assertThatThrownBy(() -> PasswordPolicy.check(password, "ada.lovelace@example.com"))
                .isInstanceOf(Refusal.class)
                .extracting(e -> ((Refusal) e).messageKey())
                .isEqualTo(reason);
    }

    @Test
    void chinesePasswordsCountCharactersNotBytes() {
        assertThatCode(() -> PasswordPolicy.check("春眠不觉晓处处闻啼鸟夜来", "ada@example.com"))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> PasswordPolicy.check("春眠不觉晓处处闻啼鸟夜来风雨声花落知多少春眠不觉晓处处闻啼鸟", "ada@example.com"))
                .extracting(e -> ((Refusal) e).messageKey())
                .isEqualTo("password.too-long");
    }

    @Test
    void aLongPassphraseIsAccepted() {
        assertThatCode(() -> PasswordPolicy.check("correct horse battery staple", "ada@example.com"))
                .doesNotThrowAnyException();
    }
}
