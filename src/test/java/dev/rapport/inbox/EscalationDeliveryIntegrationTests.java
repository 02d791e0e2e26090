package dev.rapport.inbox;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import dev.rapport.accounts.AccountManagement;
import dev.rapport.connectors.spi.InboundItem;
import dev.rapport.inbox.chat.ChatKind;
import dev.rapport.team.Commands.InviteMember;
import dev.rapport.team.Role;
import dev.rapport.team.TeamManagement;
import dev.rapport.testing.Api;
import dev.rapport.testing.ApplicationTest;
import dev.rapport.testing.LoopbackSmtp;
import dev.rapport.testing.TestAccounts;
import dev.rapport.testing.TestMembers;
import dev.rapport.testing.TestMembers.Credentials;
import dev.rapport.testing.WebSession;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Escalation as the people told receive it: a conversation of each of four desks waits past its
 * target; its assignee, then its lead, see it in the app and get an e-mail in their language (a real
 * SMTP server), and each desk's chat group gets one message per level in the body and with the
 * signature its service documents (WeCom, DingTalk, Feishu, Slack, stubbed over HTTP).
 */
@ApplicationTest
class EscalationDeliveryIntegrationTests {

    static final int SMTP = LoopbackSmtp.freePort();

    @RegisterExtension
    static GreenMailExtension smtp = LoopbackSmtp.server(SMTP);

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        LoopbackSmtp.configure(registry, SMTP);
    }

    static final String DINGTALK_SECRET = "SEC5a3ecf88f2b3eb50db30ecfc00f53033ac909c99";
    static final String FEISHU_SECRET = "feishu-secret-0b8e4c";

    /** Where each service's robot answers, and how it says it took a message. */
    static final Map<ChatKind, String> PATHS = Map.of(
            ChatKind.WECOM, "/cgi-bin/webhook/send",
            ChatKind.DINGTALK, "/robot/send",
            ChatKind.FEISHU, "/open-apis/bot/v2/hook/0b8e4c2f-feishu",
            ChatKind.SLACK, "/services/T0001/B0001/slackhook");

    @LocalServerPort
    int port;

    @Autowired
    TeamManagement team;

    @Autowired
    JsonMapper json;

    @Autowired
    Ingestion ingestion;

    @Autowired
    AccountManagement accounts;

    @Autowired
    Escalation escalation;

    WireMockServer chat;
    long account;
    String token;

    /** A desk with its chat service, the responder its conversation is given to, and its lead. */
    record Desk(ChatKind kind, long id, Member responder, Member lead) {}

    record Member(long id, String name, String email, String password, String language) {}

    @BeforeEach
    void workspace() {
        chat = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        chat.start();
        chat.stubFor(post(urlPathEqualTo(PATHS.get(ChatKind.WECOM)))
                .willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));
        chat.stubFor(post(urlPathEqualTo(PATHS.get(ChatKind.DINGTALK)))
                .willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));
        chat.stubFor(post(urlPathEqualTo(PATHS.get(ChatKind.FEISHU)))
                .willReturn(okJson("{\"code\":0,\"data\":{},\"msg\":\"success\"}")));
        chat.stubFor(post(urlPathEqualTo(PATHS.get(ChatKind.SLACK)))
                .willReturn(aResponse().withStatus(200).withBody("ok")));
        token = UUID.randomUUID().toString().substring(0, 6);
        Credentials marketer = TestMembers.create(team, Role.MARKETER);
        Credentials lead = TestMembers.create(team, Role.LEAD);
        account = TestAccounts.active(port, marketer, lead, "weibo");
    }

    @AfterEach
    void stop() {
        chat.stop();
    }

    Member member(String name, Role role, String language, long department) {
        String email =
                role.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8) + "@rapport.test";
        var invited = team.invite(new InviteMember(name, email, role, null, language));
        team.acceptInvitation(invited.token(), TestMembers.PASSWORD);
        var joined = Api.admin(port)
                .patch("/api/v1/members/" + invited.member().id(), "{\"departmentId\":" + department + "}");
        assertThat(joined.statusCode()).as(joined.body()).isEqualTo(200);
        return new Member(invited.member().id(), name, email, TestMembers.PASSWORD, language);
    }

    Desk desk(ChatKind kind, String responderLanguage, String leadLanguage) {
        var added = Api.admin(port).post("/api/v1/departments", "{\"name\":\"" + kind + " desk " + token + "\"}");
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        long id = json.readTree(added.body()).get("id").asLong();
        String url = chat.baseUrl()
                + PATHS.get(kind)
                + switch (kind) {
                    case WECOM -> "?key=693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa";
                    case DINGTALK -> "?access_token=dt-token-" + token;
                    default -> "";
                };
        String secret = switch (kind) {
            case DINGTALK -> ",\"secret\":\"" + DINGTALK_SECRET + "\"";
            case FEISHU -> ",\"secret\":\"" + FEISHU_SECRET + "\"";
            default -> "";
        };
        var set = Api.admin(port)
                .put(
                        "/api/v1/inbox/escalation/" + id,
                        "{\"kind\":\"" + kind + "\",\"url\":\"" + url + "\"" + secret + "}");
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
        return new Desk(
                kind,
                id,
                member(kind + " responder " + token, Role.RESPONDER, responderLanguage, id),
                member(kind + " lead " + token, Role.LEAD, leadLanguage, id));
    }

    /** A question that came in ten minutes ago, given to the desk's responder; its id. */
    long waitingConversation(Desk desk) {
        String text = "Where can I buy the pro plan? " + desk.kind() + " " + token;
        var author = new InboundItem.Author("did:example:" + UUID.randomUUID(), handle(desk), null);
        var comment = new InboundItem(
                "c-" + UUID.randomUUID(),
                InboundItem.Kind.COMMENT,
                author,
                text,
                "p-1",
                "p-1",
                null,
                "en",
                Instant.now().minus(Duration.ofMinutes(10)));
        assertThat(ingestion.ingest(accounts.find(account).orElseThrow(), List.of(comment)))
                .isEqualTo(1);
        for (JsonNode conversation :
                json.readTree(Api.admin(port).get("/api/v1/inbox?size=200").body())) {
            if (conversation.get("lastText").asString().equals(text)) {
                long id = conversation.get("id").asLong();
                var assigned = Api.admin(port)
                        .post(
                                "/api/v1/conversations/" + id + "/assign",
                                "{\"departmentId\":%d,\"assigneeId\":%d,\"note\":\"desk\"}"
                                        .formatted(desk.id(), desk.responder().id()));
                assertThat(assigned.statusCode()).as(assigned.body()).isEqualTo(200);
                return id;
            }
        }
        throw new AssertionError("no conversation with " + text);
    }

    String handle(Desk desk) {
        return "buyer-" + desk.kind().name().toLowerCase() + "-" + token;
    }

    Instant due(long conversation) {
        return Instant.parse(json.readTree(Api.admin(port)
                        .get("/api/v1/conversations/" + conversation)
                        .body())
                .at("/conversation/dueAt")
                .asString());
    }

    /** The due time as the messages write it: in the workspace's time zone, named. */
    String dueText(Instant due) {
        ZoneId zone = ZoneId.of(team.workspace().timeZone());
        return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone).format(due) + " " + zone.getId();
    }

    String home(Member member) {
        WebSession web = new WebSession(port);
        web.signIn(member.email(), member.password());
        return web.get("/").body();
    }

    MimeMessage onlyMailTo(Member member) {
        List<MimeMessage> received = LoopbackSmtp.messagesTo(smtp, member.email());
        assertThat(received).as("e-mails to " + member.email()).hasSize(1);
        return received.get(0);
    }

    @Test
    void theAssigneeThenTheLeadAreToldInTheAppByMailAndInEachServicesChatFormat() throws Exception {
        assertThat(team.workspace().defaultLanguage()).startsWith("en");
        Map<ChatKind, Desk> desks = new LinkedHashMap<>();
        desks.put(ChatKind.WECOM, desk(ChatKind.WECOM, "zh-CN", "en"));
        desks.put(ChatKind.DINGTALK, desk(ChatKind.DINGTALK, "en", "zh-CN"));
        desks.put(ChatKind.FEISHU, desk(ChatKind.FEISHU, "zh-CN", "en"));
        desks.put(ChatKind.SLACK, desk(ChatKind.SLACK, "en", "zh-CN"));
        Map<ChatKind, Long> conversations = new LinkedHashMap<>();
        Instant latestDue = Instant.EPOCH;
        for (Desk desk : desks.values()) {
            long id = waitingConversation(desk);
            conversations.put(desk.kind(), id);
            latestDue = latestDue.isAfter(due(id)) ? latestDue : due(id);
        }

        // Level 1, past the due time: the assignee.
        Instant sent = Instant.now();
        escalation.escalate(latestDue.plus(Duration.ofMinutes(1)));
        for (Desk desk : desks.values()) {
            long id = conversations.get(desk.kind());
            Member responder = desk.responder();
            MimeMessage mail = onlyMailTo(responder);
            String due = dueText(due(id));
            if (responder.language().equals("zh-CN")) {
                assertThat(mail.getSubject()).isEqualTo("Rapport：会话 " + id + " 已超过响应时限");
                assertThat((String) mail.getContent())
                        .isEqualToNormalizingNewlines(responder.name() + "，你好：\n\n会话 " + id + "（微博 上的 " + handle(desk)
                                + "）应于 " + due + " 前回复，至今仍在等待回复。\n\n请在 Rapport 中打开并回复，或转交他人。");
            } else {
                assertThat(mail.getSubject()).isEqualTo("Rapport: conversation " + id + " is past its target");
                assertThat((String) mail.getContent())
                        .isEqualToNormalizingNewlines(
                                "Hello " + responder.name() + ",\n\nConversation " + id
                                        + " with " + handle(desk) + " on Weibo was due at " + due
                                        + " and still waits for an answer.\n\nOpen it in Rapport and answer it, or reassign it.");
            }
            assertThat(LoopbackSmtp.messagesTo(smtp, desk.lead().email())).isEmpty();
            assertThat(home(responder)).contains("href=\"/conversations/" + id + "\"");
            assertThat(home(desk.lead())).doesNotContain("href=\"/conversations/" + id + "\"");
            assertChatMessage(
                    desk,
                    "[Rapport] Conversation " + id + " with " + handle(desk) + " on Weibo is past its target (due "
                            + due + "). Told: " + responder.name() + ".",
                    sent);
        }
        assertThat(home(desks.get(ChatKind.DINGTALK).responder())).contains("Escalated to you: 1 waiting");
        assertThat(home(desks.get(ChatKind.WECOM).responder())).contains("升级给你：1 个待回复的会话已超过响应时限。");
        for (Desk desk : desks.values()) {
            assertThat(Api.admin(port)
                            .get("/api/v1/inbox/escalation/" + desk.id())
                            .body())
                    .as("every service took its message")
                    .contains("\"configured\":true")
                    .doesNotContain("lastFailure");
        }

        // Level 2, a further half of the 4-hour target later: the desk's lead, once.
        chat.resetRequests();
        sent = Instant.now();
        escalation.escalate(latestDue.plus(Duration.ofHours(2)).plus(Duration.ofMinutes(1)));
        escalation.escalate(latestDue.plus(Duration.ofHours(3)));
        for (Desk desk : desks.values()) {
            long id = conversations.get(desk.kind());
            Member lead = desk.lead();
            MimeMessage mail = onlyMailTo(lead);
            String due = dueText(due(id));
            if (lead.language().equals("zh-CN")) {
                assertThat(mail.getSubject()).isEqualTo("Rapport：会话 " + id + " 仍未回复");
                assertThat((String) mail.getContent())
                        .startsWith(lead.name() + "，你好：")
                        .contains("作为该部门的负责人");
            } else {
                assertThat(mail.getSubject()).isEqualTo("Rapport: conversation " + id + " is still unanswered");
                assertThat((String) mail.getContent())
                        .startsWith("Hello " + lead.name() + ",")
                        .contains("was due at " + due + "; it was escalated")
                        .contains("As a lead of its department");
            }
            assertThat(LoopbackSmtp.messagesTo(smtp, desk.responder().email()))
                    .as("the assignee is not told again")
                    .hasSize(1);
            assertThat(home(lead)).contains("href=\"/conversations/" + id + "\"");
            assertChatMessage(
                    desk,
                    "[Rapport] Conversation " + id + " with " + handle(desk) + " on Weibo is still unanswered (due "
                            + due + "). Escalated to the leads: " + lead.name() + ".",
                    sent);
        }
    }

    /** The desk's chat got exactly one message since {@code since}: this text, in its service's documented format. */
    void assertChatMessage(Desk desk, String text, Instant since) throws Exception {
        String path = PATHS.get(desk.kind());
        List<LoggedRequest> requests = chat.findAll(postRequestedFor(urlPathEqualTo(path)));
        assertThat(requests).as(desk.kind() + " messages").hasSize(1);
        LoggedRequest request = requests.get(0);
        assertThat(request.getHeader("Content-Type")).startsWith("application/json");
        JsonNode body = json.readTree(request.getBodyAsString());
        Instant until = Instant.now();
        switch (desk.kind()) {
            // https://developer.work.weixin.qq.com/document/path/91770
            case WECOM -> {
                chat.verify(postRequestedFor(urlPathEqualTo(path))
                        .withQueryParam("key", equalTo("693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa"))
                        .withRequestBody(equalToJson(
                                json.writeValueAsString(Map.of("msgtype", "text", "text", Map.of("content", text))))));
            }
            // https://open.dingtalk.com/document/orgapp/custom-robot-access: timestamp in ms and the
            // signature in the query, HmacSHA256 keyed with the secret over "timestamp\nsecret".
            case DINGTALK -> {
                chat.verify(postRequestedFor(urlPathEqualTo(path))
                        .withQueryParam("access_token", equalTo("dt-token-" + token))
                        .withRequestBody(equalToJson(
                                json.writeValueAsString(Map.of("msgtype", "text", "text", Map.of("content", text))))));
                long timestamp =
                        Long.parseLong(request.queryParameter("timestamp").firstValue());
                assertThat(timestamp).isBetween(since.toEpochMilli(), until.toEpochMilli());
                assertThat(request.queryParameter("sign").firstValue())
                        .isEqualTo(hmacBase64(DINGTALK_SECRET, timestamp + "\n" + DINGTALK_SECRET));
            }
            // https://open.feishu.cn/document/client-docs/bot-v3/add-custom-bot: timestamp in seconds and
            // the signature in the body, HmacSHA256 keyed with "timestamp\nsecret" over nothing.
            case FEISHU -> {
                List<String> fields = new ArrayList<>(body.propertyNames());
                assertThat(fields).containsExactlyInAnyOrder("timestamp", "sign", "msg_type", "content");
                assertThat(body.get("msg_type").asString()).isEqualTo("text");
                assertThat(body.get("content").toString()).isEqualTo(json.writeValueAsString(Map.of("text", text)));
                assertThat(body.get("timestamp").isString()).isTrue();
                long timestamp = Long.parseLong(body.get("timestamp").asString());
                assertThat(timestamp).isBetween(since.getEpochSecond(), until.getEpochSecond());
                assertThat(body.get("sign").asString()).isEqualTo(hmacBase64(timestamp + "\n" + FEISHU_SECRET, ""));
            }
            // https://docs.slack.dev/messaging/sending-messages-using-incoming-webhooks
            case SLACK ->
                chat.verify(postRequestedFor(urlPathEqualTo(path))
                        .withRequestBody(equalToJson(json.writeValueAsString(Map.of("text", text)))));
        }
    }

    static String hmacBase64(String key, String message) throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(
                key.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
        return java.util.Base64.getEncoder()
                .encodeToString(mac.doFinal(message.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}
