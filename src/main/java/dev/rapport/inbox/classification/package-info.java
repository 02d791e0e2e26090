/**
 * Sentiment and intent of inbox items, in Chinese and English, in process and explainable: every
 * decision comes with the cues that support it.
 */
@NullMarked
package dev.rapport.inbox.classification;

import org.jspecify.annotations.NullMarked;
