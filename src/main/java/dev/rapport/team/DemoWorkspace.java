package dev.rapport.team;

import dev.rapport.team.Commands.InviteMember;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code --rapport.demo=true}: a bilingual sample team. Demo members have no password (there are no
 * default passwords); an admin issues them sign-in links from the members page.
 */
@Component
@ConditionalOnBooleanProperty("rapport.demo")
class DemoWorkspace {

    private static final Logger log = LoggerFactory.getLogger(DemoWorkspace.class);
    static final String DOMAIN = "@demo.rapport.dev";

    private final TeamManagement team;

    DemoWorkspace(TeamManagement team) {
        this.team = team;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(0)
    void load() {
        if (team.members().stream().anyMatch(member -> member.email().endsWith(DOMAIN))) {
            return;
        }
        var departments = team.departments();
        long marketing = byCode("marketing", departments);
        long sales = byCode("sales", departments);
        long support = byCode("support", departments);
        long billing = byCode("billing", departments);
        long production = byCode("production", departments);
        List.of(
                        new InviteMember("王芳 Wang Fang", "wang.fang" + DOMAIN, Role.LEAD, marketing, "zh-CN"),
                        new InviteMember("李伟 Li Wei", "li.wei" + DOMAIN, Role.MARKETER, marketing, "zh-CN"),
                        new InviteMember("Emma Clark", "emma.clark" + DOMAIN, Role.MARKETER, marketing, "en"),
                        new InviteMember("张敏 Zhang Min", "zhang.min" + DOMAIN, Role.RESPONDER, support, "zh-CN"),
                        new InviteMember("Oliver Brown", "oliver.brown" + DOMAIN, Role.RESPONDER, sales, "en"),
                        new InviteMember("陈静 Chen Jing", "chen.jing" + DOMAIN, Role.RESPONDER, billing, "zh-CN"),
                        new InviteMember("赵磊 Zhao Lei", "zhao.lei" + DOMAIN, Role.RESPONDER, production, "zh-CN"),
                        new InviteMember("Sophie Martin", "sophie.martin" + DOMAIN, Role.VIEWER, null, "en"))
                .forEach(team::invite);
        log.info("Demo workspace loaded: 8 sample members without passwords; issue them sign-in links from /members.");
    }

    private static long byCode(String code, List<DepartmentView> departments) {
        return departments.stream()
                .filter(department -> code.equals(department.code()))
                .findFirst()
                .orElseThrow()
                .id();
    }
}
