package dev.rapport.screening.web;

import dev.rapport.screening.Screening;
import dev.rapport.screening.Verdict;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/screening}: what the social media policy says about a text. */
@RestController
@RequestMapping(path = "/api/v1/screening", produces = "application/json")
@Tag(name = "Policy")
class ScreeningApi {

    private final Screening screening;

    ScreeningApi(Screening screening) {
        this.screening = screening;
    }

    /** A text to screen; language {@code zh}, {@code en} or {@code auto} (the default). */
    record ScreenText(
            @NotNull @Size(max = Screening.MAX_LENGTH) String text,
            @Nullable @Pattern(regexp = "zh|en|auto") String language) {}

    @PostMapping
    @Operation(
            summary = "Screen a text under the current policy: the action (block, hold, warn, pass), the categories "
                    + "with scores, the spans of the words that show them, and the reason in the caller's language")
    Verdict screen(@Valid @RequestBody ScreenText request) {
        return screening.screen(request.text(), request.language());
    }
}
