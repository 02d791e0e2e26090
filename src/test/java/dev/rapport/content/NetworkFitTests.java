package dev.rapport.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.rapport.connectors.TextLength;
import dev.rapport.connectors.spi.NetworkProfile;
import dev.rapport.connectors.spi.NetworkProfile.Counting;
import dev.rapport.connectors.spi.NetworkProfile.Fact;
import dev.rapport.connectors.spi.NetworkProfile.Media;
import dev.rapport.content.LintFinding.Span;
import dev.rapport.content.NetworkFit.Variant;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Variants checked against the built-in network profiles, each text counted the network's way. */
class NetworkFitTests {

    static final Map<String, NetworkProfile> PROFILES = builtInProfiles();

    @Test
    void onXChineseEmojiAndALinkWeighMoreThanTheyLook() {
        // 120 字 × 2 + " Try it " 8 + 🚀 2 + two spaces 2 + the link 23 + 4 字 × 2 = 283
        String text = "新品".repeat(60) + " Try it 🚀 https://example.com/launch/2026/spring-collection 立即体验";
        assertThat(text.codePointCount(0, text.length())).isLessThan(280);

        assertThat(check("x", text, 0, false, List.of("zh-CN"))).singleElement().satisfies(finding -> {
            assertThat(finding.rule()).isEqualTo("length");
            assertThat(finding.severity()).isEqualTo(LintSeverity.ERROR);
            assertThat(finding.args()).containsExactly(3, 280);
        });
    }

    @Test
    void aPostRightAtTheLimitIsNoFinding() {
        assertThat(check("x", "字".repeat(140), 0, false, List.of("zh-CN"))).isEmpty();
        assertThat(check("weibo", "字".repeat(2000), 0, false, null)).isEmpty();
        assertThat(check("weibo", "字".repeat(2001), 0, false, null))
                .extracting(LintFinding::rule, LintFinding::args)
                .containsExactly(tuple("length", List.of(1, 2000)));
    }

    @Test
    void onBlueskyAnEmojiFamilyIsOneCharacterAndTheSpanMarksWhatIsPastTheLimit() {
        String family = "👨‍👩‍👧‍👦"; // seven code points, eleven chars
        String fits = family.repeat(10) + "Launch day! ".repeat(24) + "ok"; // 10 + 288 + 2 = 300
        assertThat(check("bluesky", fits, 0, false, null)).isEmpty();

        String over = fits + "!!";
        LintFinding finding = check("bluesky", over, 0, false, null).get(0);
        assertThat(finding.rule()).isEqualTo("length");
        assertThat(finding.args()).containsExactly(2, 300);
        assertThat(marked(over, finding)).isEqualTo("!!");
    }

    @Test
    void weiboClosesHashtagsAndKeepsToTwo() {
        List<LintFinding> open = check("weibo", "#新品发布 今天上线，欢迎大家来试试！", 1, false, null);
        assertThat(open).singleElement().satisfies(finding -> {
            assertThat(finding.rule()).isEqualTo("hashtag-style");
            assertThat(finding.severity()).isEqualTo(LintSeverity.WARNING);
            assertThat(finding.args()).containsExactly("#新品发布", "#新品发布#");
        });
        assertThat(marked("#新品发布 今天上线，欢迎大家来试试！", open.get(0))).isEqualTo("#新品发布");

        String three = "#新品发布#今天上线#春季上新##限时优惠#，欢迎大家来试试！";
        assertThat(check("weibo", three, 1, false, null)).singleElement().satisfies(finding -> {
            assertThat(finding.rule()).isEqualTo("hashtag-count");
            assertThat(finding.args()).containsExactly(3, 2);
            assertThat(marked(three, finding)).isEqualTo("#限时优惠#");
        });
    }

    @Test
    void xWritesHashtagsOpen() {
        assertThat(check("x", "Spring launch today: come and try it #新品发布#", 0, false, null))
                .singleElement()
                .satisfies(finding -> {
                    assertThat(finding.rule()).isEqualTo("hashtag-style");
                    assertThat(finding.args()).containsExactly("#新品发布#", "#新品发布");
                });
    }

    @Test
    void onANetworkWithoutHashtagsOnlyRealHashtagsAreFlagged() {
        String text = "Learn C# in 5 steps, step #1: https://x.com/docs#intro #dotnet";
        assertThat(check("zhihu", text, 0, false, List.of("en")))
                .singleElement()
                .satisfies(finding -> {
                    assertThat(finding.rule()).isEqualTo("hashtag-unsupported");
                    assertThat(finding.args()).containsExactly("#dotnet");
                    assertThat(marked(text, finding)).isEqualTo("#dotnet");
                });
    }

