package dev.rapport.inbox.classification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClassifierTests {

    private final Classifier classifier = Classifier.standard();

    @Test
    void aDoubleChargeIsANegativeBillingItemWithItsWordsAsEvidence() {
        String text = "我要退款，扣了两次钱";
        Classification c = classifier.classify(text);

        assertThat(c.intent()).isEqualTo(Intent.BILLING);
        assertThat(c.sentiment()).isEqualTo(Sentiment.NEGATIVE);
        assertThat(c.language()).isEqualTo("zh");
        assertThat(c.evidence()).extracting(Evidence::cue).contains("退款", "扣了两次");
        assertEvidencePointsIntoTheText(text, c);
    }

    @Test
    void aPriceQuestionIsPurchaseIntent() {
        Classification c = classifier.classify("How much is the pro plan?");

        assertThat(c.intent()).isEqualTo(Intent.PURCHASE_INTENT);
        assertThat(c.sentiment()).isEqualTo(Sentiment.NEUTRAL);
        assertThat(c.language()).isEqualTo("en");
        assertThat(c.evidence()).extracting(Evidence::cue).contains("How much");
    }

    @Test
    void aBillingComplaintGoesToBilling() {
        Classification c = classifier.classify("This is ridiculous, you charged me twice and support is useless");

        assertThat(c.intent()).isEqualTo(Intent.BILLING);
        assertThat(c.sentiment()).isEqualTo(Sentiment.NEGATIVE);
    }

    @Test
    void negationTurnsTheFeelingAround() {
        assertThat(classifier.classify("not happy with the new lid").sentiment())
                .isEqualTo(Sentiment.NEGATIVE);
        assertThat(classifier.classify("I'm really happy with the new lid").sentiment())
                .isEqualTo(Sentiment.POSITIVE);
        assertThat(classifier.classify("这次的新盖子我不喜欢").sentiment()).isEqualTo(Sentiment.NEGATIVE);
        assertThat(classifier.classify("不错，比上一代好").sentiment()).isEqualTo(Sentiment.POSITIVE);
        assertThat(classifier.classify("没问题，谢谢").sentiment()).isEqualTo(Sentiment.POSITIVE);

        Classification notHappy = classifier.classify("not happy with the new lid");
        assertThat(notHappy.evidence()).contains(new Evidence("not happy", 0, 9, "sentiment:NEGATIVE"));
    }

    @Test
    void emojiCarryTheFeeling() {
        assertThat(classifier.classify("the new colour 😍😍").sentiment()).isEqualTo(Sentiment.POSITIVE);
        assertThat(classifier.classify("快递又丢了😡").sentiment()).isEqualTo(Sentiment.NEGATIVE);
        assertThat(classifier.classify("the new update is 👎").sentiment()).isEqualTo(Sentiment.NEGATIVE);
    }

    @Test
    void spamIsSpamAndNeutral() {
        Classification crypto = classifier.classify("Earn 3 BTC a week from home, link in bio 🚀");
        assertThat(crypto.intent()).isEqualTo(Intent.SPAM);
        assertThat(crypto.sentiment()).isEqualTo(Sentiment.NEUTRAL);

        assertThat(classifier.classify("互关吗？加微信 abc123").intent()).isEqualTo(Intent.SPAM);
        assertThat(classifier
                        .classify("free gift cards at http://gift-now.xyz/claim")
                        .intent())
                .isEqualTo(Intent.SPAM);
    }

    @Test
    void abuseBeatsEverythingElse() {
        String text = "refund me now you idiots";
        Classification c = classifier.classify(text);

        assertThat(c.intent()).isEqualTo(Intent.ABUSE);
        assertThat(c.sentiment()).isEqualTo(Sentiment.NEGATIVE);
        assertThat(c.evidence()).extracting(Evidence::supports).contains("intent:ABUSE");
        assertThat(classifier.classify("客服都是白痴").intent()).isEqualTo(Intent.ABUSE);
        assertEvidencePointsIntoTheText(text, c);
    }

    @Test
    void wordsInsideOtherWordsAreNotCues() {
        // "die" is in "diet", "ass" in "class", "bill" in "billion": whole words only
        Classification c = classifier.classify("the diet plan in class was a billion times better");
        assertThat(c.intent()).isNotIn(Intent.ABUSE, Intent.BILLING);
    }

    @Test
    void fullWidthAndTraditionalTextIsFoldedButEvidenceKeepsTheOriginal() {
        Classification price = classifier.classify("ＨＯＷ ＭＵＣＨ is it？");
        assertThat(price.intent()).isEqualTo(Intent.PURCHASE_INTENT);
        assertThat(price.evidence()).contains(new Evidence("ＨＯＷ ＭＵＣＨ", 0, 8, "intent:PURCHASE_INTENT"));

        String text = "請問發票怎麼開";
        Classification invoice = classifier.classify(text);
        assertThat(invoice.intent()).isEqualTo(Intent.BILLING);
        assertThat(invoice.evidence()).extracting(Evidence::cue).contains("發票");
        assertEvidencePointsIntoTheText(text, invoice);
    }

    @Test
    void questionsWithoutAnythingMoreSpecificAreQuestions() {
        assertThat(classifier.classify("does the lid fit the older model?").intent())
                .isEqualTo(Intent.QUESTION);
        assertThat(classifier.classify("请问这个可以带上飞机吗").intent()).isEqualTo(Intent.QUESTION);
    }

    @Test
    void nothingToRouteIsOther() {
        Classification c = classifier.classify("@lena look");
        assertThat(c.intent()).isEqualTo(Intent.OTHER);
        assertThat(c.sentiment()).isEqualTo(Sentiment.NEUTRAL);
        assertThat(c.evidence()).isEmpty();
    }

    @Test
    void languageIsChineseEnglishOrMixed() {
        assertThat(classifier.classify("这个杯子真好看").language()).isEqualTo("zh");
        assertThat(classifier.classify("this bottle looks great").language()).isEqualTo("en");
        assertThat(classifier.classify("this bottle 真的 looks great 好看").language())
                .isEqualTo("mixed");
    }

    @Test
    void oddInputNeverBreaksIt() {
        String huge = "很好用 but the lid leaks? 退款 ".repeat(5_000); // about 100 KB of chars
        List<String> texts = List.of(
                "",
                "   ",
                "😍😍😍",
                "👍",
                "\u0000\u0007\u001b[31m\u200b\u200d\ufeff",
                "\ud83d", // a lone surrogate
                "?".repeat(100_000),
                "a".repeat(100_000),
                huge);
        for (String text : texts) {
            assertThatCode(() -> {
                        Classification c = classifier.classify(text);
                        assertThat(c.confidence()).isBetween(0.0, 1.0);
                        assertThat(c.evidence()).hasSizeLessThanOrEqualTo(20);
                        assertEvidencePointsIntoTheText(text, c);
                    })
                    .as("%.20s…", text)
                    .doesNotThrowAnyException();
        }
        assertThat(classifier.classify("").intent()).isEqualTo(Intent.OTHER);
        assertThat(classifier.classify("😍😍😍").sentiment()).isEqualTo(Sentiment.POSITIVE);
    }

    @Test
    void itIsSafeToShareBetweenThreads() throws Exception {
        List<String> texts = List.of("我要退款，扣了两次钱", "How much is the pro plan?", "you idiots", "love it ❤️");
        List<Classification> expected = texts.stream().map(classifier::classify).toList();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            var futures = new java.util.ArrayList<java.util.concurrent.Future<Boolean>>();
            for (int t = 0; t < 4; t++) {
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 200; i++) {
                        int k = i % texts.size();
                        if (!classifier.classify(texts.get(k)).equals(expected.get(k))) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (var future : futures) {
                assertThat(future.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void assertEvidencePointsIntoTheText(String text, Classification c) {
        for (Evidence e : c.evidence()) {
            if (e.start() == e.end()) {
                continue; // a screen finding without words
            }
            assertThat(text.substring(e.start(), e.end())).isEqualTo(e.cue());
        }
    }
}
