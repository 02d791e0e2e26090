/**
 * Shared kernel: what every module may use — the {@link dev.rapport.core.Audited} contract for
 * events that belong in the audit log, the data directory, i18n, the layout and the API's problem
 * details.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
@NullMarked
package dev.rapport.core;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
