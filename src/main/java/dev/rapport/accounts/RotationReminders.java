package dev.rapport.accounts;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import dev.rapport.accounts.domain.AccountRecords;
import dev.rapport.accounts.domain.SecretRecords;
import dev.rapport.core.Languages;
import dev.rapport.core.Mailer;
import dev.rapport.core.WorkspaceZone;
import dev.rapport.team.MemberView;
import dev.rapport.team.TeamManagement;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reminds the owners of accounts whose credentials are due for rotation within two weeks, or
 * overdue: by e-mail where mail is configured, once a week per secret, from a daily background task
 * that runs on one node. The accounts page shows the same list in the app.
 */
@Service
public class RotationReminders {

    static final String TASK = "credential-rotation-reminders";
    private static final Duration AGAIN_AFTER = Duration.ofDays(7);

    private final SecretRecords secrets;
    private final AccountRecords accounts;
    private final TeamManagement team;
    private final Mailer mailer;
    private final MessageSource messages;
    private final WorkspaceZone zone;

    RotationReminders(
            SecretRecords secrets,
            AccountRecords accounts,
            TeamManagement team,
            Mailer mailer,
            MessageSource messages,
            WorkspaceZone zone) {
        this.secrets = secrets;
        this.accounts = accounts;
        this.team = team;
        this.mailer = mailer;
        this.messages = messages;
        this.zone = zone;
    }

    /** Sends the reminders that are due; returns how many e-mails went out. */
    @Transactional
    public int remind() {
        if (!mailer.configured()) {
            return 0;
        }
        Instant now = Instant.now();
        Map<Long, List<String>> linesByOwner = new LinkedHashMap<>();
        Map<Long, MemberView> owners = new LinkedHashMap<>();
        List<SecretView> due = secrets.dueForReminder(
                now.plus(Duration.ofDays(CredentialVault.REMINDER_DAYS)), now.minus(AGAIN_AFTER));
        for (SecretView secret : due) {
            AccountView account = accounts.find(secret.accountId()).orElseThrow();
            for (long ownerId : account.owners()) {
                MemberView owner = team.member(ownerId);
                if (!owner.active()) {
                    continue;
                }
                owners.put(ownerId, owner);
                Locale locale = Languages.parse(owner.language());
                linesByOwner
                        .computeIfAbsent(ownerId, id -> new ArrayList<>())
                        .add(messages.getMessage(
                                secret.overdueAt(now) ? "mail.rotation.line.overdue" : "mail.rotation.line.due",
                                new Object[] {
                                    messages.getMessage("network." + account.network(), null, locale),
                                    account.handle(),
                                    secret.label(),
                                    DateTimeFormatter.ISO_LOCAL_DATE.format(
                                            secret.rotationDue().atZone(zone.zoneId()))
                                },
                                locale));
            }
        }
        int sent = 0;
        for (var entry : linesByOwner.entrySet()) {
            MemberView owner = owners.get(entry.getKey());
            Locale locale = Languages.parse(owner.language());
            boolean accepted = mailer.send(
                    owner.email(),
                    messages.getMessage(
                            "mail.rotation.subject",
                            new Object[] {entry.getValue().size()},
                            locale),
                    messages.getMessage(
                            "mail.rotation.body",
                            new Object[] {owner.name(), String.join("\n", entry.getValue())},
                            locale));
            if (accepted) {
                sent++;
            }
        }
        due.forEach(secret -> secrets.reminded(secret.id()));
        return sent;
    }

    @Configuration(proxyBeanMethods = false)
    static class Schedule {

        /** Daily, on one node. */
        @Bean
        RecurringTask<Void> credentialRotationReminders(RotationReminders reminders) {
            return Tasks.recurring(TASK, FixedDelay.ofHours(24)).execute((instance, context) -> reminders.remind());
        }
    }
}
