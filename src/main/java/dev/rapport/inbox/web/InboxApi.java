package dev.rapport.inbox.web;

import dev.rapport.inbox.ConversationState;
import dev.rapport.inbox.ConversationView;
import dev.rapport.inbox.Conversations;
import dev.rapport.inbox.InboxMetrics;
import dev.rapport.inbox.classification.Intent;
import dev.rapport.inbox.classification.Sentiment;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/inbox} and {@code /api/v1/conversations}: the unified inbox. */
@RestController
@RequestMapping(path = "/api/v1", produces = "application/json")
@Tag(name = "Inbox")
class InboxApi {

    private final Conversations conversations;
    private final InboxMetrics metrics;

    InboxApi(Conversations conversations, InboxMetrics metrics) {
        this.conversations = conversations;
        this.metrics = metrics;
    }

    record ReplyRequest(
            @NotBlank @Size(max = Conversations.MAX_REPLY) String text,
            @Nullable String overrideNote) {}

    record AssignRequest(
            @NotNull Long departmentId,
            @Nullable Long assigneeId,
            @NotBlank @Size(max = 500) String note) {}

    /**
     * @param report for spam and abuse: report the newest message to the network's moderators
     * @param hide for spam and abuse: hide it under the account's post (where the network allows)
     */
    record DoneRequest(
            @NotBlank String reason,
            @Nullable @Size(max = 1000) String note,
            @Nullable Boolean report,
            @Nullable Boolean hide) {}

    record Correction(@NotNull Sentiment sentiment, @NotNull Intent intent) {}

    @GetMapping("/inbox")
    @Operation(summary = "The caller's queue: conversations due soonest first")
    List<ConversationView> inbox(
            @RequestParam(required = false) @Nullable ConversationState state,
            @RequestParam(required = false) @Nullable Long department,
            @RequestParam(defaultValue = "false") boolean mine,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return conversations.inbox(state, department, mine, page, size);
    }

    @GetMapping("/conversations/{id}")
    @Operation(
            summary = "A conversation: its messages with their classification and evidence, and the contact's history")
    Conversations.Details conversation(@PathVariable long id) {
        return conversations.details(id);
    }

    @PostMapping("/conversations/{id}/replies")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Reply on the network, in the thread, after the policy screen")
    Conversations.Reply reply(@PathVariable long id, @Valid @RequestBody ReplyRequest reply) {
        return conversations.reply(id, reply.text(), reply.overrideNote());
    }

    @PostMapping("/conversations/{id}/assign")
    @Operation(summary = "Reassign to a department and optionally a person, with a note")
    ConversationView assign(@PathVariable long id, @Valid @RequestBody AssignRequest assign) {
        return conversations.reassign(id, assign.departmentId(), assign.assigneeId(), assign.note());
    }

    @PostMapping("/conversations/{id}/done")
    @Operation(
            summary = "Close without reply: spam, abuse, no-reply-needed or answered-elsewhere; spam and abuse"
                    + " optionally reported to the network and hidden under the account's post")
    ConversationView done(@PathVariable long id, @Valid @RequestBody DoneRequest done) {
        return conversations.done(
                id, done.reason(), done.note(), Boolean.TRUE.equals(done.report()), Boolean.TRUE.equals(done.hide()));
    }

    @PostMapping("/conversations/{id}/items/{itemId}/classification")
    @Operation(summary = "Correct an item's sentiment and intent (kept as training data)")
    ConversationView correct(
            @PathVariable long id, @PathVariable long itemId, @Valid @RequestBody Correction correction) {
        return conversations.correct(id, itemId, correction.sentiment(), correction.intent());
    }

    @GetMapping("/inbox/metrics")
    @Operation(
            summary = "Response rate, median and p90 first-response time, past target and unanswered, "
                    + "overall and per department, account, network and person (default: the last 30 days)")
    InboxMetrics.Report metrics(
            @RequestParam(required = false) java.time.@Nullable Instant from,
            @RequestParam(required = false) java.time.@Nullable Instant to) {
        java.time.Instant end = to == null ? java.time.Instant.now() : to;
        return metrics.report(from == null ? end.minus(java.time.Duration.ofDays(30)) : from, end);
    }
}
