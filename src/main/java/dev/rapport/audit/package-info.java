/**
 * The audit log: an append-only, hash-chained record of every sensitive action, written from the
 * {@link dev.rapport.core.Audited} events that any module publishes. Admins browse it in the UI and
 * the API; {@code rapport audit verify} checks the chain and names the first broken entry.
 */
@ApplicationModule(allowedDependencies = "core")
@NullMarked
package dev.rapport.audit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
