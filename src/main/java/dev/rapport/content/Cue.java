package dev.rapport.content;

/**
 * A piece of evidence for a content type: what was found in the text and how much it counts.
 *
 * @param found the words as found (a regular-expression cue gives the matched text)
 */
public record Cue(ContentType type, String found, double weight) {}
