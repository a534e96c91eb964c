package org.loyaltyhub.programs.internal.promotions;

import org.loyaltyhub.ledger.AccountKind;
import org.loyaltyhub.ledger.AccountRef;
import org.loyaltyhub.ledger.EntryDraft;
import org.loyaltyhub.ledger.Ledger;
import org.loyaltyhub.ledger.LotRule;
import org.loyaltyhub.programs.CampaignVouchers;
import org.loyaltyhub.programs.FunnelMessages;
import org.loyaltyhub.programs.internal.Expiry;
import org.loyaltyhub.programs.internal.ProgramStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * Carries out one effect of a promotion or a funnel for a member outside a purchase: points added (a new lot from
 * the company's budget when the occasion happened at a company of a coalition that enforces budgets, otherwise from
 * the circuit's issuance), taken away (to adjustments, never below zero) or set to a target, a voucher of a reward,
 * a tag, a funnel's message. Each movement's reason names the campaign and its rule; {@code key} makes each one happen once.
 */
@Component
class OccasionEffects {

    static final String CREDIT = "CAMPAIGN_CREDIT";
    static final String DEBIT = "CAMPAIGN_DEBIT";

    private final Ledger ledger;
    private final ProgramStore programs;
    private final OccasionStore occasions;
    private final ObjectProvider<CampaignVouchers> vouchers;
    private final ObjectProvider<FunnelMessages> messages;
    private final Clock clock;

    OccasionEffects(Ledger ledger, ProgramStore programs, OccasionStore occasions,
                    ObjectProvider<CampaignVouchers> vouchers, ObjectProvider<FunnelMessages> messages, Clock clock) {
        this.messages = messages;
        this.ledger = ledger;
        this.programs = programs;
        this.occasions = occasions;
        this.vouchers = vouchers;
        this.clock = clock;
    }

    /**
     * Who pays the points an effect adds: the company the occasion happened at (the new lot's issuer, null for dates,
     * schedules and funnels), out of its budget when {@code fromBudget} (the circuit enforces budgets), otherwise out
     * of the circuit's issuance.
     */
    record Payer(Long companyId, boolean fromBudget) {
        static final Payer CIRCUIT = new Payer(null, false);

        Payer {
            if (fromBudget && companyId == null) {
                throw new IllegalArgumentException("a budget belongs to a company");
            }
        }

        AccountRef source() {
            return fromBudget ? AccountRef.budget(companyId) : AccountRef.circuit(AccountKind.CIRCUIT_ISSUANCE);
        }
    }

    /** What an effect did: the points moved (signed), the movement, and in words. */
    record Done(long points, Long entryId, String detail) {
    }

    long balance(long circuitId, long memberId) {
        return ledger.balance(circuitId, AccountRef.available(memberId));
    }

    /**
     * Does the effect; {@code points} is the change decided for a points effect (capped by limits and budget), read
     * afresh for a funnel (null). {@code reason} names the campaign and its rule.
     */
    Done apply(long circuitId, long memberId, PromotionEffect effect, Long points, Payer payer, String key,
               String reason, String actor) {
        return switch (effect) {
            case PromotionEffect.IssueVoucher v -> {
                CampaignVouchers issuer = vouchers.getIfAvailable();
                if (issuer == null) {
                    yield new Done(0, null, "no voucher: rewards are not available in this installation");
                }
                yield new Done(0, null, "voucher " + issuer.issue(circuitId, memberId, v.rewardId(), key, actor));
            }
            case PromotionEffect.AddTag t -> new Done(0, null, occasions.tag(circuitId, memberId, t.tag(),
                    clock.instant(), reason) ? "tagged " + t.tag() : "already tagged " + t.tag());
            case PromotionEffect.SendMessage m -> {
                FunnelMessages sender = messages.getIfAvailable();
                yield new Done(0, null, sender == null ? "no message: messages are not available in this installation"
                        : sender.send(circuitId, memberId, key, m.texts()));
            }
            default -> move(circuitId, memberId, points != null ? points
                    : effect.change(balance(circuitId, memberId)), payer, key, reason, actor);
        };
    }

    private Done move(long circuitId, long memberId, long points, Payer payer, String key, String reason,
                      String actor) {
        if (points == 0) {
            return new Done(0, null, "no points to change");
        }
        AccountRef member = AccountRef.available(memberId);
        EntryDraft.Builder draft = points > 0
                ? EntryDraft.transfer(circuitId, key, CREDIT, reason).move(payer.source(), member, points, null,
                        new LotRule.NewLot(payer.companyId(), Expiry.of(programs.settings(circuitId), clock.instant())))
                : EntryDraft.transfer(circuitId, key, DEBIT, reason).move(member,
                        AccountRef.circuit(AccountKind.ADJUSTMENTS), -points);
        long entry = ledger.post(draft.member(memberId).actor(actor).build()).id();
        return new Done(points, entry, (points > 0 ? "+" : "") + points + " points");
    }
}
