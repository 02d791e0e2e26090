package dev.rapport.inbox.classification;

/**
 * The language of a folded text by its letters: Chinese characters against Latin words (a word
 * weighs about two characters). {@code zh} or {@code en} when the other is at most a quarter of it,
 * else {@code mixed}; a text with neither (emoji, digits) is {@code mixed} too.
 */
final class Languages {

    private Languages() {}

    static String of(String folded) {
        int han = 0;
        int latinWords = 0;
        boolean inWord = false;
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (c >= 0x3400 && c <= 0x9fff) {
                han++;
                inWord = false;
            } else if (c >= 'a' && c <= 'z' || c >= 0xc0 && c <= 0x24f) {
                if (!inWord) {
                    latinWords++;
                }
                inWord = true;
            } else {
                inWord = false;
            }
        }
        double zh = han;
        double en = latinWords * 2.0;
        if (zh == 0 && en == 0) {
            return "mixed";
        }
        return en <= zh / 4 ? "zh" : zh <= en / 4 ? "en" : "mixed";
    }
}
