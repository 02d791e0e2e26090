/**
 * The social media policy and the pre-publication screen (lesson 10): a versioned policy every
 * member acknowledges, and a screen that finds sexist, racist, religiously offensive, abusive,
 * obscene, sexually suggestive, derogatory and discriminatory content in Chinese and English before
 * anything leaves the company. Publishing and the inbox call {@link dev.rapport.screening.Screening}.
 */
@ApplicationModule(allowedDependencies = {"core", "team"})
@NullMarked
package dev.rapport.screening;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
