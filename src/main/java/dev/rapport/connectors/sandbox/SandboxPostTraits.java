package dev.rapport.connectors.sandbox;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What the simulated audience notices about a post. A deliberately simple classifier that belongs
 * to the simulation, not to the product: Rapport's own content analysis must not depend on it.
 *
 * @param promotional it sells: a sales word (买, 优惠, 折扣, 限时, buy, sale, discount, % off…) or a
 *     link together with a price
 * @param asksAudience it speaks to the audience: a question mark, or "you", 你们, 您, 大家
 * @param language {@code zh}, {@code en}, or {@code mixed} when both are substantial
 * @param length characters (code points), links included
 */
public record SandboxPostTraits(
        boolean promotional, boolean asksAudience, int hashtags, int length, boolean hasLink, String language) {

    private static final Pattern ENGLISH_SALES_WORD = Pattern.compile(
            "\\b(buy|sale|discount|deals?|order now|shop now|limited time|promo code|free shipping|coupons?)\\b"
                    + "|\\d+\\s*% off");
    private static final Pattern CHINESE_SALES_WORD = Pattern.compile("买|购|优惠|折扣|打折|限时|促销|特价|秒杀|下单|抢购|包邮|券");
    private static final Pattern PRICE = Pattern.compile("[¥￥$€£]\\s*\\d|\\d+(\\.\\d+)?\\s*(元|块|rmb|usd)");
    private static final Pattern ASKS =
            Pattern.compile("[?？]|你们|您|大家|\\byou(r|rs|'re|'ll)?\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern HASHTAG = Pattern.compile("#[^#\\s]+#|#[\\p{L}\\p{N}_]+");
    private static final Pattern LINK = Pattern.compile("https?://\\S+");
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    private static final Pattern LATIN_WORD = Pattern.compile("\\b[A-Za-z]{2,}\\b");

    /** Reads a post's text (and its separate link, if any) as the audience would. */
    public static SandboxPostTraits of(String text, @Nullable String link, @Nullable String language) {
        String lower = text.toLowerCase(Locale.ROOT);
        boolean hasLink = link != null || LINK.matcher(text).find();
        boolean promotional = ENGLISH_SALES_WORD.matcher(lower).find()
                || CHINESE_SALES_WORD.matcher(text).find()
                || (hasLink && PRICE.matcher(lower).find());
        String withoutLinks = LINK.matcher(text).replaceAll(" ");
        return new SandboxPostTraits(
                promotional,
                ASKS.matcher(withoutLinks).find(),
                count(HASHTAG.matcher(text)),
                text.codePointCount(0, text.length()),
                hasLink,
                language != null && !language.isBlank() ? normalise(language) : detectLanguage(withoutLinks));
    }

    /** Whether someone who reads {@code personLanguage} understands the post. */
    boolean understoodBy(String personLanguage) {
        return language.equals("mixed") || language.equals(personLanguage);
    }

    private static String normalise(String languageTag) {
        String primary = languageTag.toLowerCase(Locale.ROOT).split("[-_]")[0];
        return primary.equals("zh") || primary.equals("en") ? primary : "mixed";
    }

    private static String detectLanguage(String text) {
        int han = count(HAN.matcher(text));
        int latinWords = count(LATIN_WORD.matcher(text));
        // A Chinese word is about two characters; compare words with words.
        double chineseWords = han / 2.0;
        if (chineseWords == 0 && latinWords == 0) {
            return "mixed";
        }
        double chineseShare = chineseWords / (chineseWords + latinWords);
        return chineseShare >= 0.8 ? "zh" : chineseShare <= 0.2 ? "en" : "mixed";
    }

    private static int count(Matcher matcher) {
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }
}
