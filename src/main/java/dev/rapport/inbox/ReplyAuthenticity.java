package dev.rapport.inbox;

import dev.rapport.content.CrossPosting;
import dev.rapport.content.NearDuplicate;
import dev.rapport.content.NearDuplicates;
import dev.rapport.content.TimeWindow;
import dev.rapport.core.Refusal;
import dev.rapport.inbox.domain.InboxRecords;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The article's authenticity rule for replies. A saved reply is where a reply starts, not what it
 * says: a reply that is still a saved reply's text — placeholders filled in or not — is refused
 * while the workspace requires personalisation, and a placeholder left in it always is. And the
 * same words sent to many people read as automated: a reply that this account already sent, or
 * nearly (the content module's near-duplicate search), to other people in the last week is flagged
 * once it reaches {@value #MANY_PEOPLE} people. Nothing here ever sends a reply by itself.
 */
@Component
public class ReplyAuthenticity {

    /** From how many people (this one included) the same words are flagged. */
    public static final int MANY_PEOPLE = 5;

    public static final Duration WINDOW = Duration.ofDays(7);

    /**
     * What the rule finds in a reply.
     *
     * @param savedReply the title of the saved reply the text still is, or null
     * @param placeholder a placeholder left in the text, or null
     * @param personalisationRequired whether the workspace refuses an unedited saved reply
     * @param sameTextSentTo how many other people this account sent the same or nearly the same words
     *     to in the last week
     */
    public record Finding(
            @Nullable String savedReply,
            @Nullable String placeholder,
            boolean personalisationRequired,
            int sameTextSentTo) {

        /** The same words went to many people: the member is warned, the reply not refused. */
        public boolean repeated() {
            return sameTextSentTo + 1 >= MANY_PEOPLE;
        }

        /** The reason the reply may not go out as it is, or null. */
        public @Nullable Refusal refusal() {
            if (placeholder != null) {
                return Refusal.invalid("inbox.saved-reply.placeholder", placeholder);
            }
            if (savedReply != null && personalisationRequired) {
                return Refusal.invalid("inbox.saved-reply.unedited", savedReply);
            }
            return null;
        }
    }

    private final InboxRecords records;
    private final SavedReplies savedReplies;

    ReplyAuthenticity(InboxRecords records, SavedReplies savedReplies) {
        this.records = records;
        this.savedReplies = savedReplies;
    }

    Finding check(ConversationView conversation, String text) {
        String savedReply = savedReplies.library().stream()
                .filter(saved -> CrossPosting.sameText(text, saved.text())
                        || CrossPosting.sameText(text, saved.filledFor(conversation.contact())))
                .map(SavedReply::title)
                .findFirst()
                .orElse(null);
        String placeholder = SavedReply.PLACEHOLDERS.stream()
                .filter(text::contains)
                .findFirst()
                .orElse(null);
        return new Finding(
                savedReply, placeholder, savedReplies.personalisationRequired(), sameTextSentTo(conversation, text));
    }

    /** Other people this account answered with the same or nearly the same words in the window. */
    private int sameTextSentTo(ConversationView conversation, String text) {
        Instant since = Instant.now().minus(WINDOW);
        String account = String.valueOf(conversation.accountId());
        NearDuplicates sent = new NearDuplicates();
        Map<String, Long> contacts = new HashMap<>();
        for (InboxRecords.SentReply reply : records.recentReplies(conversation.accountId(), since)) {
            if (reply.contactId() != conversation.contact().id()) {
                String id = String.valueOf(contacts.size());
                contacts.put(id, reply.contactId());
                sent.add(id, account, reply.at(), reply.text());
            }
        }
        return (int) sent.similar(text, account, new TimeWindow(since, Instant.MAX)).stream()
                .map(NearDuplicate::id)
                .map(contacts::get)
                .distinct()
                .count();
    }
}
