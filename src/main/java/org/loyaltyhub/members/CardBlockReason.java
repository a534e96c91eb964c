package org.loyaltyhub.members;

/** Why a card was blocked. */
public enum CardBlockReason {
    LOST, STOLEN, DAMAGED, OTHER
}
