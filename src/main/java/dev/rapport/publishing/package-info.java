/**
 * Publishing (lessons 4, 7, 8): one idea written once, a native variant per target account, checked
 * against its network and the policy while it is written, approved where the workspace's rule asks
 * for it, and published on time exactly once — by db-scheduler tasks through the connector engine,
 * safe across nodes and crashes — or the owners are told why not.
 */
@ApplicationModule(
        allowedDependencies = {"core", "team", "accounts", "connectors", "connectors :: spi", "screening", "content"})
@NullMarked
package dev.rapport.publishing;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
