package org.loyaltyhub.marketing.landing;

/** What a landing page's block shows: a heading, a paragraph, an uploaded image or a call to action. */
public enum BlockKind {
    TITLE, TEXT, IMAGE, ACTION
}
