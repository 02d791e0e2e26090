package dev.rapport.inbox.chat;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A chat group's robot, as its service issued it: the webhook URL (which carries the robot's token)
 * and, for DingTalk and Feishu, the optional signing secret. Both are secrets: {@link #toString()}
 * shows neither.
 */
public record ChatWebhook(ChatKind kind, URI url, @Nullable String secret) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What to POST (JSON) and where. */
    public record Request(URI uri, String body) {}

    /** The request that posts a plain-text message, signed at {@code now} where the service signs. */
    public Request text(String text, Instant now) {
        Map<String, Object> body = new LinkedHashMap<>();
        URI target = url;
        switch (kind) {
            // https://developer.work.weixin.qq.com/document/path/91770
            case WECOM -> {
                body.put("msgtype", "text");
                body.put("text", Map.of("content", text));
            }
            // https://open.dingtalk.com/document/orgapp/custom-robot-access (timestamp in ms, sign in the query)
            case DINGTALK -> {
                body.put("msgtype", "text");
                body.put("text", Map.of("content", text));
                if (secret != null) {
                    long timestamp = now.toEpochMilli();
                    target = URI.create(url + (url.getRawQuery() == null ? "?" : "&") + "timestamp=" + timestamp
                            + "&sign=" + URLEncoder.encode(dingTalkSign(timestamp, secret), StandardCharsets.UTF_8));
                }
            }
            // https://open.feishu.cn/document/client-docs/bot-v3/add-custom-bot (timestamp in s, sign in the body)
            case FEISHU -> {
                if (secret != null) {
                    long timestamp = now.getEpochSecond();
                    body.put("timestamp", String.valueOf(timestamp));
                    body.put("sign", feishuSign(timestamp, secret));
                }
                body.put("msg_type", "text");
                body.put("content", Map.of("text", text));
            }
            // https://docs.slack.dev/messaging/sending-messages-using-incoming-webhooks
            case SLACK -> body.put("text", text);
        }
        return new Request(target, JSON.writeValueAsString(body));
    }

    /** DingTalk: HmacSHA256 keyed with the secret over {@code timestamp + "\n" + secret}, Base64 (not yet URL-encoded). */
    public static String dingTalkSign(long timestampMillis, String secret) {
        return hmac(secret, timestampMillis + "\n" + secret);
    }

    /** Feishu: HmacSHA256 keyed with {@code timestamp + "\n" + secret} over an empty message, Base64. */
    public static String feishuSign(long timestampSeconds, String secret) {
        return hmac(timestampSeconds + "\n" + secret, "");
    }

    private static String hmac(String key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Why the service did not take the message, or null if it did: WeCom and DingTalk answer
     * {@code errcode} 0, Feishu {@code code} 0, Slack the text {@code ok}; anything else (another
     * status, another code, a body that is not theirs) is a failure, described without the URL.
     */
    public static @Nullable String failure(ChatKind kind, int status, String body) {
        String shown = body.length() > 200 ? body.substring(0, 200) + "…" : body;
        if (kind == ChatKind.SLACK) {
            return status == 200 && body.strip().equals("ok") ? null : "HTTP " + status + ": " + shown;
        }
        if (status != 200) {
            return "HTTP " + status + ": " + shown;
        }
        JsonNode reply;
        try {
            reply = JSON.readTree(body);
        } catch (RuntimeException notJson) {
            return "HTTP 200, not a " + kind + " answer: " + shown;
        }
        JsonNode code = reply.get(kind == ChatKind.FEISHU ? "code" : "errcode");
        return code != null && code.isIntegralNumber() && code.asLong() == 0 ? null : shown;
    }

    @Override
    public String toString() {
        return "ChatWebhook[" + kind + " " + url.getHost() + "]";
    }
}
