package dev.rapport.inbox.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** Each service's payload, signature and success answer, as its documentation states them. */
class ChatWebhookTests {

    static final Instant NOW = Instant.parse("2026-06-08T03:00:00.123Z");
    static final String SECRET = "SECf3b1c2d4e5";

    static String hmacBase64(String key, String message) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void weComPostsTextToTheKeyedUrl() {
        var url = URI.create("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7xxx");
        var request = new ChatWebhook(ChatKind.WECOM, url, null).text("超时了", NOW);
        assertThat(request.uri()).isEqualTo(url);
        assertThat(request.body()).isEqualTo("{\"msgtype\":\"text\",\"text\":{\"content\":\"超时了\"}}");
    }

    @Test
    void dingTalkSignsInTheQueryWithMillisecondsAndTheSecretAsKey() throws Exception {
        var url = URI.create("https://oapi.dingtalk.com/robot/send?access_token=abc");
        var request = new ChatWebhook(ChatKind.DINGTALK, url, SECRET).text("late", NOW);
        long timestamp = NOW.toEpochMilli();
        String sign = URLEncoder.encode(hmacBase64(SECRET, timestamp + "\n" + SECRET), StandardCharsets.UTF_8);
        assertThat(request.uri().toString()).isEqualTo(url + "&timestamp=" + timestamp + "&sign=" + sign);
        assertThat(request.body()).isEqualTo("{\"msgtype\":\"text\",\"text\":{\"content\":\"late\"}}");
        assertThat(new ChatWebhook(ChatKind.DINGTALK, url, null)
                        .text("late", NOW)
                        .uri())
                .isEqualTo(url);
    }

    @Test
    void feishuSignsInTheBodyWithSecondsAndTheStringToSignAsKeyOverNothing() throws Exception {
        var url = URI.create("https://open.feishu.cn/open-apis/bot/v2/hook/0b8e-4c");
        var request = new ChatWebhook(ChatKind.FEISHU, url, SECRET).text("late", NOW);
        long timestamp = NOW.getEpochSecond();
        assertThat(request.uri()).isEqualTo(url);
        assertThat(request.body())
                .isEqualTo(
                        "{\"timestamp\":\"" + timestamp + "\",\"sign\":\"" + hmacBase64(timestamp + "\n" + SECRET, "")
                                + "\",\"msg_type\":\"text\",\"content\":{\"text\":\"late\"}}");
        assertThat(new ChatWebhook(ChatKind.FEISHU, url, null).text("late", NOW).body())
                .isEqualTo("{\"msg_type\":\"text\",\"content\":{\"text\":\"late\"}}");
    }

    @Test
    void slackPostsText() {
        var url = URI.create("https://hooks.slack.com/services/T000/B000/XXXX");
        assertThat(new ChatWebhook(ChatKind.SLACK, url, null).text("late", NOW).body())
                .isEqualTo("{\"text\":\"late\"}");
    }

    @Test
    void onlyEachServicesOwnSuccessAnswerCounts() {
        assertThat(ChatWebhook.failure(ChatKind.WECOM, 200, "{\"errcode\":0,\"errmsg\":\"ok\"}"))
                .isNull();
        assertThat(ChatWebhook.failure(ChatKind.WECOM, 200, "{\"errcode\":93000,\"errmsg\":\"invalid webhook url\"}"))
                .contains("93000");
        assertThat(ChatWebhook.failure(ChatKind.DINGTALK, 200, "{\"errcode\":0,\"errmsg\":\"ok\"}"))
                .isNull();
        assertThat(ChatWebhook.failure(ChatKind.DINGTALK, 200, "{\"errcode\":310000,\"errmsg\":\"sign not match\"}"))
                .contains("310000");
        assertThat(ChatWebhook.failure(ChatKind.FEISHU, 200, "{\"code\":0,\"data\":{},\"msg\":\"success\"}"))
                .isNull();
        assertThat(ChatWebhook.failure(ChatKind.FEISHU, 200, "{\"code\":19021,\"msg\":\"sign match fail\"}"))
                .contains("19021");
        assertThat(ChatWebhook.failure(ChatKind.SLACK, 200, "ok")).isNull();
        assertThat(ChatWebhook.failure(ChatKind.SLACK, 404, "no_service")).isEqualTo("HTTP 404: no_service");
        assertThat(ChatWebhook.failure(ChatKind.WECOM, 500, "")).isEqualTo("HTTP 500: ");
        assertThat(ChatWebhook.failure(ChatKind.DINGTALK, 200, "<html>")).contains("not a DINGTALK answer");
        assertThat(ChatWebhook.failure(ChatKind.FEISHU, 200, "{\"errcode\":0}")).isNotNull();
    }

    @Test
    void theUrlAndSecretStayOutOfItsText() {
        var webhook = new ChatWebhook(
                ChatKind.DINGTALK, URI.create("https://oapi.dingtalk.com/robot/send?access_token=abc"), SECRET);
        assertThat(webhook.toString())
                .doesNotContain("abc")
                .doesNotContain(SECRET)
                .contains("oapi.dingtalk.com");
    }
}
