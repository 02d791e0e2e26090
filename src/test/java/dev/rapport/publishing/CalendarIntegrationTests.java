package dev.rapport.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.team.Role;
import dev.rapport.team.TeamManagement;
import dev.rapport.testing.Api;
import dev.rapport.testing.ApplicationTest;
import dev.rapport.testing.TestAccounts;
import dev.rapport.testing.TestMembers;
import dev.rapport.testing.TestMembers.Credentials;
import dev.rapport.testing.WebSession;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The calendar and the content mix of a month, and moving a post to another day. */
@ApplicationTest
class CalendarIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    TeamManagement team;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    Credentials marketer;
    Credentials lead;
    long account;
    // A month far ahead, which no other test plans anything in.
    final Instant from = LocalDateTime.of(2031, 3, 1, 0, 0).toInstant(ZoneOffset.UTC);
    final Instant to = LocalDateTime.of(2031, 4, 1, 0, 0).toInstant(ZoneOffset.UTC);

    @BeforeEach
    void plan() {
        marketer = TestMembers.create(team, Role.MARKETER);
        lead = TestMembers.create(team, Role.LEAD);
        Api.as(port, marketer).post("/api/v1/policy/acknowledgement", "");
        account = TestAccounts.active(port, marketer, lead, "weibo");
        TestAccounts.connectToSandbox(port, account, marketer);
        schedule("限时八折，立即下单，买一送一！", "PROMOTIONAL", "2031-03-03T01:00:00Z");
        schedule("新品预售开启，下单即享优惠价。", "PROMOTIONAL", "2031-03-10T01:00:00Z");
        schedule("三个小技巧，教你把咖啡做得更香。你最喜欢哪一个？", "EDUCATIONAL", "2031-03-17T01:00:00Z");
    }

    long schedule(String idea, String type, String at) {
        var composed = Api.as(port, marketer).post("/api/v1/posts", """
                {"idea":"%s","accountIds":[%d],"contentType":"%s","scheduledAt":"%s"}""".formatted(idea, account, type, at));
        assertThat(composed.statusCode()).as(composed.body()).isEqualTo(201);
        long id = json.readTree(composed.body()).at("/post/id").asLong();
        var submitted = Api.as(port, marketer).post("/api/v1/posts/" + id + "/submit", "");
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
        return id;
    }

    /** The content mix section a calendar page loads after its grid, from the address the page gives. */
    String mixSection(WebSession web, String page) {
        Matcher load = Pattern.compile("hx-get=\"([^\"]*/calendar/mix[^\"]*)\"")
                .matcher(web.get(page).body());
        assertThat(load.find()).as("the page loads its mix").isTrue();
        String address = load.group(1).replace("&amp;", "&");
        assertThat(address)
                .contains("from=2031-03-01")
                .contains("to=2031-03-31")
                .contains("account=" + account);
        var section = web.get(address + "&lang=en");
        assertThat(section.statusCode()).isEqualTo(200);
        return section.body();
    }

    JsonNode calendar(Credentials as, String query) {
        var response = Api.as(port, as).get("/api/v1/calendar?from=" + from + "&to=" + to + query);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    @Test
    void thePageFiltersByCampaignAndByNetworkAndKeepsTheFiltersInItsLinks() {
        String campaign = "Harbour week " + account;
        var composed = Api.as(port, marketer).post("/api/v1/posts", """
                {"idea":"港口周第一天：欢迎来店里品尝新面包","accountIds":[%d],"campaign":"%s","scheduledAt":"2031-03-24T02:00:00Z"}""".formatted(account, campaign));
        assertThat(composed.statusCode()).as(composed.body()).isEqualTo(201);
        long post = json.readTree(composed.body()).at("/post/id").asLong();
        assertThat(Api.as(port, marketer)
                        .post("/api/v1/posts/" + post + "/submit", "")
                        .statusCode())
                .isEqualTo(200);
        long campaignId = jdbc.sql("SELECT id FROM campaign WHERE name = ?")
                .param(campaign)
                .query(Long.class)
                .single();

        WebSession web = new WebSession(port);
        web.signIn(marketer.email(), marketer.password());
        String all = web.get("/calendar?month=2031-03&lang=en").body();
        assertThat(all).contains("<option value=\"" + campaignId + "\">" + campaign + "</option>");
        assertThat(all.split("class=\"chip").length - 1).isEqualTo(4);

        String inCampaign = web.get("/calendar?month=2031-03&campaign=" + campaignId + "&lang=en")
                .body();
        assertThat(inCampaign.split("class=\"chip").length - 1).isEqualTo(1);
        assertThat(inCampaign).contains("港口周第一天").contains("campaign=" + campaignId);
        assertThat(inCampaign).contains("<option value=\"" + campaignId + "\" selected=\"selected\">");

        assertThat(web.get("/calendar?month=2031-03&network=weibo&lang=en")
                                .body()
                                .split("class=\"chip")
                                .length
                        - 1)
                .isEqualTo(4);
        assertThat(web.get("/calendar?month=2031-03&network=mastodon&lang=en").body())
                .doesNotContain("class=\"chip");
    }

    @Test
    void theMonthShowsThePlannedPostsWithFiltersAndOnlyToThoseWhoSeeTheAccount() {
        JsonNode month = calendar(marketer, "&account=" + account);
        assertThat(month).hasSize(3);
        assertThat(month.findValuesAsString("state")).containsOnly("SCHEDULED");
        assertThat(month.get(0).get("at").asString()).isEqualTo("2031-03-03T01:00:00Z");
        assertThat(calendar(marketer, "&account=" + account + "&contentType=EDUCATIONAL"))
                .hasSize(1);
        assertThat(calendar(marketer, "&network=x&account=" + account)).isEmpty();
        Credentials stranger = TestMembers.create(team, Role.MARKETER);
        assertThat(calendar(stranger, "")).isEmpty();
        assertThat(Api.as(port, marketer)
                        .get("/api/v1/calendar?from=2031-01-01T00:00:00Z&to=2031-06-01T00:00:00Z")
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void theListComesInPagesLinkedByTheirNextAddress() {
        var first = Api.as(port, marketer)
                .get("/api/v1/calendar?from=" + from + "&to=" + to + "&account=" + account + "&limit=2");
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(json.readTree(first.body()).findValuesAsString("at"))
                .containsExactly("2031-03-03T01:00:00Z", "2031-03-10T01:00:00Z");
        String link = first.headers().firstValue("Link").orElseThrow();
        assertThat(link).endsWith(">; rel=\"next\"").contains("after=").contains("limit=2");
        String next = link.substring(link.indexOf("/api/v1/calendar"), link.indexOf('>'));
        var second = Api.as(port, marketer).get(next);
        assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
        assertThat(json.readTree(second.body()).findValuesAsString("at")).containsExactly("2031-03-17T01:00:00Z");
        assertThat(second.headers().firstValue("Link")).isEmpty();

        assertThat(Api.as(port, marketer)
                        .get("/api/v1/calendar?from=" + from + "&to=" + to + "&limit=0")
                        .statusCode())
                .isEqualTo(400);
        var badCursor = Api.as(port, marketer).get("/api/v1/calendar?from=" + from + "&to=" + to + "&after=x");
        assertThat(badCursor.statusCode()).isEqualTo(400);
        assertThat(badCursor.body()).contains("is not a page of the calendar");
    }

    @Test
    void aLeadSeesEveryAccountsPostsWithoutNamingThem() {
        assertThat(calendar(lead, "").findValuesAsString("handle"))
                .contains(calendar(marketer, "&account=" + account)
                        .get(0)
                        .get("handle")
                        .asString());
    }

    @Test
    void repeatsOfTheAccountsPostsCountAsAutomatedAndWarnOverTheLimit() {
        schedule("三个小技巧，教你把咖啡做得更香。你最喜欢哪一个？", "EDUCATIONAL", "2031-03-20T01:00:00Z");
        long repeat = schedule("三个小技巧：教你把咖啡做得更香！你最喜欢哪一个？", "EDUCATIONAL", "2031-03-24T01:00:00Z");
        JsonNode mix = json.readTree(Api.as(port, marketer)
                .get("/api/v1/content-mix?from=" + from + "&to=" + to + "&account=" + account)
                .body());
        assertThat(mix.at("/accounts/0/posts").asInt()).isEqualTo(5);
        assertThat(mix.at("/accounts/0/automatedShare").asInt()).isEqualTo(40);
        assertThat(mix.at("/accounts/0/over").asBoolean()).isTrue();
        assertThat(repeat).isPositive();

        WebSession web = new WebSession(port);
        web.signIn(marketer.email(), marketer.password());
        assertThat(mixSection(web, "/calendar?month=2031-03&account=" + account + "&lang=en"))
                .contains("id=\"automation-" + account + "\"")
                .contains("40% of its posts read as automated")
                .containsPattern("id=\"automation-share-" + account
                        + "\">\\s*<td>[^<]*</td><td>5</td>\\s*<td class=\"over\">40%</td>");
    }

    @Test
    void theAccountPageSaysHowAutomatedTheAccountsRecentAndComingPostsRead() {
        Instant soon = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        schedule(
                "周末烘焙课：教你做一款全麦欧包，名额有限，欢迎报名。",
                "EDUCATIONAL",
                soon.plus(Duration.ofDays(2)).toString());
        schedule(
                "周末烘焙课：教你做一款全麦欧包！名额有限，欢迎报名",
                "EDUCATIONAL",
                soon.plus(Duration.ofDays(3)).toString());
        WebSession web = new WebSession(port);
        web.signIn(marketer.email(), marketer.password());
        Matcher load = Pattern.compile("hx-get=\"([^\"]*/accounts/" + account + "/automation)\"")
                .matcher(web.get("/accounts/" + account + "?lang=en").body());
        assertThat(load.find())
                .as("the account page loads its automation section")
                .isTrue();
        String section = web.get(load.group(1) + "?lang=en").body();
        assertThat(section)
                .contains(
                        "2 posts in the last 30 days and the next 15; 50% read as automated (the workspace allows 30%)")
                .contains("class=\"alert\"");
        assertThat(web.get(load.group(1) + "?lang=zh-CN").body()).contains("共 2 条帖子，其中 50% 看起来像自动发布");
    }

    @Test
    void aBusyDayShowsItsFirstPostsAndHowManyMoreInTheMonthAndAllOfThemInTheWeek() {
        for (int hour = 2; hour < 9; hour++) {
            schedule(
                    "第" + hour + "场直播：新品问答，欢迎提问 " + "ABCDEFG".charAt(hour - 2),
                    "CONVERSATIONAL",
                    "2031-03-03T0" + hour + ":00:00Z");
        }
        WebSession web = new WebSession(port);
        web.signIn(marketer.email(), marketer.password());
        String month = web.get("/calendar?month=2031-03&account=" + account + "&lang=en")
                .body();
        String day = month.substring(month.indexOf("id=\"day-2031-03-03\""), month.indexOf("id=\"day-2031-03-04\""));
        assertThat(day.split("class=\"chip").length - 1).isEqualTo(6);
        assertThat(day).contains("id=\"more-2031-03-03\"").contains("+2 more").contains("week=2031-03-03");
        String week = web.get("/calendar?week=2031-03-03&account=" + account + "&lang=en")
                .body();
        String weekDay = week.substring(week.indexOf("id=\"day-2031-03-03\""), week.indexOf("id=\"day-2031-03-04\""));
        assertThat(weekDay.split("class=\"chip").length - 1).isEqualTo(8);
        assertThat(weekDay).doesNotContain("more-2031-03-03");
    }

    @Test
    void aDayWithMoreVariantsThanTheGridCountsSaysHowManyAtLeast() {
        long post = schedule("周五晚八点直播：新品答疑", "CONVERSATIONAL", "2031-03-21T12:00:00Z");
        // A busy workspace's day, copied in bulk from the scheduled variant: more than the grid counts.
        long variant = jdbc.sql("SELECT id FROM post_variant WHERE post_id = ?")
                .param(post)
                .query(Long.class)
                .single();
        for (int copy = 0; copy < Calendar.DAY_COUNT_LIMIT + 20; copy++) {
            jdbc.sql("""
                            INSERT INTO post_variant (post_id, account_id, network, text, proposed_text, state,
                                scheduled_at, publish_key, updated_at, content_type, automated)
                            SELECT post_id, account_id, network, text, proposed_text, state, scheduled_at, ?,
                                updated_at, content_type, automated FROM post_variant WHERE id = ?""")
                    .params("calendar-busy-day-" + variant + "-" + copy, variant)
                    .update();
        }
        WebSession web = new WebSession(port);
        web.signIn(marketer.email(), marketer.password());
        for (String lang : new String[] {"en", "zh-CN"}) {
            String month = web.get("/calendar?month=2031-03&account=" + account + "&lang=" + lang)
                    .body();
            String day =
                    month.substring(month.indexOf("id=\"day-2031-03-21\""), month.indexOf("id=\"day-2031-03-22\""));
            assertThat(day.split("class=\"chip").length - 1).isEqualTo(6);
            assertThat(day)
                    .contains(lang.equals("en") ? "+94 or more" : "还有 94 条以上")
                    .contains("week=2031-03-21");
        }
    }

    @Test
    void theMixWarnsWhenPromotionalPostsPassTheLimit() {
        JsonNode mix = json.readTree(Api.as(port, marketer)
                .get("/api/v1/content-mix?from=" + from + "&to=" + to + "&account=" + account)
                .body());
        assertThat(mix.get("total").asInt()).isEqualTo(3);
        assertThat(mix.at("/counts/PROMOTIONAL").asInt()).isEqualTo(2);
        assertThat(mix.get("promotionalShare").asInt()).isEqualTo(67);
        assertThat(mix.get("promotionalOver").asBoolean()).isTrue();
        assertThat(mix.at("/accounts/0/automatedShare").asInt()).isZero();

        WebSession web = new WebSession(port);
        web.signIn(marketer.email(), marketer.password());
        String section = mixSection(web, "/calendar?month=2031-03&account=" + account + "&lang=en");
        assertThat(section).contains("id=\"mix-warning\"").contains("67%");
    }

    @Test
    void aPostCannotBeMovedToATimeThatHasPassed() {
        JsonNode first = calendar(marketer, "&account=" + account).get(0);
        long variant = first.get("variantId").asLong();
        long post = first.get("postId").asLong();
        WebSession web = new WebSession(port);
        web.signIn(marketer.email(), marketer.password());
        var dragged = web.post("/calendar/variants/" + variant + "/move?lang=zh-CN", Map.of("day", "2020-03-05"));
        assertThat(dragged.statusCode()).isEqualTo(400);
        assertThat(dragged.body()).isEqualTo("该时间已经过去，请选择一个未来的时间。");
        var patched = Api.as(port, marketer)
                .patch("/api/v1/posts/" + post + "/variants/" + variant, "{\"scheduledAt\":\"2020-03-05T01:00:00Z\"}");
        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(400);
        assertThat(patched.body()).contains("That time has passed");
        assertThat(calendar(marketer, "&account=" + account).findValuesAsString("at"))
                .contains("2031-03-03T01:00:00Z")
                .noneMatch(at -> at.startsWith("2020"));
    }

    @Test
    void aPostDraggedToAnotherDayKeepsItsTimeOfDay() {
        long variant = calendar(marketer, "&account=" + account)
                .get(0)
                .get("variantId")
                .asLong();
        WebSession web = new WebSession(port);
        web.signIn(marketer.email(), marketer.password());
        var moved = web.post("/calendar/variants/" + variant + "/move", Map.of("day", "2031-03-05"));
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(204);
        JsonNode month = calendar(marketer, "&account=" + account);
        assertThat(month.findValuesAsString("at"))
                .contains("2031-03-05T01:00:00Z")
                .doesNotContain("2031-03-03T01:00:00Z");
    }
}
