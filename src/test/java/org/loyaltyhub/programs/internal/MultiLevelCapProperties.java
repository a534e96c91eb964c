package org.loyaltyhub.programs.internal;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever sequence of settlements (purchases' points going up, refunds taking them down) reaches one upline member in
 * a month, the commissions credited never exceed the monthly cap, never go below zero and never exceed what each
 * purchase's points give at the level's %.
 */
class MultiLevelCapProperties {

    @Property(tries = 300)
    void commissionsStayWithinTheCapAndTheirTargets(@ForAll @IntRange(min = 0, max = 500) int cap,
                                                    @ForAll @IntRange(min = 1, max = 100) int percent,
                                                    @ForAll @Size(max = 40) List<@IntRange(min = 0, max = 10_000) Integer> settlements) {
        int purchases = 5;
        long[] credited = new long[purchases];
        long month = 0;
        for (int i = 0; i < settlements.size(); i++) {
            int purchase = i % purchases;
            long target = MultiLevelPolicy.commission(settlements.get(i), BigDecimal.valueOf(percent));
            long change = MultiLevelPolicy.change(target, credited[purchase], month, cap);
            credited[purchase] += change;
            month += change;

            assertThat(credited[purchase]).isBetween(0L, target);
            assertThat(month).isGreaterThanOrEqualTo(0);
            if (cap > 0) {
                assertThat(month).isLessThanOrEqualTo(cap);
            }
        }
        long sum = 0;
        for (long c : credited) {
            sum += c;
        }
        assertThat(month).isEqualTo(sum);
    }
}
