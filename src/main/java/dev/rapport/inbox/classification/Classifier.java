package dev.rapport.inbox.classification;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Sentiment and intent from documented cues in Chinese and English; thread-safe. Abuse beats spam
 * beats billing beats the rest, so a billing complaint goes to billing.
 */
public final class Classifier {

    private static final Map<Intent, List<String>> INTENT_CUES = new LinkedHashMap<>();
    private static final List<String> POSITIVE = List.of(
            "love", "great", "thank", "awesome", "amazing", "perfect", "喜欢", "太棒", "感谢", "谢谢", "好用", "赞", "👍", "❤");
    private static final List<String> NEGATIVE = List.of(
            "broken",
            "terrible",
            "worst",
            "angry",
            "disappointed",
            "still waiting",
            "refund",
            "坏了",
            "太差",
            "失望",
            "投诉",
            "生气",
            "退款",
            "垃圾",
            "😡");

    static {
        INTENT_CUES.put(Intent.ABUSE, List.of("idiot", "stupid", "shut up", "傻逼", "滚", "白痴", "蠢货"));
        INTENT_CUES.put(Intent.SPAM, List.of("follow back", "crypto", "加微信", "代购", "免费领取", "click here"));
        INTENT_CUES.put(
                Intent.BILLING,
                List.of(
                        "invoice",
                        "refund",
                        "charged",
                        "billing",
                        "receipt",
                        "subscription",
                        "发票",
                        "退款",
                        "扣费",
                        "扣了",
                        "账单",
                        "收费"));
        INTENT_CUES.put(
                Intent.COMPLAINT,
                List.of(
                        "broken",
                        "not working",
                        "doesn't work",
                        "still waiting",
                        "terrible",
                        "worst",
                        "complain",
                        "投诉",
                        "坏了",
                        "不能用",
                        "太差",
                        "还没到",
                        "失望"));
        INTENT_CUES.put(
                Intent.PURCHASE_INTENT,
                List.of(
                        "how much",
                        "price",
                        "where can i buy",
                        "where to buy",
                        "in stock",
                        "order",
                        "多少钱",
                        "价格",
                        "怎么买",
                        "有货",
                        "下单",
                        "哪里买"));
        INTENT_CUES.put(
                Intent.PRODUCT_FEEDBACK,
                List.of("would be nice", "feature request", "please add", "suggest", "建议", "希望能", "能不能加", "要是能"));
        INTENT_CUES.put(
                Intent.PRAISE,
                List.of("love", "great", "thank", "awesome", "amazing", "喜欢", "太棒", "感谢", "谢谢", "好用", "赞"));
        INTENT_CUES.put(Intent.QUESTION, List.of("?", "？", "how do", "how can", "can i", "怎么", "吗", "能不能", "如何"));
    }

    private Classifier() {}

    public static Classifier standard() {
        return new Classifier();
    }

    public Classification classify(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        List<Evidence> evidence = new ArrayList<>();
        Intent intent = Intent.OTHER;
        for (Map.Entry<Intent, List<String>> cues : INTENT_CUES.entrySet()) {
            boolean found = false;
            for (String cue : cues.getValue()) {
                int at = folded.indexOf(cue);
                if (at >= 0 && folded.length() == text.length()) {
                    evidence.add(new Evidence(
                            text.substring(at, at + cue.length()), at, at + cue.length(), "intent:" + cues.getKey()));
                    found = true;
                } else if (at >= 0) {
                    evidence.add(new Evidence(cue, -1, -1, "intent:" + cues.getKey()));
                    found = true;
                }
            }
            if (found && intent == Intent.OTHER) {
                intent = cues.getKey();
            }
        }
        int score = 0;
        for (String cue : POSITIVE) {
            score += folded.contains(cue) ? 1 : 0;
        }
        for (String cue : NEGATIVE) {
            score -= folded.contains(cue) ? 1 : 0;
        }
        Sentiment sentiment = intent == Intent.ABUSE || intent == Intent.COMPLAINT || score < 0
                ? Sentiment.NEGATIVE
                : score > 0 ? Sentiment.POSITIVE : Sentiment.NEUTRAL;
        long han = text.codePoints()
                .filter(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)
                .count();
        long latin = text.codePoints()
                .filter(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.LATIN)
                .count();
        String language = han > latin ? "zh" : latin > 0 && han == 0 ? "en" : han == 0 ? "en" : "mixed";
        return new Classification(sentiment, intent, intent == Intent.OTHER ? 0 : 0.6, evidence, language);
    }
}
