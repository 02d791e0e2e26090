package dev.rapport.inbox.web;

import java.time.Duration;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Response times as people say them, in the member's language: "45 min", "3 h 20 min", "2 d 4 h". */
@Component("durations")
class Durations {

    private final MessageSource messages;

    Durations(MessageSource messages) {
        this.messages = messages;
    }

    public String text(Duration duration) {
        long minutes = Math.max(0, duration.toMinutes());
        if (minutes < 60) {
            return message("duration.minutes", minutes);
        }
        if (minutes < 24 * 60) {
            return message("duration.hours", minutes / 60, minutes % 60);
        }
        return message("duration.days", minutes / (24 * 60), minutes / 60 % 24);
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
    }
}
