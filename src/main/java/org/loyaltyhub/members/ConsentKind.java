package org.loyaltyhub.members;

/** What a member agreed to: the privacy notice, marketing communications, the newsletter. */
public enum ConsentKind {
    PRIVACY, MARKETING, NEWSLETTER
}
