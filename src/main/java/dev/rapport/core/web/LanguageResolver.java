package dev.rapport.core.web;

import dev.rapport.core.Languages;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The language of a request: the member's choice (a cookie, set on sign-in and by the switch),
 * else the browser's Accept-Language, always narrowed to zh-CN or en.
 */
public class LanguageResolver implements LocaleResolver {

    public static final String COOKIE = "rapport-lang";
    private static final String CHOSEN = LanguageResolver.class.getName() + ".chosen";

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        if (request.getAttribute(CHOSEN) instanceof Locale chosen) {
            return chosen;
        }
        if (request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                if (COOKIE.equals(cookie.getName()) && !cookie.getValue().isBlank()) {
                    return Languages.parse(cookie.getValue());
                }
            }
        }
        var header = request.getHeader("Accept-Language");
        if (header == null || header.isBlank()) {
            return Languages.ENGLISH;
        }
        try {
            Locale best = Locale.lookup(
                    Locale.LanguageRange.parse(header),
                    java.util.List.of(Locale.ENGLISH, Locale.CHINESE, Locale.SIMPLIFIED_CHINESE));
            return best == null ? Languages.ENGLISH : Languages.supported(best);
        } catch (IllegalArgumentException malformed) {
            return Languages.ENGLISH;
        }
    }

    @Override
    public void setLocale(HttpServletRequest request, @Nullable HttpServletResponse response, @Nullable Locale locale) {
        if (locale != null) {
            // The page that carries the switch already speaks the new language.
            request.setAttribute(CHOSEN, Languages.supported(locale));
        }
        if (response == null) {
            return;
        }
        Cookie cookie = new Cookie(COOKIE, locale == null ? "" : Languages.tag(locale));
        cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
        cookie.setHttpOnly(true);
        cookie.setMaxAge(locale == null ? 0 : (int) Duration.ofDays(365).toSeconds());
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
    }
}
