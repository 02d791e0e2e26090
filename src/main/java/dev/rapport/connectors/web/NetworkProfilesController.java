package dev.rapport.connectors.web;

import dev.rapport.connectors.NetworkProfiles;
import dev.rapport.connectors.NetworkProfiles.Change;
import dev.rapport.core.Refusal;
import jakarta.validation.Valid;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The network profiles, with their sources; admins adjust them. */
@Controller
class NetworkProfilesController {

    private final NetworkProfiles profiles;
    private final MessageSource messages;

    NetworkProfilesController(NetworkProfiles profiles, MessageSource messages) {
        this.profiles = profiles;
        this.messages = messages;
    }

    @GetMapping("/networks")
    String list(Model model) {
        model.addAttribute("profiles", profiles.all());
        model.addAttribute("checked", profiles.checked());
        model.addAttribute("edited", profiles.editedNetworks());
        return "connectors/networks";
    }

    @PostMapping("/networks/{network}")
    String change(
            @PathVariable String network,
            @Valid @ModelAttribute Change change,
            BindingResult result,
            Model model,
            RedirectAttributes redirect,
            Locale locale) {
        if (result.hasErrors()) {
            model.addAttribute("refusal", messages.getMessage("network-profile.change-invalid", null, locale));
            model.addAttribute("failedNetwork", network);
            return list(model);
        }
        try {
            profiles.change(network, change);
        } catch (Refusal refusal) {
            model.addAttribute("refusal", messages.getMessage(refusal.messageKey(), refusal.arguments(), locale));
            model.addAttribute("failedNetwork", network);
            return list(model);
        }
        redirect.addFlashAttribute("changed", network);
        return "redirect:/networks#" + network;
    }

    @PostMapping("/networks/{network}/reset")
    String reset(@PathVariable String network, RedirectAttributes redirect) {
        profiles.reset(network);
        redirect.addFlashAttribute("changed", network);
        return "redirect:/networks#" + network;
    }
}
