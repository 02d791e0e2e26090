package dev.rapport.core;

import java.util.Locale;

/** The two languages Rapport speaks, and how a requested language maps onto them. */
public final class Languages {

    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    private Languages() {}

    /** Any Chinese variant becomes zh-CN, anything else English. */
    public static Locale supported(Locale requested) {
        return "zh".equals(requested.getLanguage()) ? CHINESE : ENGLISH;
    }

    /** Parses a tag such as {@code zh-CN}, {@code zh_CN} or {@code en}. */
    public static Locale parse(String tag) {
        return supported(Locale.forLanguageTag(tag.replace('_', '-')));
    }

    public static String tag(Locale locale) {
        return supported(locale).toLanguageTag();
    }
}
