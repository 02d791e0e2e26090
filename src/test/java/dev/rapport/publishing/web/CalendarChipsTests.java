package dev.rapport.publishing.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.content.ContentType;
import dev.rapport.publishing.CalendarEntry;
import dev.rapport.publishing.VariantState;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;

class CalendarChipsTests {

    private final StaticMessageSource messages = new StaticMessageSource();

    CalendarChipsTests() {
        messages.addMessage("network.weibo", Locale.SIMPLIFIED_CHINESE, "微博");
        messages.addMessage("publishing.state.SCHEDULED", Locale.SIMPLIFIED_CHINESE, "已排期");
        messages.addMessage("publishing.state.PUBLISHED", Locale.SIMPLIFIED_CHINESE, "已发布");
    }

    private static CalendarEntry entry(long variant, VariantState state, String excerpt) {
        Instant at = Instant.parse("2027-03-10T01:30:00Z");
        return new CalendarEntry(
                variant,
                40 + variant,
                7,
                "weibo",
                "bakery",
                state,
                ContentType.EDUCATIONAL,
                null,
                null,
                at,
                at,
                excerpt,
                false);
    }

    @Test
    void eachChipLinksItsPostInTheZoneAndLanguageAndOnlyPlannedPostsAreDraggable() {
        String html = new CalendarChips(ZoneId.of("Asia/Shanghai"), "/rapport", messages, Locale.SIMPLIFIED_CHINESE)
                .html(List.of(
                        entry(1, VariantState.SCHEDULED, "三个小技巧，教你把咖啡做得更香。"),
                        entry(2, VariantState.PUBLISHED, "Five tips for better product photos with your phone today")));
        Document page = Jsoup.parseBodyFragment(html);
        Element planned = page.getElementById("chip-1");
        assertThat(planned.className()).isEqualTo("chip scheduled");
        assertThat(planned.attr("href")).isEqualTo("/rapport/posts/41");
        assertThat(planned.attr("draggable")).isEqualTo("true");
        assertThat(planned.attr("data-variant")).isEqualTo("1");
        assertThat(planned.select("span").eachText()).containsExactly("09:30", "微博", "已排期", "三个小技巧，教你把咖啡做得更香。");
        Element published = page.getElementById("chip-2");
        assertThat(published.attr("draggable")).isEqualTo("false");
        assertThat(published.attr("title")).isEqualTo("Five tips for better product photos with your phone today");
        assertThat(published.selectFirst(".excerpt").text()).isEqualTo("Five tips for better product photos w...");
    }

    @Test
    void aPostsWordsCannotBreakOutOfTheChip() {
        String excerpt = "\"><script>alert('x')</script><a href=\"https://evil.example\">";
        String html = new CalendarChips(ZoneId.of("UTC"), "", messages, Locale.SIMPLIFIED_CHINESE)
                .html(List.of(entry(3, VariantState.SCHEDULED, excerpt)));
        Document page = Jsoup.parseBodyFragment(html);
        assertThat(page.select("script")).isEmpty();
        assertThat(page.select("a")).hasSize(1);
        assertThat(page.getElementById("chip-3").attr("title")).isEqualTo(excerpt);
    }
}
