package org.loyaltyhub.imports;

/** What an import's file holds: members (with their opening balances) or past purchases of members. */
public enum ImportKind {
    MEMBERS, PURCHASES
}
