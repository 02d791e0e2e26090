package dev.rapport.inbox.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

/** Why a message was classified as it was, in the member's language, never as the classifier's codes. */
class EvidenceTextTests {

    static final String STORED =
            "扣了两次 → intent:BILLING; 扣了两次 → sentiment:NEGATIVE; policy screen: obscene → intent:ABUSE";

    final EvidenceText evidence = new EvidenceText(messages());

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void inChinese() {
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
        assertThat(evidence.text(STORED)).isEqualTo("扣了两次 → 账单；扣了两次 → 负面；政策筛查：淫秽粗俗 → 辱骂");
    }

    @Test
    void inEnglish() {
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(evidence.text(STORED)).isEqualTo("扣了两次 → Billing; 扣了两次 → Negative; policy screen: obscene → Abuse");
    }

    @Test
    void whatItDoesNotKnowIsShownAsKept() {
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(evidence.text("refund → intent:SOMETHING_NEW; a cue without a decision"))
                .isEqualTo("refund → SOMETHING_NEW; a cue without a decision");
    }

    static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }
}
