package dev.rapport.team.domain;

import dev.rapport.team.WorkspaceView;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The one workspace of this installation, stored as row 1. */
@Repository
public class Workspaces {

    private final JdbcClient jdbc;

    Workspaces(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<WorkspaceView> find() {
        return jdbc.sql("SELECT name, default_language, time_zone FROM workspace WHERE id = 1")
                // Mapped by hand: a mapper by property names asks the driver for "defaultLanguage" first,
                // and the embedded database writes each miss, with its stack, to its trace file.
                .query((rs, row) -> new WorkspaceView(
                        rs.getString("name"), rs.getString("default_language"), rs.getString("time_zone")))
                .optional();
    }

    public void save(WorkspaceView workspace) {
        int updated = jdbc.sql("UPDATE workspace SET name = ?, default_language = ?, time_zone = ? WHERE id = 1")
                .params(workspace.name(), workspace.defaultLanguage(), workspace.timeZone())
                .update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO workspace (id, name, default_language, time_zone, created_at) VALUES (1, ?, ?, ?, ?)")
                    .params(workspace.name(), workspace.defaultLanguage(), workspace.timeZone(), OffsetDateTime.now())
                    .update();
        }
    }
}
