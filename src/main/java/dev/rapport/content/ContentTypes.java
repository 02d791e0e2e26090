package dev.rapport.content;

import dev.rapport.content.text.Folding;
import dev.rapport.content.text.Script;
import dev.rapport.content.text.Words;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Suggests a post's {@link ContentType} from cues in Chinese and English: words, phrases and
 * patterns listed with their weights in one file, {@code dev/rapport/content/cues.tsv}. Each cue
 * found adds its weight to its type once; the type with the most points is suggested (ties go to
 * the earlier type in {@link ContentType} order, so a post that sells as much as it teaches counts
 * as promotional). Transparent by design: the suggestion carries every cue it rests on, and the
 * marketer overrides it. Accuracy on the project's labelled set is in docs/content.md.
 *
 * <p>Thread-safe; {@link #standard()} is built once.
 */
public final class ContentTypes {

    /** Suggested when no cue is found: a post with no sign of teaching, selling or asking. */
    public static final ContentType FALLBACK = ContentType.ENTERTAINING;

    private static final ContentTypes STANDARD = new ContentTypes(CueList.load("/dev/rapport/content/cues.tsv"));

    private final CueList cues;

    private ContentTypes(CueList cues) {
        this.cues = cues;
    }

    public static ContentTypes standard() {
        return STANDARD;
    }

    public ContentTypeSuggestion suggest(String text) {
        String folded = Folding.fold(text);
        List<String> words = Words.of(folded);
        Map<ContentType, Double> points = new EnumMap<>(ContentType.class);
        for (ContentType type : ContentType.values()) {
            points.put(type, 0.0);
        }
        List<Cue> evidence = new ArrayList<>();
        cues.find(folded, words, found -> {
            ContentType type = ContentType.valueOf(found.entry().type());
            points.merge(type, found.entry().weight(), Double::sum);
            evidence.add(new Cue(type, found.text(), found.entry().weight()));
        });
        evidence.sort(Comparator.comparingDouble(Cue::weight).reversed());
        ContentType best = FALLBACK;
        double bestPoints = 0;
        double total = 0;
        for (ContentType type : ContentType.values()) {
            double p = points.get(type);
            total += p;
            if (p > bestPoints) {
                best = type;
                bestPoints = p;
            }
        }
        double confidence = total == 0 ? 0 : bestPoints / total;
        return new ContentTypeSuggestion(best, confidence, points, evidence, Script.language(folded, words));
    }
}
