/**
 * The content module's text handling: folding (NFKC width and compatibility forms, case,
 * traditional → simplified Chinese), the canonical form of a post for duplicate detection (links,
 * mentions, hashtags, emoji and punctuation removed), character shingles that need no Chinese
 * segmentation, and MinHash signatures. Pure Java; tables are built once per JVM.
 */
@NullMarked
package dev.rapport.content.text;

import org.jspecify.annotations.NullMarked;
