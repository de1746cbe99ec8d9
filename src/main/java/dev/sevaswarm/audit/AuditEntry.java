package dev.sevaswarm.audit;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.OffsetDateTime;

/**
 * One line of a case's audit trail.
 *
 * @param time when it happened
 * @param actor who did it (a user id), or null for the playbook itself
 * @param action what happened, e.g. "task completed", "variable changed", "notification delivered"
 * @param elementId the diagram element (task key, activity id) or the variable, where there is one
 * @param elementName its human name
 * @param details the rest: values, recipients, reasons
 */
@JsonPropertyOrder({"time", "actor", "action", "elementId", "elementName", "details"})
public record AuditEntry(OffsetDateTime time, String actor, String action, String elementId, String elementName,
    String details) {}
