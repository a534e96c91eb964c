package org.loyaltyhub.passes;

/** The "add to wallet" links of a member's card, for the pages and e-mails that offer them. */
public interface PhonePasses {

    /** The links this circuit can offer (each null when its certificate or key is not configured). */
    WalletLinks links(long circuitId, long memberId);
}
