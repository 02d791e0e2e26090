package dev.rapport.content;

import dev.rapport.content.text.Canonical;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Identical cross-posting: the same text pasted to several networks instead of a native version
 * for each. Texts are compared in their canonical form, so a copy that differs only in case, width,
 * traditional/simplified characters, punctuation, emoji, links, mentions or hashtags is the same
 * text.
 */
public final class CrossPosting {

    /** Targets (networks or accounts, in the caller's order) that received the same text. */
    public record IdenticalText(List<String> targets) {
        public IdenticalText {
            targets = List.copyOf(targets);
        }
    }

    private CrossPosting() {}

    /**
     * Groups of two or more targets whose texts are identical, in order of first appearance. Empty
     * texts (no letters or digits) are never grouped.
     *
     * @param textsByTarget the text for each target, for example network id → variant text
     */
    public static List<IdenticalText> identical(Map<String, String> textsByTarget) {
        Map<String, List<String>> byCanonical = new LinkedHashMap<>();
        textsByTarget.forEach((target, text) -> {
            String canonical = Canonical.of(text);
            if (!canonical.isEmpty()) {
                byCanonical.computeIfAbsent(canonical, c -> new ArrayList<>()).add(target);
            }
        });
        return byCanonical.values().stream()
                .filter(targets -> targets.size() > 1)
                .map(IdenticalText::new)
                .toList();
    }

    /** True when the two texts are the same once decoration is set aside. */
    public static boolean sameText(String a, String b) {
        String canonical = Canonical.of(a);
        return !canonical.isEmpty() && canonical.equals(Canonical.of(b));
    }
}
