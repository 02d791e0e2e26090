package dev.rapport.content;

import dev.rapport.content.AudienceSignals.Explanation;
import dev.rapport.content.text.Folding;
import dev.rapport.content.text.Words;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Measures the audience-first signals of a text in Chinese and English (lesson 7: make content about
 * the audience, not about yourself). The score, 0–100, has three parts, weighted here and nowhere
 * else:
 *
 * <ul>
 *   <li><b>{@value #FOCUS} points</b> for talking about the audience: that many times the share of
 *       "you" among "you" and "we" mentions; half when there is neither.
 *   <li><b>{@value #ASKS} points</b> for asking the audience something: a question mark or a phrase
 *       that asks.
 *   <li><b>{@value #VALUE} points</b> for offering value without a sales pitch; {@value
 *       #VALUE_WITH_PITCH} when value comes with a pitch, {@value #NEUTRAL_VALUE} when there is
 *       neither, none for a pitch alone.
 * </ul>
 *
 * The cue lists are in {@code dev/rapport/content/audience.tsv}. Thread-safe.
 */
public final class AudienceFirst {

    static final int FOCUS = 40;
    static final int ASKS = 25;
    static final int VALUE = 35;
    static final int VALUE_WITH_PITCH = 15;
    static final int NEUTRAL_VALUE = 10;

    private static final Set<String> YOU_WORDS =
            Set.of("you", "your", "yours", "yourself", "yourselves", "you're", "you've", "you'll", "you'd");
    private static final Set<String> WE_WORDS =
            Set.of("we", "our", "ours", "us", "ourselves", "we're", "we've", "we'll", "we'd");
    // longest first: 你们 before 你, 我们 is "we" but 我 alone is not the company
    private static final String[] YOU_ZH = {"你们", "您", "你", "大家", "各位"};
    private static final String[] WE_ZH = {"我们", "我司", "本公司", "本店", "小编"};

    private static final Pattern LINK = Pattern.compile("(?:https?://|www\\.)\\S+");
    private static final Pattern PRICE = Pattern.compile("[$€£¥]\\s?\\d|\\d\\s?(?:元|块钱|美元)");

    private static final CueList CUES = CueList.load("/dev/rapport/content/audience.tsv");
    private static final AudienceFirst STANDARD = new AudienceFirst();

    private AudienceFirst() {}

    public static AudienceFirst standard() {
        return STANDARD;
    }

    public AudienceSignals measure(String text) {
        String folded = Folding.fold(text);
        boolean hasLink = LINK.matcher(folded).find();
        String withoutLinks = LINK.matcher(folded).replaceAll(" ");
        List<String> words = Words.of(withoutLinks);

        int you = count(words, YOU_WORDS) + countChinese(withoutLinks, YOU_ZH);
        int we = count(words, WE_WORDS) + countChinese(withoutLinks, WE_ZH);
        int questionMarks =
                (int) withoutLinks.chars().filter(c -> c == '?' || c == '？').count();
        List<String> questions = new ArrayList<>();
        List<String> value = new ArrayList<>();
        List<String> sales = new ArrayList<>();
        CUES.find(withoutLinks, words, found -> {
            switch (found.entry().type()) {
                case "QUESTION" -> questions.add(found.text());
                case "VALUE" -> value.add(found.text());
                default -> sales.add(found.text());
            }
        });
        if (hasLink && PRICE.matcher(withoutLinks).find()) {
            sales.add("link + price");
        }

        List<Explanation> explanations = new ArrayList<>();
        explanations.add(focus(you, we));
        explanations.add(asks(questionMarks, questions));
        explanations.add(value(value, sales));
        int score = explanations.stream().mapToInt(Explanation::points).sum();
        return new AudienceSignals(you, we, questionMarks, questions, value, sales, score, explanations);
    }

    private static Explanation focus(int you, int we) {
        List<String> args = List.of(String.valueOf(you), String.valueOf(we));
        if (you + we == 0) {
            return new Explanation("content.audience.no-person", FOCUS / 2, FOCUS, args);
        }
        int points = (int) Math.round((double) FOCUS * you / (you + we));
        String key = you > we
                ? "content.audience.you-over-we"
                : you < we ? "content.audience.we-over-you" : "content.audience.you-equals-we";
        return new Explanation(key, points, FOCUS, args);
    }

    private static Explanation asks(int questionMarks, List<String> questions) {
        if (questionMarks == 0 && questions.isEmpty()) {
            return new Explanation("content.audience.asks-nothing", 0, ASKS, List.of());
        }
        String example = questions.isEmpty() ? "?" : questions.get(0);
        return new Explanation("content.audience.asks", ASKS, ASKS, List.of(example));
    }

    private static Explanation value(List<String> value, List<String> sales) {
        String v = String.join(", ", value);
        String s = String.join(", ", sales);
        if (!value.isEmpty() && sales.isEmpty()) {
            return new Explanation("content.audience.value-without-pitch", VALUE, VALUE, List.of(v));
        }
        if (!value.isEmpty()) {
            return new Explanation("content.audience.value-with-pitch", VALUE_WITH_PITCH, VALUE, List.of(v, s));
        }
        if (!sales.isEmpty()) {
            return new Explanation("content.audience.sales-pitch", 0, VALUE, List.of(s));
        }
        return new Explanation("content.audience.no-value-cue", NEUTRAL_VALUE, VALUE, List.of());
    }

    private static int count(List<String> words, Set<String> vocabulary) {
        int n = 0;
        for (String word : words) {
            if (vocabulary.contains(word)) {
                n++;
            }
        }
        return n;
    }

    private static int countChinese(String text, String[] terms) {
        int n = 0;
        for (int i = 0; i < text.length(); ) {
            int step = 1;
            for (String term : terms) {
                if (text.startsWith(term, i)) {
                    n++;
                    step = term.length();
                    break;
                }
            }
            i += step;
        }
        return n;
    }
}
