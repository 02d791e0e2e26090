package dev.rapport.core.web;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page: the article's ten lessons and the module that answers each. */
@Controller
class HomeController {

    /**
     * A lesson of the article and where Rapport answers it.
     *
     * @param link the page of the module that answers it, or null while that module is still to come
     * @param adminOnly whether only admins may open that page
     */
    record Lesson(int number, String module, @Nullable String link, boolean adminOnly) {}

    static final List<Lesson> LESSONS = List.of(
            new Lesson(1, "audience", null, false),
            new Lesson(2, "planning", null, false),
            new Lesson(3, "analytics", null, false),
            new Lesson(4, "connectors", "/networks", false),
            new Lesson(5, "inbox", null, false),
            new Lesson(6, "audience", null, false),
            new Lesson(7, "content", null, false),
            new Lesson(8, "content", null, false),
            new Lesson(9, "accounts", "/accounts", false),
            new Lesson(10, "screening", "/policy", false));

    private final List<HomeNotice> notices;

    HomeController(List<HomeNotice> notices) {
        this.notices = notices;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("lessons", LESSONS);
        model.addAttribute(
                "notices",
                notices.stream().flatMap(notice -> notice.notice().stream()).toList());
        return "core/home";
    }
}
