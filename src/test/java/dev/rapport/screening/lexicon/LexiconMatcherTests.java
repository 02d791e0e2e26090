package dev.rapport.screening.lexicon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.screening.Category;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LexiconMatcherTests {

    private static final LexiconMatcher MATCHER = LexiconMatcher.standard();

    private static List<Hit> hits(String text) {
        return MATCHER.match(text).hits();
    }

    /** One hit, for the canonical term, covering exactly {@code covered} in the original. */
    private static Hit single(String text, String canonical, String covered) {
        List<Hit> hits = hits(text);
        assertThat(hits).as("hits in %s", text).hasSize(1);
        Hit hit = hits.get(0);
        assertThat(hit.canonical()).isEqualTo(canonical);
        assertThat(hit.in(text)).isEqualTo(covered);
        return hit;
    }

    // ------------------------------------------------------------------ the evasion suite

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "you are a fuck | fuck | fuck", // plain, the baseline
                "ｆｕｃｋ this | fuck | ｆｕｃｋ", // full-width
                "𝐟𝐮𝐜𝐤 this | fuck | 𝐟𝐮𝐜𝐤", // mathematical letters
                "FUCK this | fuck | FUCK", // case
                "fu\u200bck this | fuck | fu\u200bck", // zero-width space
                "f\u00ADu\u2060ck this | fuck | f\u00ADu\u2060ck", // soft hyphen, word joiner
                "f.u.c.k this | fuck | f.u.c.k", // dots
                "f-u-c-k this | fuck | f-u-c-k", // hyphens
                "f u c k this | fuck | f u c k", // spaces
                "fuuuuuck this | fuck | fuuuuuck", // elongation
                "fսck this | fuck | fսck", // Armenian look-alike
                "fück this | fuck | fück", // accent
                "f*ck this | fuck | f*ck", // masked vowel
                "this is sh1t | shit | sh1t", // leetspeak
                "what a b1tch | bitch | b1tch",
                "what an a$$ | ass | a$$",
                "you s1ut | slut | s1ut", // 1 for l
                "ѕlut | slut | ѕlut" // Cyrillic dze
            })
    void englishEvasionsAreDefeated(String text, String canonical, String covered) {
        single(text, canonical, covered);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "你是傻逼 | 傻逼 | 傻逼",
                "你是傻 逼 | 傻逼 | 傻 逼", // space
                "你是傻*逼 | 傻逼 | 傻*逼", // star
                "你是傻\u200b逼 | 傻逼 | 傻\u200b逼", // zero-width
                "你是傻逼逼逼 | 傻逼 | 傻逼逼逼", // repetition
                "你是傻B | 傻逼 | 傻B", // Latin letter for the character
                "你是ｓｂ吧 | 傻逼 | ｓｂ", // abbreviation, full-width
                "你就是个shabi | 傻逼 | shabi", // pinyin
                "nmsl | 你妈死了 | nmsl", // abbreviation, unambiguous
                "草泥马 | 操你妈 | 草泥马", // homophone
                "你这个賤人 | 贱人 | 賤人", // traditional
                "你这个贱人 | 贱人 | 贱人",
                "這個婊子 | 婊子 | 婊子",
                "cnm你懂吗 | 操你妈 | cnm"
            })
    void chineseEvasionsAreDefeated(String text, String canonical, String covered) {
        Hit hit = single(text, canonical, covered);
        assertThat(hit.language().code()).isEqualTo("zh");
    }

    @Test
    void evasionsAreFlagged() {
        assertThat(single("f.u.c.k", "fuck", "f.u.c.k").obfuscated()).isTrue();
        assertThat(single("你是傻 逼", "傻逼", "傻 逼").obfuscated()).isTrue();
        assertThat(single("fuck", "fuck", "fuck").obfuscated()).isFalse();
        assertThat(single("你这个賤人", "贱人", "賤人").obfuscated()).isFalse();
        assertThat(single("nmsl", "你妈死了", "nmsl").variant()).isTrue();
    }

    @Test
    void ambiguousAbbreviationsNeedChineseNearby() {
        assertThat(hits("SB Nation recap")).isEmpty();
        assertThat(hits("the tmd and cnm teams")).isEmpty();
        assertThat(hits("你就是个sb")).extracting(Hit::canonical).containsExactly("傻逼");
    }

    @Test
    void doubledLettersMustBeThere() {
        assertThat(hits("as you like it")).isEmpty();
        assertThat(hits("kiss my assss")).extracting(Hit::canonical).containsExactly("ass");
    }

    // ------------------------------------------------------------------ innocent substrings

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Scunthorpe United won",
                "an assassin's creed",
                "cocktail hour",
                "first class",
                "grape juice",
                "Dickens novels",
                "Essex and Sussex",
                "our therapist",
                "shitake mushrooms",
                "the assessment",
                "a classic pass",
                "Hancock street",
                "peacock feathers",
                "Maine Coon cats",
                "homo sapiens",
                "tit for tat",
                "Moby Dick",
                "cumbersome",
                "analysis",
                "the price is $5 in 2025",
                "butterscotch",
                "sextant",
                "Middlesex",
                "niggardly",
                "specialist",
                "skyscraper",
                "arsenal",
                "as you wish",
                "hello world",
                "a b c d",
                "cockpit",
                "documents",
                "basement",
                "passionate",
                "titan",
                "rapport"
            })
    void innocentEnglishWordsDoNotHit(String text) {
        assertThat(hits(text)).as(text).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "鸡肉",
                "鸡蛋",
                "小姐姐",
                "小鸡",
                "打飞机场",
                "我们去飞机场接你",
                "这个操作很简单",
                "日本料理",
                "干净卫生",
                "性价比超高",
                "新品上市，限时折扣",
                "感谢各位客户的支持！",
                "逼真的画质",
                "销售高潮",
                "处女座的朋友",
                "他很傻，逼得我没办法",
                "黑人牙膏",
                "乳业公司",
                "酸奶",
                "鸡尾酒",
                "公鸡",
                "火鸡",
                "个性",
                "体操",
                "操场",
                "节操",
                "干杯",
                "按摩椅",
                "桑拿",
                "技师",
                "炒饭",
                "鲍鱼",
                "午夜场",
                "火辣辣",
                "老公",
                "兼职招聘",
                "限量版",
                "自拍杆",
                "黄色的花",
                "菊花茶",
                "杂交水稻",
                "祝你全家幸福",
                "去死海旅游",
                "垃圾分类"
            })
    void innocentChineseWordsDoNotHit(String text) {
        assertThat(hits(text)).as(text).isEmpty();
    }

    // ------------------------------------------------------------------ context, groups

    @Test
    void negationQuotingAndReportingAreFlagged() {
        assertThat(single("他不是傻逼", "傻逼", "傻逼").negated()).isTrue();
        Hit reported = single("he called me a bitch", "bitch", "bitch");
        assertThat(reported.reported()).isTrue();
        Hit quoted = single("说我是“傻逼”", "傻逼", "傻逼");
        assertThat(quoted.quoted()).isTrue();
        assertThat(quoted.reported()).isTrue();
        assertThat(single("you are an idiot", "idiot", "idiot").negated()).isFalse();
        assertThat(single("you are not an idiot", "idiot", "idiot").negated()).isTrue();
    }

    @Test
    void groupsAreMentionsNotHits() {
        Matches matches = MATCHER.match("Women in tech and 黑人 founders");
        assertThat(matches.hits()).isEmpty();
        assertThat(matches.groups()).extracting(GroupMention::group).containsExactly("women", "black people");
        assertThat(matches.groups()).extracting(GroupMention::kind).containsExactly(GroupKind.GENDER, GroupKind.RACE);
    }

    @Test
    void categoriesAndSeverities() {
        assertThat(single("nigger", "nigger", "nigger").category()).isEqualTo(Category.RACIST);
        assertThat(single("you faggot", "faggot", "faggot").category()).isEqualTo(Category.DISCRIMINATORY);
        Hit slut = single("slut", "slut", "slut");
        assertThat(slut.category()).isEqualTo(Category.SEXIST);
        assertThat(single("你是傻逼", "傻逼", "傻逼").severity()).isEqualTo(3);
        assertThat(single("黑鬼滚", "黑鬼", "黑鬼").category()).isEqualTo(Category.RACIST);
    }

    @Test
    void longestMatchWins() {
        assertThat(hits("you motherfucker")).hasSize(1);
        assertThat(hits("操你妈")).extracting(Hit::canonical).containsExactly("操你妈");
    }

    // ------------------------------------------------------------------ bad input

    @Test
    void badInputNeverCrashesAndSpansAreValid() {
        StringBuilder big = new StringBuilder();
        while (big.length() < 100_000) {
            big.append("Our new product 新品 f.u.c.k 傻 逼 👨\u200D👩\u200D👧 مرحبا שלום \uD800 \u0007 ");
        }
        String[] inputs = {
            "",
            " ",
            "\uD800fuck\uDC00",
            "\u0000\u0001fuck\u007F",
            "👍🏽 fuck 🇨🇳 👩🏽\u200D💻",
            "مرحبا fuck بالعالم",
            "שלום 傻逼 עולם",
            "\u202Efuck\u202C",
            "\u0301fuck",
            big.toString()
        };
        for (String input : inputs) {
            Matches matches = MATCHER.match(input);
            for (Hit hit : matches.hits()) {
                assertThat(hit.start()).isBetween(0, input.length());
                assertThat(hit.end()).isBetween(hit.start() + 1, input.length());
                TextBoundaries.check(input, hit.start());
                TextBoundaries.check(input, hit.end());
            }
            for (GroupMention group : matches.groups()) {
                assertThat(group.end()).isBetween(group.start() + 1, input.length());
            }
        }
        assertThat(MATCHER.match(big.toString()).hits()).hasSizeGreaterThan(1000);
        assertThat(hits("")).isEmpty();
    }

    static final class TextBoundaries {
        static void check(String text, int index) {
            if (index > 0 && index < text.length()) {
                assertThat(Character.isLowSurrogate(text.charAt(index))
                                && Character.isHighSurrogate(text.charAt(index - 1)))
                        .isFalse();
            }
        }
    }
}
