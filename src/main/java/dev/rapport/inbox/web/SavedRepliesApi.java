package dev.rapport.inbox.web;

import dev.rapport.inbox.SavedReplies;
import dev.rapport.inbox.SavedReply;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/inbox/saved-replies}: the library everyone who answers conversations starts from;
 * admins and leads keep it, admins decide whether a saved reply must be personalised.
 */
@RestController
@RequestMapping(path = "/api/v1/inbox/saved-replies", produces = "application/json")
@PreAuthorize("hasAnyRole('ADMIN','LEAD','MARKETER','RESPONDER')")
@Tag(name = "Inbox")
class SavedRepliesApi {

    private final SavedReplies savedReplies;

    SavedRepliesApi(SavedReplies savedReplies) {
        this.savedReplies = savedReplies;
    }

    /** Whether a reply that is still a saved reply's text is refused. */
    record Personalisation(boolean required) {}

    @GetMapping
    @Operation(summary = "The saved replies, by title; {name} and {handle} stand for the contact's")
    List<SavedReply> all() {
        return savedReplies.all();
    }

    @GetMapping("/{id}")
    @Operation(summary = "A saved reply")
    SavedReply reply(@PathVariable long id) {
        return savedReplies.reply(id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('ADMIN','LEAD')")
    @Operation(summary = "Add a saved reply (title, text, language zh or en, optional departmentId)")
    SavedReply add(@RequestBody SavedReplies.Draft draft) {
        return savedReplies.add(draft);
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasAnyRole('ADMIN','LEAD')")
    @Operation(summary = "Change a saved reply")
    SavedReply change(@PathVariable long id, @RequestBody SavedReplies.Draft draft) {
        return savedReplies.change(id, draft);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAnyRole('ADMIN','LEAD')")
    @Operation(summary = "Delete a saved reply")
    void remove(@PathVariable long id) {
        savedReplies.remove(id);
    }

    @GetMapping("/personalisation")
    @Operation(summary = "Whether a saved reply must be personalised before it is sent (default: yes)")
    Personalisation personalisation() {
        return new Personalisation(savedReplies.personalisationRequired());
    }

    @PutMapping("/personalisation")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Require personalisation of saved replies, or allow them to be sent as they are")
    Personalisation requirePersonalisation(@RequestBody Personalisation personalisation) {
        savedReplies.requirePersonalisation(personalisation.required());
        return personalisation();
    }
}
