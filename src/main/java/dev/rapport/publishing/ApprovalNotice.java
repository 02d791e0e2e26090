package dev.rapport.publishing;

import dev.rapport.core.web.HomeNotice;
import dev.rapport.publishing.domain.PostRecords;
import dev.rapport.team.Actor;
import dev.rapport.team.Role;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Leads and admins see on their home page how many posts wait for their approval. */
@Component
class ApprovalNotice implements HomeNotice {

    private final PostRecords records;

    ApprovalNotice(PostRecords records) {
        this.records = records;
    }

    @Override
    public Optional<Notice> notice() {
        Actor actor = Actor.current();
        if (!actor.is(Role.LEAD) && !actor.is(Role.ADMIN)) {
            return Optional.empty();
        }
        int pending = records.pendingPosts().size();
        return pending == 0
                ? Optional.empty()
                : Optional.of(new Notice("publishing.notice.pending", List.of(pending), "/approvals"));
    }
}
