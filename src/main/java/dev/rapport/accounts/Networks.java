package dev.rapport.accounts;

import java.util.List;

/**
 * The networks an account can be on; each has a message key {@code network.<code>}. The connectors
 * issue brings a profile per network; the codes stay the same.
 */
public final class Networks {

    public static final List<String> CODES = List.of(
            "wechat",
            "weibo",
            "douyin",
            "xiaohongshu",
            "bilibili",
            "zhihu",
            "x",
            "facebook",
            "instagram",
            "linkedin",
            "youtube",
            "tiktok",
            "mastodon",
            "bluesky",
            "other");

    private Networks() {}
}
