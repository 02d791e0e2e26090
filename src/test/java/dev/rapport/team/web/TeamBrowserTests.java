package dev.rapport.team.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.testing.Browser;
import dev.rapport.testing.BrowserTest;
import dev.rapport.testing.TestMembers;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@BrowserTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TeamBrowserTests {

    @LocalServerPort
    int port;

    @Test
    void anAdminInvitesAMemberWhoSetsAPasswordAndSignsInThenIsDeactivatedAndCannot() {
        String email = "mei-" + UUID.randomUUID().toString().substring(0, 8) + "@rapport.test";
        String link;
        String memberPage;
        try (Browser admin = new Browser(port, "zh-CN")) {
            admin.signIn(TestMembers.ADMIN_EMAIL, TestMembers.ADMIN_PASSWORD);
            admin.open("/members").submit("#lang-zh");
            assertThat(admin.text("h1")).isEqualTo("团队");
            admin.type("#name", "韩梅梅")
                    .type("#email", email)
                    .select("#role", "RESPONDER")
                    .submit("#invite-submit");
            link = admin.text("#invitation-link");
            memberPage = java.net
                    .URI
                    .create(admin.attribute("#member-form", "action"))
                    .getPath();
            assertThat(link).contains("/invitation/");
            assertThat(admin.text("#member-status")).isEqualTo("已邀请");
            admin.screenshot("04-invitation-link-zh");

            try (Browser member = new Browser(port, "zh-CN")) {
                member.open(link.substring(link.indexOf("/invitation/")));
                assertThat(member.page()).contains("韩梅梅");
                member.type("#password", "Plum-blossom-garden-9")
                        .type("#confirmation", "Plum-blossom-garden-9")
                        .submit("#invitation-submit");
                assertThat(member.path()).isEqualTo("/login?welcome");

                member.signIn(email, "Plum-blossom-garden-9");
                assertThat(member.path()).isEqualTo("/");
                assertThat(member.text("#nav-account")).isEqualTo("韩梅梅");

                member.open(link.substring(link.indexOf("/invitation/")));
                assertThat(member.page()).contains("此链接已失效");

                admin.open(memberPage).submit("#deactivate");
                assertThat(admin.text("#member-status")).isEqualTo("已停用");

                member.open("/members");
                assertThat(member.path()).isEqualTo("/login");
                member.signIn(email, "Plum-blossom-garden-9");
                assertThat(member.path()).isEqualTo("/login?error");
                assertThat(member.page()).contains("邮箱或密码不正确");
            }

            admin.open("/swagger-ui.html");
            assertThat(admin.find(".opblock-tag-section").getText()).isNotBlank();
            assertThat(admin.page()).contains("/api/v1/members");
            admin.screenshot("06-swagger-ui");
        }
    }
}
