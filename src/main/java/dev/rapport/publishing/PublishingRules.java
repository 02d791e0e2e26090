package dev.rapport.publishing;

import dev.rapport.core.AuditRecord;
import dev.rapport.core.Audited;
import dev.rapport.core.Refusal;
import dev.rapport.team.Actor;
import dev.rapport.team.Role;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The workspace's publishing rules: which posts need approval, and the limits the calendar warns
 * about — the promotional share of the content mix (the article: talk about the audience, not
 * yourself) and the automation ratio. Admins change them; the change is audited.
 */
@Service
public class PublishingRules {

    /**
     * @param approvalAccounts the accounts whose posts always need approval, for {@link ApprovalRule#ACCOUNTS}
     * @param promotionalMax the highest share of promotional posts, in percent
     * @param automationMax the highest share of automated posts per account, in percent
     */
    public record Rules(ApprovalRule approval, List<Long> approvalAccounts, int promotionalMax, int automationMax) {
        public Rules {
            approvalAccounts = List.copyOf(approvalAccounts);
        }

        /** Whether posts to this account need approval even when the screen passes them. */
        public boolean needsApproval(long accountId) {
            return approval == ApprovalRule.ALWAYS
                    || (approval == ApprovalRule.ACCOUNTS && approvalAccounts.contains(accountId));
        }
    }

    public record Changed(
            String actor, Rules rules, @Nullable String source, Instant occurredAt) implements Audited {
        public AuditRecord auditRecord() {
            return new AuditRecord(
                    actor,
                    "publishing.rules-changed",
                    "workspace",
                    rules.approval() + " " + rules.approvalAccounts() + " promotional≤" + rules.promotionalMax()
                            + "% automation≤" + rules.automationMax() + "%",
                    source,
                    occurredAt);
        }
    }

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    PublishingRules(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public Rules rules() {
        return jdbc.sql(
                        "SELECT approval, approval_accounts, promotional_max, automation_max FROM publishing_rules WHERE id = 1")
                .query((rs, row) -> new Rules(
                        ApprovalRule.valueOf(rs.getString("approval")),
                        Arrays.stream(rs.getString("approval_accounts").split(","))
                                .filter(id -> !id.isBlank())
                                .map(Long::valueOf)
                                .toList(),
                        rs.getInt("promotional_max"),
                        rs.getInt("automation_max")))
                .single();
    }

    @Transactional
    public Rules change(Rules rules) {
        Actor actor = Actor.current();
        if (!actor.is(Role.ADMIN)) {
            throw Refusal.forbidden("error.forbidden");
        }
        if (rules.promotionalMax() < 0
                || rules.promotionalMax() > 100
                || rules.automationMax() < 0
                || rules.automationMax() > 100) {
            throw Refusal.invalid("publishing.rules.percent");
        }
        jdbc.sql("""
                        UPDATE publishing_rules SET approval = ?, approval_accounts = ?, promotional_max = ?, automation_max = ?
                        WHERE id = 1""")
                .params(
                        rules.approval().name(),
                        rules.approvalAccounts().stream().map(String::valueOf).collect(Collectors.joining(",")),
                        rules.promotionalMax(),
                        rules.automationMax())
                .update();
        events.publishEvent(new Changed(actor.email(), rules, actor.source(), Instant.now()));
        return rules;
    }
}
