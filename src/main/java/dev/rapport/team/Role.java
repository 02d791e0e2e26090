package dev.rapport.team;

/**
 * What a member may do. Documented in {@code docs/roles.md}; every endpoint's rule is tested in
 * {@code ApiAuthorizationTests}.
 */
public enum Role {
    /** Workspace, members, roles, departments, settings, the audit log. */
    ADMIN,
    /** Plans, budgets, approvals and reports; reads the team. */
    LEAD,
    /** Composes and schedules posts, engages in conversations. */
    MARKETER,
    /** Answers the conversations routed to their department. */
    RESPONDER,
    /** Reads dashboards and reports. */
    VIEWER;

    public String authority() {
        return "ROLE_" + name();
    }
}
