package org.loyaltyhub.analytics;

import static org.loyaltyhub.marketing.RfmSegment.ABOUT_TO_SLEEP;
import static org.loyaltyhub.marketing.RfmSegment.AT_RISK;
import static org.loyaltyhub.marketing.RfmSegment.CANNOT_LOSE;
import static org.loyaltyhub.marketing.RfmSegment.CHAMPIONS;
import static org.loyaltyhub.marketing.RfmSegment.HIBERNATING;
import static org.loyaltyhub.marketing.RfmSegment.LOYAL;
import static org.loyaltyhub.marketing.RfmSegment.NEED_ATTENTION;
import static org.loyaltyhub.marketing.RfmSegment.NEW_CUSTOMERS;
import static org.loyaltyhub.marketing.RfmSegment.POTENTIAL_LOYALISTS;
import static org.loyaltyhub.marketing.RfmSegment.PROMISING;

import java.util.ArrayList;
import java.util.List;
import org.loyaltyhub.marketing.RfmSegment;

/**
 * The named RFM segment ({@link RfmSegment}, whose names marketing owns) of a member, from the recency quintile (1 = bought longest ago, 5 = most recently) and the
 * frequency-monetary score, the mean of the frequency and monetary quintiles rounded up. The grid is the usual one
 * (rows R, columns FM):
 * <pre>
 *          FM 1            FM 2                 FM 3                 FM 4       FM 5
 * R 5      NEW_CUSTOMERS   POTENTIAL_LOYALISTS  POTENTIAL_LOYALISTS  CHAMPIONS  CHAMPIONS
 * R 4      PROMISING       POTENTIAL_LOYALISTS  POTENTIAL_LOYALISTS  LOYAL      LOYAL
 * R 3      ABOUT_TO_SLEEP  ABOUT_TO_SLEEP       NEED_ATTENTION       LOYAL      LOYAL
 * R 1, 2   HIBERNATING     HIBERNATING          AT_RISK              AT_RISK    CANNOT_LOSE
 * </pre>
 */
public final class RfmGrid {

    private RfmGrid() {
    }

    /** The segment of quintiles {@code r}, {@code f} and {@code m}, each 1 to 5. */
    public static RfmSegment of(int r, int f, int m) {
        for (int q : new int[] {r, f, m}) {
            if (q < 1 || q > 5) {
                throw new IllegalArgumentException("a quintile is 1 to 5, not " + q);
            }
        }
        int fm = (f + m + 1) / 2;
        return switch (r) {
            case 5 -> fm == 1 ? NEW_CUSTOMERS : fm <= 3 ? POTENTIAL_LOYALISTS : CHAMPIONS;
            case 4 -> fm == 1 ? PROMISING : fm <= 3 ? POTENTIAL_LOYALISTS : LOYAL;
            case 3 -> fm <= 2 ? ABOUT_TO_SLEEP : fm == 3 ? NEED_ATTENTION : LOYAL;
            default -> fm <= 2 ? HIBERNATING : fm <= 4 ? AT_RISK : CANNOT_LOSE;
        };
    }

    /**
     * Every segment by its position {@code 25 (r - 1) + 5 (f - 1) + (m - 1)}: the table the nightly job's SQL looks
     * the segment up in, so the grid is written once, here.
     */
    public static List<String> table() {
        List<String> names = new ArrayList<>(125);
        for (int r = 1; r <= 5; r++) {
            for (int f = 1; f <= 5; f++) {
                for (int m = 1; m <= 5; m++) {
                    names.add(of(r, f, m).name());
                }
            }
        }
        return names;
    }
}
