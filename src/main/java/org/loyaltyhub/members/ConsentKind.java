package org.loyaltyhub.members;

/** What a member agreed to: the privacy notice, marketing communications, the newsletter, the program rules (terms). */
public enum ConsentKind {
    PRIVACY, MARKETING, NEWSLETTER, TERMS
}
