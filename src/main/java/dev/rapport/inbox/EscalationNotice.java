package dev.rapport.inbox;

import dev.rapport.core.web.HomeNotice;
import dev.rapport.inbox.domain.EscalationRecords;
import dev.rapport.team.Actor;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Members see on their home page the waiting conversations escalated to them, until they are answered or closed. */
@Component
class EscalationNotice implements HomeNotice {

    private final EscalationRecords records;

    EscalationNotice(EscalationRecords records) {
        this.records = records;
    }

    @Override
    public Optional<Notice> notice() {
        Actor actor = Actor.current();
        if (actor.memberId() == null) {
            return Optional.empty();
        }
        List<Long> escalated = records.escalatedTo(actor.memberId());
        return escalated.isEmpty()
                ? Optional.empty()
                : Optional.of(new Notice(
                        "inbox.notice.escalated", List.of(escalated.size()), "/conversations/" + escalated.get(0)));
    }
}
