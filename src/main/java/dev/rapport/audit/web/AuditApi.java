package dev.rapport.audit.web;

import dev.rapport.audit.AuditLog;
import dev.rapport.audit.AuditPage;
import dev.rapport.audit.AuditQuery;
import dev.rapport.audit.AuditVerification;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/audit} (admins): the audit log, newest first, filtered and paged. */
@RestController
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Audit")
class AuditApi {

    private final AuditLog audit;

    AuditApi(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping(path = "/api/v1/audit", produces = "application/json")
    AuditPage api(
            @RequestParam(required = false) @Nullable String actor,
            @RequestParam(required = false) @Nullable String action,
            @RequestParam(required = false) @Nullable Instant from,
            @RequestParam(required = false) @Nullable Instant to,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return audit.find(new AuditQuery(actor, action, from, to, page, size));
    }

    @GetMapping(path = "/api/v1/audit/verification", produces = "application/json")
    AuditVerification verification() {
        return audit.verify();
    }
}
