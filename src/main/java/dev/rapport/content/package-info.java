/**
 * What a post is and how it reads (lessons 4, 7, 8): its content type (promotional, educational,
 * entertaining, inspiring, conversational, curated, customer story) suggested from documented cues
 * in Chinese and English; the audience-first signals the composer shows ("you" before "we", a
 * question to the audience, value without a sales pitch); how well each network's variant fits
 * that network (length, hashtags, links, media, language); and the authenticity guard — near-
 * duplicates across posts, accounts and a time window, and identical cross-posting (from which
 * publishing decides whether a post reads as automated). Pure, in-process analysis in microseconds per text; no web,
 * no database. {@link dev.rapport.content.ContentTypes}, {@link dev.rapport.content.AudienceFirst},
 * {@link dev.rapport.content.NetworkFit}, {@link dev.rapport.content.NearDuplicates} and {@link
 * dev.rapport.content.CrossPosting} are the entry points.
 */
@ApplicationModule(allowedDependencies = {"core", "screening", "connectors", "connectors :: spi"})
@NullMarked
package dev.rapport.content;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
