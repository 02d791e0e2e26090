package dev.rapport.team;

import dev.rapport.core.WorkspaceZone;
import java.time.ZoneId;
import org.springframework.stereotype.Component;

/** The time zone from the workspace settings. */
@Component
class WorkspaceSettingsZone implements WorkspaceZone {

    private final TeamManagement team;

    WorkspaceSettingsZone(TeamManagement team) {
        this.team = team;
    }

    @Override
    public ZoneId zoneId() {
        return ZoneId.of(team.workspace().timeZone());
    }
}
