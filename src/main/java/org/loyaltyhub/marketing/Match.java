package org.loyaltyhub.marketing;

/** How a segment joins its groups, and a group its conditions: every one must hold, or any one. */
public enum Match {
    ALL, ANY
}
