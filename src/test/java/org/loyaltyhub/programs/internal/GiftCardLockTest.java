package org.loyaltyhub.programs.internal;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.ledger.Ledger;
import org.loyaltyhub.members.MemberIdentifier;
import org.loyaltyhub.members.Members;
import org.loyaltyhub.programs.PrepaidSettings;
import org.loyaltyhub.shared.Money;
import org.loyaltyhub.shared.TooManyAttempts;
import org.loyaltyhub.support.Circuits;
import org.loyaltyhub.support.IntegrationTest;
import org.loyaltyhub.tenancy.Tenancy;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The lock a fifth wrong PIN puts on a gift card lives in the database, so another node (here: another service on
 * the same database, with its own clock) sees it, and it lifts after 15 minutes of the injected clock.
 */
class GiftCardLockTest extends IntegrationTest {

    @Autowired
    ApplicationContext ctx;
    @Autowired
    PrepaidService prepaid;
    @Autowired
    GiftCardService node1;

    private GiftCardService nodeAt(Clock clock) {
        GiftCardService service = new GiftCardService(ctx.getBean(PrepaidStore.class), ctx.getBean(Ledger.class),
                ctx.getBean(Members.class), ctx.getBean(Tenancy.class), ctx.getBean(WalletService.class),
                ctx.getBean(PasswordEncoder.class), clock);
        return service;
    }

    @Test
    void aCardLockedOnOneNodeIsLockedOnAnotherUntilFifteenMinutesHavePassed() {
        Circuits c = Circuits.create(ctx, false, 1);
        prepaid.changeSettings(c.admin(), new PrepaidSettings(true, null, BigDecimal.ONE, new BigDecimal("500"),
                List.of(), PrepaidSettings.AcceptedAt.ALL, List.of()));
        PrepaidService.Sold sold = prepaid.sell(c.till(), new PrepaidService.Sell(null, Money.of("20.00", "EUR"), null,
                PaymentMethod.CASH, "L-1", null));
        String number = sold.sale().cardNumber().value();
        String wrong = sold.pin().equals("000000") ? "111111" : "000000";
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> node1.balance(c.till(), number, wrong))
                    .isInstanceOfAny(WrongPin.class, TooManyAttempts.class);
        }
        GiftCardService node2 = nodeAt(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(14)));
        assertThatThrownBy(() -> node2.balance(c.till(), number, sold.pin())).isInstanceOf(TooManyAttempts.class);
        GiftCardService later = nodeAt(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(16)));
        TransactionTemplate tx = new TransactionTemplate(ctx.getBean(org.springframework.transaction.PlatformTransactionManager.class));
        GiftCardService.Card card = tx.execute(s -> later.balance(c.till(), number, sold.pin()));
        assertThat(card.available()).isEqualTo(Money.of("20.00", "EUR"));
        assertThat(card.locked()).isFalse();
        assertThat(node1.hold(c.till(), number, sold.pin(), Money.of("5.00", "EUR"), null, null, null).amount())
                .isEqualTo(Money.of("5.00", "EUR"));
        MemberIdentifier member = MemberIdentifier.byId(c.members().getFirst());
        assertThat(node1.attach(c.till(), member, number, sold.pin())).isEqualTo(Money.of("15.00", "EUR"));
    }
}
