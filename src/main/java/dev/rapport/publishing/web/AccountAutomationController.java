package dev.rapport.publishing.web;

import dev.rapport.publishing.Calendar;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The account page's section on how automated the account reads: the share of its posts of the last
 * 30 days and the next 15 that repeat its earlier posts or paste the same words to several
 * accounts, against the workspace's limit. Served by publishing, which knows the posts; the
 * accounts module's page loads it (htmx), so accounts does not depend on publishing.
 */
@Controller
class AccountAutomationController {

    static final Duration PAST = Duration.ofDays(30);
    static final Duration AHEAD = Duration.ofDays(15);

    private final Calendar calendar;

    AccountAutomationController(Calendar calendar) {
        this.calendar = calendar;
    }

    @GetMapping("/accounts/{id}/automation")
    String automation(@PathVariable long id, Model model) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        Calendar.Mix mix =
                calendar.mix(now.minus(PAST), now.plus(AHEAD), new Calendar.Filter(Set.of(id), null, null, null, null));
        model.addAttribute("share", mix.accounts().stream().findFirst().orElse(null));
        model.addAttribute("limit", mix.automationMax());
        return "publishing/automation :: automation";
    }
}
