package dev.rapport.content;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One thing about a network's variant of a post that does not fit the network, with how to fix it.
 * The composer shows {@link #messageKey()} and {@link #fixKey()}, both formatted with {@link
 * #args()}, and marks {@link #span()} in the text.
 *
 * @param rule a stable code: {@code length}, {@code media-required}, {@code too-many-images},
 *     {@code video-not-supported}, {@code hashtag-count}, {@code hashtag-style}, {@code
 *     hashtag-unsupported}, {@code link-not-clickable} or {@code language}
 * @param span the part of the text the finding is about, or null when it is about the whole post
 */
public record LintFinding(
        String rule,
        LintSeverity severity,
        List<Object> args,
        @Nullable Span span) {

    /** The chars {@code [start, end)} of the text, as UTF-16 indexes (JavaScript's too). */
    public record Span(int start, int end) {}

    public LintFinding {
        args = List.copyOf(args);
    }

    public String messageKey() {
        return "content.lint." + rule;
    }

    public String fixKey() {
        return messageKey() + ".fix";
    }
}
