package org.loyaltyhub.ledger;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.members.MemberIdentifier;
import org.loyaltyhub.programs.MoneyProgram;
import org.loyaltyhub.programs.internal.WalletService;
import org.loyaltyhub.shared.LoyaltyException;
import org.loyaltyhub.shared.Money;
import org.loyaltyhub.support.Circuits;
import org.loyaltyhub.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 32 clients pay from the same wallet at once, more than it holds in all: exactly what the wallet had is spent,
 * the rest is refused as insufficient, and the books balance per unit.
 */
class ConcurrentWalletPaymentsTest extends IntegrationTest {

    @Autowired
    ApplicationContext ctx;
    @Autowired
    WalletService wallets;
    @Autowired
    Ledger ledger;

    @Test
    void thirtyTwoClientsCannotOverspendOneWallet() throws Exception {
        Circuits c = Circuits.create(ctx, false, 1);
        long member = c.members().getFirst();
        ctx.getBean(org.loyaltyhub.programs.internal.MoneyProgramAdmin.class).changeProgram(c.admin(), Purpose.CASHBACK, null, new MoneyProgram(true, BigDecimal.ONE, null,
                BigDecimal.ZERO, BigDecimal.valueOf(100)));
        wallets.adjust(c.admin(), member, Purpose.CASHBACK, WalletService.Direction.CREDIT, Money.of("10.00", "EUR"),
                "start");
        int clients = 32;
        AtomicLong spentCents = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            for (int i = 0; i < clients; i++) {
                done.add(pool.submit(() -> {
                    start.await();
                    try {
                        WalletService.Payment p = wallets.hold(c.till(), MemberIdentifier.byId(member),
                                Purpose.CASHBACK, Money.of("100.00", "EUR"), Money.of("0.70", "EUR"), null, null);
                        wallets.capture(c.till(), p.id(), null);
                        spentCents.addAndGet(70);
                    } catch (LoyaltyException e) {
                        assertThat(e.code()).isEqualTo("insufficient-wallet");
                        refused.incrementAndGet();
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get();
            }
        }
        assertThat(spentCents.get()).isEqualTo(14 * 70); // 14 × 0.70 = 9.80 of the 10.00
        assertThat(refused.get()).isEqualTo(clients - 14);
        assertThat(ledger.balance(c.circuitId(), AccountRef.member(AccountKind.CASHBACK_AVAILABLE, member)))
                .isEqualTo(20);
        assertThat(ledger.balance(c.circuitId(), AccountRef.circuit(AccountKind.CASHBACK_REDEEMED))).isEqualTo(980);
        assertThat(ledger.check(c.circuitId()).differences()).isEmpty();
    }
}
