package dev.rapport.inbox.classification;

/**
 * A cue in the text that supports a decision.
 *
 * @param start the cue's first char in the original text (UTF-16)
 * @param end the char after it
 * @param supports what it supports, e.g. {@code intent:BILLING} or {@code sentiment:NEGATIVE}
 */
public record Evidence(String cue, int start, int end, String supports) {}
