package org.loyaltyhub.privacy.audit;

/** What an audit record is about: a change of data, or a read of a person's data. */
public enum AuditAction {
    CHANGE, READ
}
