package dev.rapport.screening;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A published version of the policy. */
public record PolicyView(
        int version,
        String textEn,
        String textZh,
        PolicyRules rules,
        @Nullable String note,
        String publishedBy,
        Instant publishedAt) {

    /** The text in the member's language (Chinese for zh, English otherwise). */
    public String text(String language) {
        return language.startsWith("zh") ? textZh : textEn;
    }
}
