/**
 * The screen's lexicon: terms in Chinese and English with their policy category and severity,
 * innocent compounds, and neutral mentions of groups, loaded from compact resource files generated
 * from permissively licensed lists (see {@code SOURCES.md} beside the files), and a matcher over
 * the normalised text that reports spans in the original text with context flags. Pure Java.
 */
@NullMarked
package dev.rapport.screening.lexicon;

import org.jspecify.annotations.NullMarked;
