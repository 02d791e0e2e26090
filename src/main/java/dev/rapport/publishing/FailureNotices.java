package dev.rapport.publishing;

import dev.rapport.accounts.AccountManagement;
import dev.rapport.accounts.AccountView;
import dev.rapport.connectors.PublishOutcome;
import dev.rapport.core.Languages;
import dev.rapport.core.Mailer;
import dev.rapport.core.web.HomeNotice;
import dev.rapport.publishing.domain.PostRecords;
import dev.rapport.team.Actor;
import dev.rapport.team.MemberView;
import dev.rapport.team.Role;
import dev.rapport.team.TeamManagement;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Nothing fails silently: when a variant is not published (or may not have been), its author and
 * the account's owners are e-mailed in their language, and the author's home page says so until it
 * is dealt with. Leads and admins see on theirs what waits for their approval.
 */
@Component
class FailureNotices implements HomeNotice {

    private final PostRecords records;
    private final AccountManagement accounts;
    private final TeamManagement team;
    private final Mailer mailer;
    private final MessageSource messages;

    FailureNotices(
            PostRecords records,
            AccountManagement accounts,
            TeamManagement team,
            Mailer mailer,
            MessageSource messages) {
        this.records = records;
        this.accounts = accounts;
        this.team = team;
        this.mailer = mailer;
        this.messages = messages;
    }

    @ApplicationModuleListener
    void on(PublishingEvents.Failed failed) {
        if (!mailer.configured()) {
            return;
        }
        Optional<AccountView> account = accounts.find(failed.accountId());
        if (account.isEmpty()) {
            return;
        }
        Set<Long> recipients = new LinkedHashSet<>();
        recipients.add(records.author(failed.postId()));
        recipients.addAll(account.get().owners());
        for (long memberId : recipients) {
            MemberView member = team.member(memberId);
            if (!member.active()) {
                continue;
            }
            Locale locale = Languages.parse(member.language());
            String network = messages.getMessage(
                    "network." + account.get().network(), null, account.get().network(), locale);
            String reason = messages.getMessage(
                    "connection.reason." + PublishOutcome.kind(failed.reason()), null, failed.reason(), locale);
            String state = messages.getMessage("publishing.state." + failed.state(), null, locale);
            mailer.send(
                    member.email(),
                    messages.getMessage(
                            "mail.post-failed.subject",
                            new Object[] {network, account.get().handle(), state},
                            locale),
                    messages.getMessage(
                            "mail.post-failed.body",
                            new Object[] {member.name(), network, account.get().handle(), state, reason, failed.postId()
                            },
                            locale));
        }
    }

    @Override
    public Optional<Notice> notice() {
        Actor actor = Actor.current();
        if (actor.memberId() == null || actor.is(Role.VIEWER) || actor.is(Role.RESPONDER)) {
            return Optional.empty();
        }
        List<Long> failed = records.failedPostsOf(actor.memberId());
        if (failed.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Notice("publishing.notice.failed", List.of(failed.size()), "/posts/" + failed.get(0)));
    }
}
