package dev.rapport.content;

import java.util.List;

/**
 * How much a text is about its audience rather than about the company (lesson 7), as the composer
 * shows it.
 *
 * @param audienceMentions "you, your, yours, yourself", "您, 你, 你们, 大家, 各位"
 * @param selfMentions "we, our, ours, us, ourselves", "我们, 我司, 本公司, 本店, 小编"
 * @param questionMarks ? and ？ outside links
 * @param questionCues phrases that ask the audience something ("what do you think", "你觉得", "…吗？")
 * @param valueCues what offers something useful ("tips", "how to", "干货", "教程")
 * @param salesCues what makes a pitch (prices, discounts, "buy now", "限时", "优惠", a link with a price)
 * @param score 0–100, the sum of the explanations' points
 * @param explanations how the score was made, one per part, each a message key with arguments
 */
public record AudienceSignals(
        int audienceMentions,
        int selfMentions,
        int questionMarks,
        List<String> questionCues,
        List<String> valueCues,
        List<String> salesCues,
        int score,
        List<Explanation> explanations) {

    /** From this score a text counts as audience-first. */
    public static final int AUDIENCE_FIRST = 60;

    public AudienceSignals {
        questionCues = List.copyOf(questionCues);
        valueCues = List.copyOf(valueCues);
        salesCues = List.copyOf(salesCues);
        explanations = List.copyOf(explanations);
    }

    /** One part of the score: {@code key} is a message key, {@code arguments} fill its {0}, {1}. */
    public record Explanation(String key, int points, int maxPoints, List<String> arguments) {
        public Explanation {
            arguments = List.copyOf(arguments);
        }
    }

    /** Talks about "you" more than about "we". */
    public boolean talksAboutAudience() {
        return audienceMentions > selfMentions;
    }

    public boolean asksAudience() {
        return questionMarks > 0 || !questionCues.isEmpty();
    }

    public boolean offersValueWithoutPitch() {
        return !valueCues.isEmpty() && salesCues.isEmpty();
    }

    public boolean isAudienceFirst() {
        return score >= AUDIENCE_FIRST;
    }
}
