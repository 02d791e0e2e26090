package dev.rapport.screening.web;

import dev.rapport.screening.Action;
import dev.rapport.screening.Screening;
import dev.rapport.screening.Verdict;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Check a text against the policy while writing it: the words that break it are marked in the text,
 * with the category and the action, and the reason is spelled out. The composer and the inbox show
 * the same fragment next to what the member writes.
 */
@Controller
class ScreeningController {

    /** A piece of the text: unmarked, or marked with why. */
    record Segment(
            String text, @Nullable String why, @Nullable String action) {}

    private final Screening screening;
    private final MessageSource messages;

    ScreeningController(Screening screening, MessageSource messages) {
        this.screening = screening;
        this.messages = messages;
    }

    @GetMapping("/policy/check")
    String page() {
        return "screening/check";
    }

    @PostMapping("/policy/check")
    String check(@RequestParam(defaultValue = "") String text, Model model, Locale locale) {
        if (text.length() > Screening.MAX_LENGTH) {
            model.addAttribute("tooLong", Screening.MAX_LENGTH);
            return "screening/verdict :: verdict";
        }
        Verdict verdict = screening.screen(text, "auto");
        model.addAttribute("verdict", verdict);
        model.addAttribute("segments", segments(text, verdict, locale));
        return "screening/verdict :: verdict";
    }

    /** The text cut at the findings' spans; overlapping spans are merged, the strictest action wins. */
    private List<Segment> segments(String text, Verdict verdict, Locale locale) {
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
