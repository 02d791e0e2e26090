package dev.rapport.publishing.web;

import dev.rapport.publishing.CalendarEntry;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.web.util.HtmlUtils;

/**
 * The chips of a calendar day, written as HTML here rather than by the template. A month holds a
 * few hundred chips, and each expression a template evaluates costs microseconds of reflection and
 * access checks: nine per chip made the template most of the page's time. Every text and attribute
 * value is HTML-escaped.
 */
final class CalendarChips {

    /** Characters of a chip's excerpt before "...". */
    static final int EXCERPT = 40;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final ZoneId zone;
    private final String contextPath;
    private final MessageSource messages;
    private final Locale locale;
    private final Map<String, String> labels = new HashMap<>();

    CalendarChips(ZoneId zone, String contextPath, MessageSource messages, Locale locale) {
        this.zone = zone;
        this.contextPath = contextPath;
        this.messages = messages;
        this.locale = locale;
    }

    String html(List<CalendarEntry> entries) {
        StringBuilder html = new StringBuilder(entries.size() * 300);
        for (CalendarEntry entry : entries) {
            String excerpt = entry.excerpt();
            html.append("<a class=\"chip ")
                    .append(entry.state().name().toLowerCase(Locale.ROOT))
                    .append("\" href=\"")
                    .append(escape(contextPath))
                    .append("/posts/")
                    .append(entry.postId())
                    .append("\" id=\"chip-")
                    .append(entry.variantId())
                    .append("\" draggable=\"")
                    .append(entry.state().movable())
                    .append("\" data-variant=\"")
                    .append(entry.variantId())
                    .append("\" title=\"")
                    .append(escape(excerpt))
                    .append("\"><span>")
                    .append(TIME.format(entry.at().atZone(zone)))
                    .append("</span> <span>")
                    .append(label("network." + entry.network()))
                    .append("</span> <span class=\"badge\">")
                    .append(label("publishing.state." + entry.state()))
                    .append("</span> <span class=\"excerpt\">")
                    .append(escape(excerpt.length() <= EXCERPT ? excerpt : excerpt.substring(0, EXCERPT - 3) + "..."))
                    .append("</span></a>\n");
        }
        return html.toString();
    }

    private String label(String key) {
        return labels.computeIfAbsent(key, k -> escape(messages.getMessage(k, null, k, locale)));
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
