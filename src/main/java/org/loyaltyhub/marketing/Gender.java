package org.loyaltyhub.marketing;

/** The genders a member record may carry (the values members stores), for segment conditions. */
public enum Gender {
    FEMALE, MALE, OTHER, UNDISCLOSED
}
