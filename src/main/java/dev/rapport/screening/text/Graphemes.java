package dev.rapport.screening.text;

/** Widens a span to the graphemes the reader sees: marks, variation selectors, emoji modifiers and ZWJ sequences. */
final class Graphemes {

    private Graphemes() {}

    static int endOf(String s, int end) {
        int length = s.length();
        if (end > 0
                && end < length
                && Character.isLowSurrogate(s.charAt(end))
                && Character.isHighSurrogate(s.charAt(end - 1))) {
            end++;
        }
        while (end < length) {
            int cp = s.codePointAt(end);
            if (cp == 0x200D) {
                end += 1;
                if (end < length) {
                    end += Character.charCount(s.codePointAt(end));
                }
            } else if (isExtender(cp)) {
                end += Character.charCount(cp);
            } else {
                break;
            }
        }
        return end;
    }

    static int startOf(String s, int start) {
        if (start > 0
                && start < s.length()
                && Character.isLowSurrogate(s.charAt(start))
                && Character.isHighSurrogate(s.charAt(start - 1))) {
            start--;
        }
        while (start > 0) {
            int cp = s.codePointAt(start);
            int before = s.codePointBefore(start);
            if (isExtender(cp) || cp == 0x200D || before == 0x200D) {
                start -= Character.charCount(before);
            } else {
                break;
            }
        }
        return start;
    }

    static boolean isExtender(int cp) {
        if (cp < 0x300) {
            return false;
        }
        if ((cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF)) {
            return true; // variation selectors
        }
        if ((cp >= 0x1F3FB && cp <= 0x1F3FF) || (cp >= 0xE0020 && cp <= 0xE007F)) {
            return true; // skin tones, emoji tag sequences
        }
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK
                || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK;
    }
}
