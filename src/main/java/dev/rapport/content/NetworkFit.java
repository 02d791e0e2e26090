package dev.rapport.content;

import dev.rapport.connectors.TextLength;
import dev.rapport.connectors.spi.NetworkProfile;
import dev.rapport.connectors.spi.NetworkProfile.Counting;
import dev.rapport.connectors.spi.NetworkProfile.Hashtags;
import dev.rapport.connectors.spi.NetworkProfile.Media;
import dev.rapport.content.LintFinding.Span;
import dev.rapport.content.text.Canonical;
import dev.rapport.content.text.Hashtag;
import dev.rapport.content.text.Link;
import dev.rapport.content.text.Script;
import dev.rapport.content.text.Words;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * How well a network's variant of a post fits that network's {@link NetworkProfile}: the composer's
 * lint. A fact the profile does not know (null) checks nothing, so an unknown limit is never read as
 * zero.
 */
public final class NetworkFit {

    /** Fewer letters than this say too little about the language. */
    static final int LANGUAGE_MIN_LETTERS = 10;

    private static final Pattern GRAPHEME = Pattern.compile("\\X");

    /**
     * A network's variant of a post, as the composer has it.
     *
     * @param images how many images are attached
     * @param video whether a video is attached
     * @param audienceLanguages the languages this account's audience reads (codes such as {@code zh-CN}
     *     or {@code en}), or null for the network's main languages
     */
    public record Variant(
            String text,
            int images,
            boolean video,
            @Nullable List<String> audienceLanguages) {}

    private NetworkFit() {}

    /**
     * The findings for a variant, errors first.
     *
     * @param length the text's length as the network counts it ({@code NetworkProfiles.length})
     */
    public static List<LintFinding> check(Variant variant, NetworkProfile profile, TextLength length) {
        List<LintFinding> findings = new ArrayList<>();
        length(variant.text(), profile.textLimit().value().counting(), length, findings);
        media(variant, profile.media().value(), findings);
        hashtags(variant.text(), profile.hashtags().value(), findings);
        if (Boolean.FALSE.equals(profile.links().value().clickable())) {
            for (Link link : Link.in(variant.text())) {
                findings.add(warning("link-not-clickable", List.of(link.url()), new Span(link.start(), link.end())));
            }
        }
        List<String> expected =
                variant.audienceLanguages() == null ? profile.languages().value() : variant.audienceLanguages();
        language(variant.text(), expected, findings);
        return List.copyOf(findings);
    }

    private static void length(String text, Counting counting, TextLength length, List<LintFinding> findings) {
        Integer max = length.max();
        if (max != null && length.over()) {
            findings.add(new LintFinding(
                    "length", LintSeverity.ERROR, List.of(length.count() - max, max), beyond(text, counting, max)));
        }
    }

    /**
     * The part of the text past the limit, where counting it needs no more than the text: X's weights
     * and Mastodon's link length would have to be counted again, so they get no span.
     */
    private static @Nullable Span beyond(String text, Counting counting, int max) {
        int start = -1;
        if (counting == Counting.CHARACTERS && text.codePointCount(0, text.length()) > max) {
            start = text.offsetByCodePoints(0, max);
        } else if (counting == Counting.GRAPHEMES) {
            Matcher grapheme = GRAPHEME.matcher(text);
            for (int i = 0; i < max && grapheme.find(); i++) {
                start = grapheme.end();
            }
        }
        return start < 0 || start >= text.length() ? null : new Span(start, text.length());
    }

    private static void media(Variant variant, Media media, List<LintFinding> findings) {
        if (Boolean.TRUE.equals(media.required()) && variant.images() == 0 && !variant.video()) {
            findings.add(error("media-required", List.of()));
        }
        if (media.maxImages() != null && variant.images() > media.maxImages()) {
            findings.add(error("too-many-images", List.of(variant.images(), media.maxImages())));
        }
        if (variant.video() && Boolean.FALSE.equals(media.video())) {
            findings.add(error("video-not-supported", List.of()));
        }
    }

    private static void hashtags(String text, Hashtags rule, List<LintFinding> findings) {
        List<Hashtag> hashtags = Hashtag.in(text);
        Integer max = rule.recommendedMax();
        if (max != null && hashtags.size() > max) {
            // from the first hashtag past the recommended number to the end of the last
            Span extra = new Span(
                    hashtags.get(max).start(), hashtags.get(hashtags.size() - 1).end());
            findings.add(warning("hashtag-count", List.of(hashtags.size(), max), extra));
        }
        for (Hashtag hashtag : hashtags) {
            String written = text.substring(hashtag.start(), hashtag.end());
            Span span = new Span(hashtag.start(), hashtag.end());
            switch (rule.style()) {
                case "weibo" -> {
                    if (!hashtag.closed()) {
                        findings.add(warning("hashtag-style", List.of(written, hashtag.closedForm()), span));
                    }
                }
                case "hash" -> {
                    if (hashtag.closed()) {
                        findings.add(warning("hashtag-style", List.of(written, hashtag.openForm()), span));
                    }
                }
                case "none" -> findings.add(warning("hashtag-unsupported", List.of(written), span));
                default -> {
                    // a style Rapport does not know yet checks nothing
                }
            }
        }
    }

    private static void language(String text, List<String> expected, List<LintFinding> findings) {
        String canonical = Canonical.of(text);
        if (expected.isEmpty()
                || canonical.codePoints().filter(Character::isLetter).count() < LANGUAGE_MIN_LETTERS) {
            return;
        }
        String language = Script.language(canonical, Words.of(canonical));
        // Script counts kana with Chinese characters; kana only occur in Japanese
        if (language.equals("zh") && canonical.codePoints().anyMatch(cp -> cp >= 0x3040 && cp <= 0x30FF)) {
            language = "ja";
        }
        String detected = language;
        boolean read = detected.equals("mixed")
                || expected.stream()
                        .anyMatch(code ->
                                code.toLowerCase(Locale.ROOT).split("-")[0].equals(detected));
        if (!read) {
            findings.add(warning("language", List.of(detected, String.join(", ", expected)), null));
        }
    }

    private static LintFinding error(String rule, List<Object> args) {
        return new LintFinding(rule, LintSeverity.ERROR, args, null);
    }

    private static LintFinding warning(String rule, List<Object> args, @Nullable Span span) {
        return new LintFinding(rule, LintSeverity.WARNING, args, span);
    }
}
