package dev.rapport.screening.lexicon;

/** What a neutral group word names. */
public enum GroupKind {
    GENDER,
    RACE,
    RELIGION,
    SEXUAL_ORIENTATION,
    GENDER_IDENTITY,
    DISABILITY,
    AGE,
    REGION,
    NATIONALITY
}
