package dev.rapport.inbox.chat;

import java.util.Set;

/** A chat service whose group robots take a webhook, and the hosts it issues webhook URLs on. */
public enum ChatKind {
    /** 企业微信 group robot: {@code https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…}. */
    WECOM(Set.of("qyapi.weixin.qq.com")),
    /** 钉钉 custom robot: {@code https://oapi.dingtalk.com/robot/send?access_token=…}. */
    DINGTALK(Set.of("oapi.dingtalk.com")),
    /** 飞书 (and Lark) custom bot: {@code https://open.feishu.cn/open-apis/bot/v2/hook/…}. */
    FEISHU(Set.of("open.feishu.cn", "open.larksuite.com")),
    /** Slack incoming webhook: {@code https://hooks.slack.com/services/…}. */
    SLACK(Set.of("hooks.slack.com"));

    private final Set<String> hosts;

    ChatKind(Set<String> hosts) {
        this.hosts = hosts;
    }

    public Set<String> hosts() {
        return hosts;
    }

    /** Whether the service signs with a secret (DingTalk's and Feishu's optional signature). */
    public boolean signs() {
        return this == DINGTALK || this == FEISHU;
    }
}
