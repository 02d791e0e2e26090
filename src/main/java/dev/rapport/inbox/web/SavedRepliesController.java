package dev.rapport.inbox.web;

import dev.rapport.core.Refusal;
import dev.rapport.inbox.SavedReplies;
import dev.rapport.inbox.SavedReply;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** {@code /inbox/saved-replies}: admins and leads keep the library; admins set the personalisation rule. */
@Controller
@PreAuthorize("hasAnyRole('ADMIN','LEAD')")
class SavedRepliesController {

    private final SavedReplies savedReplies;
    private final TeamNames names;
    private final MessageSource messages;

    SavedRepliesController(SavedReplies savedReplies, TeamNames names, MessageSource messages) {
        this.savedReplies = savedReplies;
        this.names = names;
        this.messages = messages;
    }

    @GetMapping("/inbox/saved-replies")
    String list(Model model) {
        return page(new SavedReplies.Draft("", "", "zh", null), null, model);
    }

    @GetMapping("/inbox/saved-replies/{id}")
    String edit(@PathVariable long id, Model model) {
        SavedReply reply = savedReplies.reply(id);
        return page(
                new SavedReplies.Draft(reply.title(), reply.text(), reply.language(), reply.departmentId()), id, model);
    }

    @PostMapping("/inbox/saved-replies")
    String add(@ModelAttribute SavedReplies.Draft draft, Model model, RedirectAttributes redirect, Locale locale) {
        return save(draft, null, model, redirect, locale);
    }

    @PostMapping("/inbox/saved-replies/{id}")
    String change(
            @PathVariable long id,
            @ModelAttribute SavedReplies.Draft draft,
            Model model,
            RedirectAttributes redirect,
            Locale locale) {
        return save(draft, id, model, redirect, locale);
    }

    @PostMapping("/inbox/saved-replies/{id}/delete")
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        savedReplies.remove(id);
        redirect.addFlashAttribute("saved", true);
        return "redirect:/inbox/saved-replies";
    }

    @PostMapping("/inbox/saved-replies/personalisation")
    @PreAuthorize("hasRole('ADMIN')")
    String personalisation(@RequestParam(defaultValue = "false") boolean required, RedirectAttributes redirect) {
        savedReplies.requirePersonalisation(required);
        redirect.addFlashAttribute("saved", true);
        return "redirect:/inbox/saved-replies";
    }

    private String save(
            SavedReplies.Draft draft, @Nullable Long id, Model model, RedirectAttributes redirect, Locale locale) {
        try {
            if (id == null) {
                savedReplies.add(draft);
            } else {
                savedReplies.change(id, draft);
            }
        } catch (Refusal refusal) {
            model.addAttribute("refusal", messages.getMessage(refusal.messageKey(), refusal.arguments(), locale));
            return page(draft, id, model);
        }
        redirect.addFlashAttribute("saved", true);
        return "redirect:/inbox/saved-replies";
    }

    private String page(SavedReplies.Draft draft, @Nullable Long id, Model model) {
        model.addAttribute("replies", savedReplies.all());
        model.addAttribute("draft", draft);
        model.addAttribute("editing", id);
        model.addAttribute("languages", SavedReplies.LANGUAGES);
        model.addAttribute("departmentNames", names.departments());
        model.addAttribute("personalise", savedReplies.personalisationRequired());
        return "inbox/saved-replies";
    }
}
