package dev.rapport.accounts;

import dev.rapport.accounts.domain.AccountRecords;
import dev.rapport.team.MemberView;
import dev.rapport.team.TeamManagement;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code --rapport.demo=true}: official accounts of the demo team on Chinese and global networks,
 * one waiting for approval and one discovered outside the registry. No credentials: those are the
 * admin's to store.
 */
@Component
@ConditionalOnBooleanProperty("rapport.demo")
class DemoAccounts {

    private final AccountRecords accounts;
    private final TeamManagement team;

    DemoAccounts(AccountRecords accounts, TeamManagement team) {
        this.accounts = accounts;
        this.team = team;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(1) // after the demo team exists
    @Transactional
    void load() {
        Optional<MemberView> liWei = team.memberByEmail("li.wei@demo.rapport.dev");
        Optional<MemberView> emma = team.memberByEmail("emma.clark@demo.rapport.dev");
        Optional<MemberView> lead = team.memberByEmail("wang.fang@demo.rapport.dev");
        if (liWei.isEmpty() || emma.isEmpty() || lead.isEmpty() || accounts.handleTaken("wechat", "acme_official")) {
            return;
        }
        long li = liWei.get().id();
        long em = emma.get().id();
        long registrar = lead.get().id();
        record Demo(String network, String handle, String url, String purpose, AccountStatus status, long owner) {}
        for (Demo demo : List.of(
                new Demo(
                        "wechat",
                        "acme_official",
                        null,
                        "公众号：产品更新与客户服务 Product news and customer care",
                        AccountStatus.ACTIVE,
                        li),
                new Demo(
                        "weibo",
                        "Acme官方微博",
                        "https://weibo.com/acme",
                        "微博话题营销与舆情 Campaigns and listening",
                        AccountStatus.ACTIVE,
                        li),
                new Demo(
                        "linkedin",
                        "acme-global",
                        "https://www.linkedin.com/company/acme-global",
                        "B2B leads in Europe",
                        AccountStatus.ACTIVE,
                        em),
                new Demo(
                        "bluesky",
                        "acme.bsky.social",
                        "https://bsky.app/profile/acme.bsky.social",
                        "Developer community",
                        AccountStatus.ACTIVE,
                        em),
                new Demo("xiaohongshu", "acme_life", null, "小红书生活方式内容 Lifestyle content", AccountStatus.REQUESTED, li),
                new Demo(
                        "douyin",
                        "acme_douyin_2023",
                        null,
                        "实习生 2023 年开的账号 Opened by an intern in 2023",
                        AccountStatus.DISCOVERED,
                        li))) {
            accounts.insert(
                    demo.network(),
                    demo.handle(),
                    demo.url(),
                    demo.purpose(),
                    null,
                    demo.status(),
                    registrar,
                    List.of(demo.owner()));
        }
    }
}
