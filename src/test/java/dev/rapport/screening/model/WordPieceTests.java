package dev.rapport.screening.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WordPieceTests {

    private final WordPiece wordPiece = new WordPiece(new String[] {
        "[PAD]", "[UNK]", "un", "##aff", "##able", "hello", ",", "world", "!", "女", "人", "wom", "##en", "w", "##o"
    });

    private List<String> pieces(String text) {
        List<String> out = new ArrayList<>();
        int count = wordPiece.tokenize(text, id -> out.add(wordPiece.token(id)));
        assertThat(count).isEqualTo(out.size());
        return out;
    }

    @Test
    void longestPiecesFirst() {
        assertThat(pieces("unaffable")).containsExactly("un", "##aff", "##able");
        assertThat(pieces("women")).containsExactly("wom", "##en");
    }

    @Test
    void lowerCaseAccentsAndPunctuation() {
        assertThat(pieces("Héllo,  WORLD!")).containsExactly("hello", ",", "world", "!");
    }

    @Test
    void aWordThatCannotBeCutIsOneUnknown() {
        assertThat(pieces("hello wxyz")).containsExactly("hello", "[UNK]");
        assertThat(pieces("x".repeat(101))).containsExactly("[UNK]");
    }

    @Test
    void ideographsStandAlone() {
        assertThat(pieces("女人hello")).containsExactly("女", "人", "hello");
    }

    @Test
    void controlAndEmptyInput() {
        assertThat(pieces("")).isEmpty();
        assertThat(pieces("\u0000\u200b \t\n")).isEmpty();
        assertThat(pieces("😀")).containsExactly("[UNK]");
    }
}
