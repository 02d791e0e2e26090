/**
 * The Bluesky connector: any AT Protocol PDS over XRPC, signed in with an app password. Posts are
 * {@code app.bsky.feed.post} records under a record key derived from Rapport's idempotency key, so
 * that a retried write can never make a second post.
 */
@NullMarked
package dev.rapport.connectors.bluesky;

import org.jspecify.annotations.NullMarked;
