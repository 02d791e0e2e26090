package dev.rapport.team;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.MOCK,
        properties = {"rapport.demo=true", "spring.datasource.url=jdbc:h2:mem:demo;MODE=PostgreSQL;DB_CLOSE_DELAY=-1"})
class DemoWorkspaceTests {

    @Autowired
    TeamManagement team;

    @Autowired
    DemoWorkspace demo;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void theDemoTeamIsBilingualHasNoPasswordsAndLoadsOnce() {
        var demoMembers = team.members().stream()
                .filter(m -> m.email().endsWith(DemoWorkspace.DOMAIN))
                .toList();
        assertThat(demoMembers).hasSize(8);
        assertThat(demoMembers).extracting(MemberView::language).contains("zh-CN", "en");
        assertThat(demoMembers)
                .extracting(MemberView::role)
                .contains(Role.values()[1], Role.MARKETER, Role.RESPONDER, Role.VIEWER);
        assertThat(demoMembers).noneMatch(MemberView::passwordSet);
        // The marketers are in the built-in marketing department, where the inbox sends what no one else answers.
        long marketing = team.departments().stream()
                .filter(d -> "marketing".equals(d.code()))
                .findFirst()
                .orElseThrow()
                .id();
        assertThat(demoMembers)
                .filteredOn(member -> member.role() == Role.MARKETER)
                .allMatch(member -> Long.valueOf(marketing).equals(member.departmentId()));

        var accounts = jdbc.sql("SELECT network, status FROM account")
                .query((rs, n) -> rs.getString(1) + ":" + rs.getString(2))
                .list();
        assertThat(accounts)
                .contains(
                        "wechat:ACTIVE",
                        "weibo:ACTIVE",
                        "linkedin:ACTIVE",
                        "xiaohongshu:REQUESTED",
                        "douyin:DISCOVERED");

        demo.load();

        assertThat(team.members().stream().filter(m -> m.email().endsWith(DemoWorkspace.DOMAIN)))
                .hasSize(8);
    }
}
