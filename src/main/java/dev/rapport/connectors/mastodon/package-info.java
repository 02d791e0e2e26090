/**
 * The Mastodon connector: one account on one Mastodon server, reached with an access token over the
 * server's REST API (<a href="https://docs.joinmastodon.org/api/">docs.joinmastodon.org/api</a>).
 */
@NullMarked
package dev.rapport.connectors.mastodon;

import org.jspecify.annotations.NullMarked;
