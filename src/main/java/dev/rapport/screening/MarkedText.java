package dev.rapport.screening;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;

/**
 * A screened text as the member sees it: cut into pieces, the words that break the policy marked
 * with the category and the action. The policy check page, the composer and the inbox show it the
 * same way.
 */
public final class MarkedText {

    /** A piece of the text: unmarked, or marked with why and the action's code. */
    public record Segment(
            String text, @Nullable String why, @Nullable String action) {}

    private MarkedText() {}

    /** The text cut at the findings' spans; overlapping spans are merged, the strictest action wins. */
    public static List<Segment> segments(String text, Verdict verdict, MessageSource messages, Locale locale) {
        record Mark(int start, int end, String why, Action action) {}
        List<Mark> marks = new ArrayList<>();
        for (Verdict.Finding finding : verdict.findings()) {
            String why = messages.getMessage(
                    "screening.category." + finding.category().code(), null, locale);
            finding.spans().forEach(span -> marks.add(new Mark(span.start(), span.end(), why, finding.action())));
        }
        for (Verdict.TermFinding term : verdict.terms()) {
            String why = messages.getMessage("screening.workspace-term", null, locale);
            term.spans().forEach(span -> marks.add(new Mark(span.start(), span.end(), why, term.action())));
        }
        marks.sort(Comparator.comparingInt(Mark::start));
        List<Segment> segments = new ArrayList<>();
        int at = 0;
        int i = 0;
        while (i < marks.size()) {
            Mark mark = marks.get(i);
            int start = Math.max(mark.start(), at);
            int end = mark.end();
            String why = mark.why();
            Action action = mark.action();
            i++;
            while (i < marks.size() && marks.get(i).start() < end) {
                end = Math.max(end, marks.get(i).end());
                if (!marks.get(i).why().equals(why)) {
                    why = why + ", " + marks.get(i).why();
                }
                action = action.max(marks.get(i).action());
                i++;
            }
            if (start >= end) {
                continue;
            }
            if (start > at) {
                segments.add(new Segment(text.substring(at, start), null, null));
            }
            segments.add(new Segment(text.substring(start, end), why, action.code()));
            at = end;
        }
        if (at < text.length()) {
            segments.add(new Segment(text.substring(at), null, null));
        }
        return segments;
    }
}
