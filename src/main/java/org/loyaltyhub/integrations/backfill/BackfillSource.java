package org.loyaltyhub.integrations.backfill;

import org.loyaltyhub.integrations.internal.Connection;
import org.loyaltyhub.integrations.internal.Platform;
import org.loyaltyhub.integrations.internal.ShopHttp;
import org.loyaltyhub.integrations.internal.ShopOrder;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * How one platform reads a period's customers and orders from a shop's API, one page at a time, in the shop-neutral
 * form its webhooks are turned into ({@link ShopOrder}), so that the same matching and recording applies. The cursor
 * is the platform's own (a page number, an offset, a bulk operation and a position) and is stored after each page.
 */
public interface BackfillSource {

    Platform platform();

    /** Reads the page after {@code cursor} (null: the phase's first). */
    Page read(Connection c, Period period, BackfillPhase phase, String cursor) throws ShopHttp.Unreachable, ShopRefused;

    /** The period asked for: whole days, UTC, both ends included. */
    record Period(LocalDate from, LocalDate to) {

        public Instant start() {
            return from.atStartOfDay(ZoneOffset.UTC).toInstant();
        }

        /** The first instant after the period. */
        public Instant end() {
            return to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        }

        public boolean contains(Instant t) {
            return t != null && !t.isBefore(start()) && t.isBefore(end());
        }
    }

    /**
     * What one read gave: customers or orders, how many items could not be read ({@code unreadable}), the cursor to
     * store, whether the phase is over, and the phase's progress when the shop says it ({@code done} of
     * {@code total}, in the platform's unit: pages, objects; total null when unknown). {@code waiting}: nothing to
     * read yet (a bulk operation still running), ask again next round.
     */
    record Page(List<ShopOrder.Customer> customers, List<ShopOrder> orders, int unreadable, String next,
                boolean last, boolean waiting, int done, Integer total) {

        public static Page waiting(String next) {
            return new Page(List.of(), List.of(), 0, next, false, true, 0, null);
        }

        public static Page ofCustomers(List<ShopOrder.Customer> customers, int unreadable, String next, boolean last,
                                       int done, Integer total) {
            return new Page(customers, List.of(), unreadable, next, last, false, done, total);
        }

        public static Page ofOrders(List<ShopOrder> orders, int unreadable, String next, boolean last, int done,
                                    Integer total) {
            return new Page(List.of(), orders, unreadable, next, last, false, done, total);
        }
    }

    /** The shop answered, but not with what was asked: its status and what it said. */
    final class ShopRefused extends Exception {

        private final int status;

        public ShopRefused(ShopHttp.Answer a, String shop) {
            super(a.refusal(shop));
            this.status = a.status();
        }

        /** The shop answered something that cannot be used: asking again will not help. */
        public ShopRefused(String message) {
            this(message, 200);
        }

        private ShopRefused(String message, int status) {
            super(message);
            this.status = status;
        }

        /** The shop cannot do it now (it is busy): asked again next round. */
        public static ShopRefused forNow(String message) {
            return new ShopRefused(message, 503);
        }

        /** Credentials refused or a resource missing: asking again will not help. */
        public boolean lasting() {
            return status == 401 || status == 403 || status == 404 || status == 200;
        }
    }
}
