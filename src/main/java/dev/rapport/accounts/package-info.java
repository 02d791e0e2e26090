/**
 * The official account registry: every company account on every network, who owns it, who may do
 * what on it ({@link dev.rapport.accounts.AccountAccess}), and the credential vault that keeps its
 * passwords and keys encrypted with a master key that never sits in the database.
 */
@ApplicationModule(allowedDependencies = {"core", "team"})
@NullMarked
package dev.rapport.accounts;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
