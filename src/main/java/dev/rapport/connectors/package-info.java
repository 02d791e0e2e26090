/**
 * Network connectors: the SPI every network implements ({@code connectors.spi}), and the engine
 * that is the only place for retries, backoff, Retry-After and "outcome unknown" handling, so that
 * a post is never published twice and never fails silently. One sub-package per network; the
 * sandbox network is a connector like any other.
 */
@ApplicationModule(allowedDependencies = {"core", "team", "accounts", "screening"})
@NullMarked
package dev.rapport.connectors;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
