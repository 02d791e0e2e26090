package dev.rapport.core;

import java.time.ZoneId;

/**
 * The workspace's time zone, in which pages show times and read dates. The team module provides it
 * from the workspace settings; modules that show times depend on this, not on the team.
 */
public interface WorkspaceZone {

    ZoneId zoneId();
}
