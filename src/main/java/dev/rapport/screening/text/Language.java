package dev.rapport.screening.text;

/** The language of a text or a lexicon term, as far as the screen cares. */
public enum Language {
    ZH("zh"),
    EN("en"),
    /** Both Chinese and Latin script in notable shares, or neither. */
    MIXED("mixed");

    private final String code;

    Language(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Language ofCode(String code) {
        for (Language language : values()) {
            if (language.code.equals(code)) {
                return language;
            }
        }
        throw new IllegalArgumentException("no language " + code);
    }
}
