package dev.rapport.screening;

/**
 * What the policy never accepts. Each has the message keys {@code screening.category.<code>} and
 * {@code screening.category.<code>.reason}.
 */
public enum Category {
    /** Demeaning people for their sex or gender. */
    SEXIST("sexist"),
    /** Demeaning people for their race or ethnicity. */
    RACIST("racist"),
    /** Insulting a religion or its believers. */
    RELIGIOUS_OFFENSIVE("religious-offensive"),
    /** Insults, harassment, threats. */
    OFFENSIVE("offensive"),
    /** Profanity. */
    OBSCENE("obscene"),
    /** Sexual content or innuendo. */
    SEXUALLY_SUGGESTIVE("sexually-suggestive"),
    /** Belittling a person or a group. */
    DEROGATORY("derogatory"),
    /** Against people for disability, age, region, nationality, sexual orientation or gender identity. */
    DISCRIMINATORY("discriminatory");

    private final String code;

    Category(String code) {
        this.code = code;
    }

    /** The name in verdicts, files and the API. */
    public String code() {
        return code;
    }

    public static Category ofCode(String code) {
        for (Category category : values()) {
            if (category.code.equals(code)) {
                return category;
            }
        }
        throw new IllegalArgumentException("no category " + code);
    }
}
