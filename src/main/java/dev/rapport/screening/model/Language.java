package dev.rapport.screening.model;

/** The languages the classifier has a model for. */
public enum Language {
    ZH("zh"),
    EN("en");

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
        throw new IllegalArgumentException("no model language " + code);
    }
}
