package org.loyaltyhub.programs.internal;

/**
 * Told, in the transaction of the change, that a member's activity (points earned, spend, purchases) moved: status
 * rules (tiers, badges) re-evaluate the member here, so an upgrade commits with the points that caused it.
 */
public interface ActivityListener {

    void activityChanged(long circuitId, long memberId);
}