    @Test
    void aLinkInAWeChatPostCannotBeClicked() {
        String text = "春季新品今天上线，详情见 https://rapport.example/launch。欢迎转发！";
        assertThat(check("wechat", text, 1, false, null)).singleElement().satisfies(finding -> {
            assertThat(finding.rule()).isEqualTo("link-not-clickable");
            assertThat(finding.severity()).isEqualTo(LintSeverity.WARNING);
            assertThat(marked(text, finding)).isEqualTo("https://rapport.example/launch");
        });
        assertThat(check("weibo", text, 1, false, null))
                .as("Weibo links are clickable")
                .isEmpty();
    }

    @Test
    void instagramNeedsAnImageOrAVideoAndTakesAtMostTen() {
        String text = "Our spring collection is here. Which colour is your favourite?";
        assertThat(check("instagram", text, 0, false, null)).singleElement().satisfies(finding -> {
            assertThat(finding.rule()).isEqualTo("media-required");
            assertThat(finding.severity()).isEqualTo(LintSeverity.ERROR);
        });
        assertThat(check("instagram", text, 1, false, null)).isEmpty();
        assertThat(check("instagram", text, 0, true, null)).isEmpty();
        assertThat(check("instagram", text, 11, false, null))
                .extracting(LintFinding::rule, LintFinding::severity, LintFinding::args)
                .containsExactly(tuple("too-many-images", LintSeverity.ERROR, List.of(11, 10)));
    }

    @Test
    void aVideoWhereTheNetworkTakesNone() {
        NetworkProfile imagesOnly = withMedia(PROFILES.get("mastodon"), new Media(false, 4, false, null));
        String text = "Our spring collection is here. Which colour is your favourite?";

        assertThat(NetworkFit.check(new Variant(text, 0, true, null), imagesOnly, length(imagesOnly, text)))
                .extracting(LintFinding::rule)
                .containsExactly("video-not-supported");
        assertThat(check("mastodon", text, 0, true, null)).isEmpty();
    }

    @Test
    void aFactTheProfileDoesNotKnowChecksNothing() {
        String text = "新品视频今天上线，完整版见 https://rapport.example/v 欢迎三连！" + " #新品".repeat(12);
        assertThat(PROFILES.get("bilibili").links().value().clickable()).isNull();
        assertThat(PROFILES.get("douyin").hashtags().value().recommendedMax()).isNull();

        assertThat(check("bilibili", text.replace(" #新品", " #新品#"), 0, true, null))
                .isEmpty();
        assertThat(check("douyin", text, 0, true, null))
                .extracting(LintFinding::rule)
                .containsExactly("link-not-clickable");
    }

    @Test
    void aTextInALanguageTheAudienceDoesNotReadIsFlagged() {
        String chinese = "春季新品今天正式上线，欢迎大家来体验并告诉我们你的想法！";
        assertThat(check("x", chinese, 0, false, null)).singleElement().satisfies(finding -> {
            assertThat(finding.rule()).isEqualTo("language");
            assertThat(finding.severity()).isEqualTo(LintSeverity.WARNING);
            assertThat(finding.args()).containsExactly("zh", "en, ja, es, pt, ar, fr, de");
        });
        assertThat(check("x", chinese, 0, false, List.of("zh-CN", "en")))
                .as("the account's own audience reads Chinese")
                .isEmpty();
        assertThat(check("wechat", "Our spring collection is here. Which colour is your favourite?", 1, false, null))
                .extracting(LintFinding::rule, LintFinding::args)
                .containsExactly(tuple("language", List.of("en", "zh-CN")));
    }

    @Test
    void japaneseShortAndMixedTextsAreNotFlaggedForLanguage() {
        String japanese = "春の新作が今日から発売されます。ぜひお試しください！";
        assertThat(check("x", japanese, 0, false, null)).isEmpty();
        assertThat(check("wechat", japanese, 1, false, null))
                .extracting(LintFinding::args)
                .containsExactly(List.of("ja", "zh-CN"));
        assertThat(check("x", "好的，谢谢大家！👍", 0, false, null)).isEmpty();
        assertThat(check("x", "Rapport 的 spring launch 今天开始, join us and 一起看看", 0, false, null))
                .isEmpty();
    }

