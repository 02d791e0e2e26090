package dev.rapport.team.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.team.Role;
import dev.rapport.team.TeamManagement;
import dev.rapport.testing.ApplicationTest;
import dev.rapport.testing.TestMembers;
import dev.rapport.testing.WebSession;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The UI's sign-in, session and CSRF rules, through HTTP as a browser sends it. */
@ApplicationTest
class SignInIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    TeamManagement team;

    @Test
    void pagesRedirectToSignInUntilSignedIn() {
        var session = new WebSession(port);
        var home = session.get("/");
        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(home.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        assertThat(session.get("/login").statusCode()).isEqualTo(200);
    }

    @Test
    void signInWithTheRightPasswordWorksAndTheWrongOneDoesNot() {
        var member = TestMembers.create(team, Role.MARKETER);
        assertThat(new WebSession(port).signIn(member.email(), "wrong password!!"))
                .endsWith("/login?error");
        var session = new WebSession(port);
        assertThat(session.signIn(member.email(), member.password())).endsWith("/");
        assertThat(session.get("/").body()).contains(member.email().substring(0, 4));
    }

    @Test
    void aLongEmailAddressCanSignIn() {
        String email = "x".repeat(60) + "@" + "y".repeat(50) + "." + "z".repeat(50) + ".test";
        var invited = team.invite(new dev.rapport.team.Commands.InviteMember("Long", email, Role.VIEWER, null, "en"));
        team.acceptInvitation(invited.token(), TestMembers.PASSWORD);
        var session = new WebSession(port);
        assertThat(session.signIn(email, TestMembers.PASSWORD)).endsWith("/");
        assertThat(session.get("/account").statusCode()).isEqualTo(200);
    }

    @Test
    void aLockedOutMembersTokensKeepWorking() {
        var member = TestMembers.create(team, Role.MARKETER);
        var api = new dev.rapport.testing.Api(port).basic(member.email(), member.password());
        String created =
                api.post("/api/v1/me/tokens", "{\"name\":\"integration\"}").body();
        String secret = created.replaceAll(".*\"secret\":\"([^\"]+)\".*", "$1");
        for (int i = 0; i < 5; i++) {
            new WebSession(port).signIn(member.email(), "guessing " + i);
        }
        assertThat(new WebSession(port).signIn(member.email(), member.password()))
                .endsWith("/login?locked");
        assertThat(new dev.rapport.testing.Api(port)
                        .bearer(secret)
                        .get("/api/v1/members")
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void repeatedFailuresLockTheAccountEvenForTheRightPassword() {
        var member = TestMembers.create(team, Role.MARKETER);
        for (int i = 0; i < 5; i++) {
            assertThat(new WebSession(port).signIn(member.email(), "wrong password " + i))
                    .endsWith("/login?error");
        }
        assertThat(new WebSession(port).signIn(member.email(), member.password()))
                .endsWith("/login?locked");
        assertThat(team.member(member.id()).active()).isTrue();
    }

    @Test
    void rememberMeKeepsTheSessionForThirtyDaysAcrossBrowserRestarts(
            @Autowired org.springframework.session.FindByIndexNameSessionRepository<?> sessions) {
        var member = TestMembers.create(team, Role.MARKETER);
        var session = new WebSession(port);
        session.get("/login");
        var remembered = session.post(
                "/login", Map.of("email", member.email(), "password", member.password(), "remember-me", "on"));
        assertThat(remembered.headers().allValues("Set-Cookie"))
                .anySatisfy(cookie -> assertThat(cookie).startsWith("SESSION=").contains("Max-Age="));
        assertThat(sessions.findByPrincipalName(member.email()).values())
                .singleElement()
                .satisfies(s -> assertThat(s.getMaxInactiveInterval()).isEqualTo(java.time.Duration.ofDays(30)));

        var plain = new WebSession(port);
        plain.get("/login");
        var forgotten = plain.post("/login", Map.of("email", member.email(), "password", member.password()));
        assertThat(forgotten.headers().allValues("Set-Cookie"))
                .filteredOn(cookie -> cookie.startsWith("SESSION="))
                .allSatisfy(cookie -> assertThat(cookie).doesNotContain("Max-Age="));
    }

    @Test
    void aPasswordTypedIntoTheEmailFieldIsNeverRecorded(@Autowired dev.rapport.audit.AuditLog audit) {
        String typo = "My secret passphrase " + java.util.UUID.randomUUID();
        new WebSession(port).signIn(typo, "whatever");
        org.awaitility.Awaitility.await()
                .untilAsserted(() -> assertThat(
                                audit.find(new dev.rapport.audit.AuditQuery(null, "sign-in.failed", null, null, 0, 20))
                                        .entries())
                        .anySatisfy(e -> assertThat(e.actor()).isEqualTo("(not an e-mail address)")));
        assertThat(audit.find(new dev.rapport.audit.AuditQuery(typo.substring(0, 20), null, null, null, 0, 5))
                        .total())
                .isZero();
    }

    @Test
    void formsWithoutCsrfTokenAreRefused() {
        var member = TestMembers.create(team, Role.MARKETER);
        var session = new WebSession(port);
        session.signIn(member.email(), member.password());
        session.get("/account");
        var response = session.postRaw("/account/tokens", Map.of("name", "no csrf"), false);
        assertThat(response.statusCode()).isEqualTo(403);
        var login = new WebSession(port)
                .postRaw("/login", Map.of("email", member.email(), "password", member.password()), false);
        assertThat(login.statusCode()).isEqualTo(403);
    }

    @Test
    void signOutEverywhereEndsEverySessionOfTheMember() {
        var member = TestMembers.create(team, Role.RESPONDER);
        var laptop = new WebSession(port);
        var phone = new WebSession(port);
        laptop.signIn(member.email(), member.password());
        phone.signIn(member.email(), member.password());
        assertThat(phone.get("/account").statusCode()).isEqualTo(200);

        laptop.get("/account");
        var out = laptop.post("/account/sessions/revoke", Map.of());

        assertThat(out.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login?signedout"));
        assertThat(phone.get("/account").statusCode()).isEqualTo(302);
        assertThat(laptop.get("/account").statusCode()).isEqualTo(302);
    }

    @Test
    void theAccountPageListsTheMembersSessions() {
        var member = TestMembers.create(team, Role.VIEWER);
        var first = new WebSession(port);
        first.signIn(member.email(), member.password());
        new WebSession(port).signIn(member.email(), member.password());
        String page = first.get("/account").body();
        assertThat(page.split("<td>127\\.0\\.0\\.1</td>|<td>0:0:0:0:0:0:0:1</td>").length - 1)
                .isEqualTo(2);
    }

    @Test
    void changingThePasswordKeepsThisSessionAndEndsTheOthers() {
        var member = TestMembers.create(team, Role.MARKETER);
        var here = new WebSession(port);
        var there = new WebSession(port);
        here.signIn(member.email(), member.password());
        there.signIn(member.email(), member.password());
        here.get("/account");
        var changed = here.post(
                "/account/password",
                Map.of(
                        "current",
                        member.password(),
                        "password",
                        "An-even-newer-passphrase-1",
                        "confirmation",
                        "An-even-newer-passphrase-1"));
        assertThat(changed.statusCode()).isEqualTo(302);
        assertThat(here.get("/account").statusCode()).isEqualTo(200);
        assertThat(there.get("/account").statusCode()).isEqualTo(302);
        assertThat(new WebSession(port).signIn(member.email(), "An-even-newer-passphrase-1"))
                .endsWith("/");
    }

    @Test
    void aWeakPasswordIsRefusedWithTheReason() {
        var member = TestMembers.create(team, Role.MARKETER);
        var session = new WebSession(port);
        session.signIn(member.email(), member.password());
        session.get("/account");
        var page = session.post(
                "/account/password",
                Map.of("current", member.password(), "password", "short", "confirmation", "short"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("at least 12 characters");
    }

    @Test
    void onlyAdminsOpenTheAuditLogAndSettings() {
        var marketer = TestMembers.create(team, Role.MARKETER);
        var session = new WebSession(port);
        session.signIn(marketer.email(), marketer.password());
        assertThat(session.get("/audit").statusCode()).isEqualTo(403);
        assertThat(session.get("/settings").statusCode()).isEqualTo(403);
        assertThat(session.get("/members").statusCode()).isEqualTo(200);

        var admin = new WebSession(port);
        admin.signIn(TestMembers.ADMIN_EMAIL, TestMembers.ADMIN_PASSWORD);
        assertThat(admin.get("/audit").statusCode()).isEqualTo(200);
        assertThat(admin.get("/settings").statusCode()).isEqualTo(200);
    }

    @Test
    void unknownThingsAndOtherMembersTokensAre404PagesNotErrors() {
        var owner = TestMembers.create(team, Role.MARKETER);
        var ownerApi = new dev.rapport.testing.Api(port).basic(owner.email(), owner.password());
        String created =
                ownerApi.post("/api/v1/me/tokens", "{\"name\":\"mine\"}").body();
        long tokenId = Long.parseLong(created.replaceAll(".*\"token\":\\{\"id\":(\\d+).*", "$1"));

        var other = TestMembers.create(team, Role.MARKETER);
        var session = new WebSession(port);
        session.signIn(other.email(), other.password());
        var unknown = session.get("/members/99999999");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("There is no member 99999999");

        session.get("/account");
        var foreign = session.post("/account/tokens/" + tokenId + "/revoke", Map.of());
        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(ownerApi.get("/api/v1/me/tokens").body()).doesNotContain("revokedAt");
    }

    @Test
    void aNewTokenIsShownOnceAndNeverPassesThroughTheSessionStore(
            @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        var member = TestMembers.create(team, Role.MARKETER);
        var session = new WebSession(port);
        session.signIn(member.email(), member.password());
        session.get("/account");
        var page = session.post("/account/tokens", Map.of("name", "laptop", "expiresInDays", "30"));
        var matcher = java.util.regex.Pattern.compile("id=\"created-token\">(rpt_[^<]+)<")
                .matcher(page.body());
        assertThat(matcher.find()).isTrue();
        String secret = matcher.group(1);

        assertThat(session.get("/account").body()).doesNotContain(secret);
        var stored = jdbc.sql("SELECT attribute_bytes FROM spring_session_attributes")
                .query(byte[].class)
                .list();
        assertThat(stored).isNotEmpty();
        assertThat(stored)
                .noneMatch(bytes -> new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1).contains(secret));
    }

    @Test
    void theLanguageFollowsTheBrowserAndTheSwitch() {
        var session = new WebSession(port);
        assertThat(session.get("/login").body()).contains("Sign in");
        assertThat(session.get("/login?lang=zh-CN").body()).contains("登录");
        assertThat(session.get("/login").body()).contains("登录");
    }
}
