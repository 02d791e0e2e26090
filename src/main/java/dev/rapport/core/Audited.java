package dev.rapport.core;

/**
 * An event that records a sensitive action. Every module's event that implements it lands in the
 * audit log, whatever module published it.
 */
public interface Audited {

    AuditRecord auditRecord();
}
