/**
 * Text normalisation for the screen: a matching form of a post (NFKC, case folding, traditional
 * to simplified Chinese, homoglyphs, leetspeak, invisible and separator characters, repeated
 * characters) with a map back to the original's UTF-16 offsets, and the script (Chinese, English
 * or mixed) of a text. Pure Java, no Spring; all tables are built once per JVM.
 */
@NullMarked
package dev.rapport.screening.text;

import org.jspecify.annotations.NullMarked;
