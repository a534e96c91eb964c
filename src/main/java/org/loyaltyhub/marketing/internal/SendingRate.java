package org.loyaltyhub.marketing.internal;

/**
 * How many campaign e-mails may go out now: at most {@code perMinute} in any minute, counting those sent in the
 * minute before (a sliding window read from the recipients' send times, so a restart or another node keeps to it).
 */
public record SendingRate(int perMinute) {

    public SendingRate {
        if (perMinute < 1 || perMinute > 1_000_000) {
            throw new IllegalArgumentException("a rate of 1 to 1,000,000 e-mails a minute, not " + perMinute);
        }
    }

    /** What may be sent now, given how many were sent in the last minute. */
    public int allowance(long sentInLastMinute) {
        return (int) Math.max(0, perMinute - Math.max(0, sentInLastMinute));
    }
}
