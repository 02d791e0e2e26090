package dev.rapport.connectors;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import dev.rapport.accounts.AccountManagement;
import dev.rapport.accounts.AccountView;
import dev.rapport.connectors.domain.ConnectionRecords;
import dev.rapport.core.Languages;
import dev.rapport.core.Mailer;
import dev.rapport.core.WorkspaceZone;
import dev.rapport.team.MemberView;
import dev.rapport.team.TeamManagement;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;

/**
 * Tells the owners of an account, by e-mail, when its connection will expire within a week, has
 * expired or keeps failing: at once when a token stops working, and from a daily task on one node
 * (at most once a week per connection). The connections page shows the same in the app.
 */
@Service
public class ConnectionWarnings {

    static final String TASK = "connection-warnings";
    private static final Duration AGAIN_AFTER = Duration.ofDays(7);

    private final ConnectionRecords records;
    private final AccountManagement accounts;
    private final TeamManagement team;
    private final Mailer mailer;
    private final MessageSource messages;
    private final WorkspaceZone zone;

    ConnectionWarnings(
            ConnectionRecords records,
            AccountManagement accounts,
            TeamManagement team,
            Mailer mailer,
            MessageSource messages,
            WorkspaceZone zone) {
        this.records = records;
        this.accounts = accounts;
        this.team = team;
        this.mailer = mailer;
        this.messages = messages;
        this.zone = zone;
    }

    /** Warns about every connection that needs it; returns how many e-mails went out. */
    public int warn() {
        if (!mailer.configured()) {
            return 0;
        }
        int sent = 0;
        for (ConnectionView connection : records.claimWarnings(AGAIN_AFTER)) {
            sent += tellOwners(connection);
        }
        return sent;
    }

    @ApplicationModuleListener
    void on(ConnectionEvents.Expired expired) {
        if (mailer.configured()) {
            records.find(expired.accountId()).ifPresent(this::tellOwners);
        }
    }

    private int tellOwners(ConnectionView connection) {
        AccountView account = accounts.find(connection.accountId()).orElse(null);
        if (account == null) {
            return 0;
        }
        int sent = 0;
        List<Long> owners = account.owners();
        for (long ownerId : owners) {
            MemberView owner = team.member(ownerId);
            if (!owner.active()) {
                continue;
            }
            Locale locale = Languages.parse(owner.language());
            String network = messages.getMessage("network." + account.network(), null, account.network(), locale);
            String status = messages.getMessage("connection.status." + connection.status(), null, locale);
            String expires = connection.expiresAt() == null
                    ? "-"
                    : DateTimeFormatter.ISO_LOCAL_DATE.format(
                            connection.expiresAt().atZone(zone.zoneId()));
            String failure = connection.failureMessage() == null ? "" : connection.failureMessage();
            if (mailer.send(
                    owner.email(),
                    messages.getMessage(
                            "mail.connection.subject", new Object[] {network, account.handle(), status}, locale),
                    messages.getMessage(
                            "mail.connection.body",
                            new Object[] {owner.name(), network, account.handle(), status, expires, failure},
                            locale))) {
                sent++;
            }
        }
        return sent;
    }

    @Configuration(proxyBeanMethods = false)
    static class Schedule {

        /** Daily, on one node. */
        @Bean
        RecurringTask<Void> connectionWarningsTask(ConnectionWarnings warnings) {
            return Tasks.recurring(TASK, FixedDelay.ofHours(24)).execute((instance, context) -> warnings.warn());
        }
    }
}
