/**
 * The sandbox network: Rapport's built-in simulated network, clearly labelled as such, that the demo
 * workspace connects by default. A seeded simulated audience reacts to what is published — more to
 * posts that follow the article's lessons, less to promotional-only posts, posts that ignore the
 * network's conventions and accounts that leave comments unanswered — all driven by an injectable
 * clock and computed lazily, so that the same seed, posts and clock give the same interactions.
 * Every coefficient is in {@link dev.rapport.connectors.sandbox.SandboxCoefficients}.
 */
@NullMarked
package dev.rapport.connectors.sandbox;

import org.jspecify.annotations.NullMarked;
