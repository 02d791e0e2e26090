/**
 * The team: the workspace, its members, roles and departments, sign-in (form, remember-me,
 * lockout), sessions, invitations and personal access tokens for the API.
 */
@ApplicationModule(allowedDependencies = "core")
@NullMarked
package dev.rapport.team;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
