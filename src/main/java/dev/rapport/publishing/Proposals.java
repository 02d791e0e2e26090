package dev.rapport.publishing;

import dev.rapport.accounts.AccountView;
import dev.rapport.connectors.Connections;
import dev.rapport.connectors.NetworkProfiles;
import dev.rapport.connectors.TextLength;
import java.text.BreakIterator;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Rapport's first version of an idea for one account's network, for the marketer to edit: cut to
 * the network's limit, counted the network's way, at a word (or, in Chinese, a character) boundary.
 */
@Component
class Proposals {

    private static final String ELLIPSIS = "…";

    private final NetworkProfiles profiles;
    private final Connections connections;

    Proposals(NetworkProfiles profiles, Connections connections) {
        this.profiles = profiles;
        this.connections = connections;
    }

    String propose(String idea, AccountView account) {
        Map<String, String> settings = connections.connection(account.id()).settings();
        if (profiles.profile(account.network()).isEmpty()) {
            return idea;
        }
        return fit(idea, text -> profiles.length(account.network(), text, settings));
    }

    /** The longest start of the text, at a boundary, that fits with an ellipsis; the text if it fits. */
    static String fit(String text, java.util.function.Function<String, TextLength> length) {
        if (!length.apply(text).over()) {
            return text;
        }
        BreakIterator words = BreakIterator.getWordInstance(java.util.Locale.ROOT);
        words.setText(text);
        java.util.List<Integer> ends = new java.util.ArrayList<>();
        for (int end = words.first(); end != BreakIterator.DONE; end = words.next()) {
            ends.add(end);
        }
        int low = 0;
        int high = ends.size() - 1;
        String best = ELLIPSIS;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            String candidate = text.substring(0, ends.get(middle)).stripTrailing() + ELLIPSIS;
            if (length.apply(candidate).over()) {
                high = middle - 1;
            } else {
                best = candidate;
                low = middle + 1;
            }
        }
        return best;
    }
}