    @ParameterizedTest
    @MethodSource("networks")
    void aPostWrittenForTheNetworkHasNoFindings(String network) {
        NetworkProfile profile = PROFILES.get(network);
        boolean chinese = profile.languages().value().contains("zh-CN");
        String hashtag = switch (profile.hashtags().value().style()) {
            case "weibo" -> chinese ? " #春季上新#" : " #SpringLaunch#";
            case "hash" -> chinese ? " #春季上新" : " #SpringLaunch";
            default -> "";
        };
        String text = (chinese
                        ? "春季新品今天上线，欢迎大家来体验，告诉我们你最喜欢哪一款？"
                        : "Our spring collection is out today. Which colour would you pick first?")
                + hashtag;
        boolean videoOnly = Integer.valueOf(0).equals(profile.media().value().maxImages());

        assertThat(check(network, text, videoOnly ? 0 : 1, videoOnly, null)).isEmpty();
    }

    @Test
    void everyFindingReadsInBothLanguages() {
        List<LintFinding> findings = Stream.of(
                        check("x", "字".repeat(141), 0, false, null),
                        check("youtube", "Spring launch #a #b #c #d #e #f", 1, false, null),
                        check("wechat", "Read more: https://rapport.example #launch", 0, false, null),
                        check("weibo", "今天上线 #新品", 0, false, null),
                        NetworkFit.check(
                                new Variant("Our new video", 0, true, null),
                                withMedia(PROFILES.get("x"), new Media(false, 4, false, null)),
                                new TextLength(13, 280)))
                .flatMap(List::stream)
                .toList();
        assertThat(findings)
                .extracting(LintFinding::rule)
                .contains(
                        "length",
                        "media-required",
                        "too-many-images",
                        "video-not-supported",
                        "hashtag-count",
                        "hashtag-style",
                        "hashtag-unsupported",
                        "link-not-clickable",
                        "language");

        for (String bundle : List.of("messages.properties", "messages_zh_CN.properties")) {
            Properties messages = bundle(bundle);
            for (LintFinding finding : findings) {
                for (String key : List.of(finding.messageKey(), finding.fixKey())) {
                    assertThat(messages.getProperty(key))
                            .as(bundle + ": " + key)
                            .isNotBlank();
                    String text = MessageFormat.format(
                            messages.getProperty(key), finding.args().toArray());
                    assertThat(text).as(bundle + ": " + key).doesNotContain("{", "}");
                }
            }
        }
        LintFinding noImages = findings.stream()
                .filter(finding -> finding.rule().equals("too-many-images"))
                .findFirst()
                .orElseThrow();
        assertThat(new MessageFormat(bundle("messages.properties").getProperty(noImages.messageKey()), Locale.ENGLISH)
                        .format(noImages.args().toArray()))
                .isEqualTo("1 image, but this network takes none.");
    }

    static Stream<String> networks() {
        return PROFILES.keySet().stream();
    }

    static List<LintFinding> check(
            String network, String text, int images, boolean video, @Nullable List<String> languages) {
        NetworkProfile profile = PROFILES.get(network);
        return NetworkFit.check(new Variant(text, images, video, languages), profile, length(profile, text));
    }

    /** As {@code NetworkProfiles.length} counts, without a connected Mastodon server's settings. */
    static TextLength length(NetworkProfile profile, String text) {
        Counting counting = profile.textLimit().value().counting();
        Integer max =
                counting == Counting.NONE ? null : profile.textLimit().value().max();
        Integer urlLength = profile.links().value().countedAs();
        return new TextLength(TextLength.count(counting, text, urlLength == null ? 23 : urlLength), max);
    }

    static String marked(String text, LintFinding finding) {
        Span span = finding.span();
        assertThat(span).as("span of " + finding.rule()).isNotNull();
        return text.substring(span.start(), span.end());
    }

    static NetworkProfile withMedia(NetworkProfile profile, Media media) {
        return new NetworkProfile(
                profile.network(),
                profile.name(),
                profile.textLimit(),
                profile.hashtags(),
                profile.links(),
                new Fact<>(media, null, "adjusted"),
                profile.languages(),
                profile.tone(),
                profile.postingWindows(),
                profile.postingApi());
    }

    /** The built-in profiles, read as {@code NetworkProfiles} reads them. */
    static Map<String, NetworkProfile> builtInProfiles() {
        JsonMapper json = JsonMapper.builder().build();
        try (InputStream in =
                NetworkFitTests.class.getResourceAsStream("/dev/rapport/connectors/network-profiles.json")) {
            Map<String, NetworkProfile> profiles = new LinkedHashMap<>();
            for (JsonNode node : json.readTree(in).path("profiles")) {
                NetworkProfile profile = json.treeToValue(node, NetworkProfile.class);
                profiles.put(profile.network(), profile);
            }
            return profiles;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Properties bundle(String name) {
        Properties properties = new Properties();
        try (var reader =
                new InputStreamReader(NetworkFitTests.class.getResourceAsStream("/" + name), StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
