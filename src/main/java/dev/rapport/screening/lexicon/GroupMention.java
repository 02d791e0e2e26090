package dev.rapport.screening.lexicon;

/** A group named in the text; {@code start}/{@code end} index the original text. */
public record GroupMention(String group, GroupKind kind, int start, int end) {}
