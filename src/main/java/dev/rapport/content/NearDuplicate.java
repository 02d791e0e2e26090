package dev.rapport.content;

import java.time.Instant;

/**
 * An earlier post that a text repeats.
 *
 * @param similarity estimated Jaccard similarity of the character shingles, 0–1 (1 when identical)
 * @param identical the same text once case, width, traditional/simplified, punctuation, emoji,
 *     links, mentions and hashtags are set aside
 */
public record NearDuplicate(String id, String accountId, Instant at, double similarity, boolean identical) {}
