package dev.rapport.screening.web;

import dev.rapport.screening.MarkedText;
import dev.rapport.screening.Screening;
import dev.rapport.screening.Verdict;
import java.util.Locale;
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
        model.addAttribute("segments", MarkedText.segments(text, verdict, messages, locale));
        return "screening/verdict :: verdict";
    }
}
