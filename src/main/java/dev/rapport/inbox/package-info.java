/**
 * The unified inbox (lesson 5): every comment, reply, mention, quote and direct message from every
 * connected account, de-duplicated and threaded into conversations, each author a contact;
 * classified (sentiment and intent, Chinese and English, with evidence), routed to the department
 * that should answer it, answered through the connector after the policy screen, on time.
 */
@ApplicationModule(
        allowedDependencies = {"core", "team", "accounts", "connectors", "connectors :: spi", "screening", "content"})
@NullMarked
package dev.rapport.inbox;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
