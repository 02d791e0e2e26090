package dev.rapport.inbox.web;

import dev.rapport.team.DepartmentView;
import dev.rapport.team.MemberView;
import dev.rapport.team.TeamManagement;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Departments and members by id, named as the inbox pages show them. */
@Component
class TeamNames {

    private final TeamManagement team;
    private final MessageSource messages;

    TeamNames(TeamManagement team, MessageSource messages) {
        this.team = team;
        this.messages = messages;
    }

    /** Built-in departments in the member's language, custom ones by their name. */
    Map<Long, String> departments() {
        Locale locale = LocaleContextHolder.getLocale();
        return team.departments().stream()
                .collect(Collectors.toMap(
                        DepartmentView::id,
                        department -> department.messageKey() == null
                                ? String.valueOf(department.name())
                                : messages.getMessage(department.messageKey(), null, locale)));
    }

    Map<Long, String> members() {
        return team.members().stream().collect(Collectors.toMap(MemberView::id, MemberView::name, (a, b) -> a));
    }
}
