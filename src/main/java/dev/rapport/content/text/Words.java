package dev.rapport.content.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Latin words of a {@linkplain Folding folded} text, in order: letters and digits, with an inner
 * apostrophe ("what's", typographic ’ included) or hyphen ("step-by-step") kept. Chinese characters
 * and everything else separate words.
 */
public final class Words {

    private Words() {}

    public static List<String> of(String folded) {
        List<String> words = new ArrayList<>();
        int n = folded.length();
        int i = 0;
        while (i < n) {
            if (!isWordChar(folded.charAt(i))) {
                i++;
                continue;
            }
            StringBuilder word = new StringBuilder();
            while (i < n) {
                char c = folded.charAt(i);
                if (isWordChar(c)) {
                    word.append(c);
                } else if ((c == '\'' || c == '’' || c == '-')
                        && i + 1 < n
                        && isWordChar(folded.charAt(i + 1))
                        && word.length() > 0) {
                    word.append(c == '’' ? '\'' : c);
                } else {
                    break;
                }
                i++;
            }
            words.add(word.toString());
        }
        return words;
    }

    private static boolean isWordChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'à' && c <= 'ÿ' && c != '÷');
    }
}
