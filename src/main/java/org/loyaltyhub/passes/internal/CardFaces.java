package org.loyaltyhub.passes.internal;

import org.loyaltyhub.ledger.Ledger;
import org.loyaltyhub.members.Member;
import org.loyaltyhub.members.Members;
import org.loyaltyhub.programs.MemberStatus;
import org.loyaltyhub.programs.MemberStatuses;
import org.loyaltyhub.tenancy.Circuit;
import org.loyaltyhub.tenancy.CircuitLogoImages;
import org.loyaltyhub.tenancy.Tenancy;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Locale;

/** Reads what a member's card shows now, in the member's language. */
@Component
class CardFaces {

    private final Members members;
    private final Ledger ledger;
    private final MemberStatuses statuses;
    private final Tenancy tenancy;
    private final CircuitLogoImages logos;
    private final MessageSource messages;
    private final Clock clock;

    CardFaces(Members members, Ledger ledger, MemberStatuses statuses, Tenancy tenancy, CircuitLogoImages logos,
              MessageSource messages, Clock clock) {
        this.members = members;
        this.ledger = ledger;
        this.statuses = statuses;
        this.tenancy = tenancy;
        this.logos = logos;
        this.messages = messages;
        this.clock = clock;
    }

    CardFace of(PassSetup setup, long memberId) {
        Circuit circuit = tenancy.circuit(setup.circuitId());
        Member member = members.own(setup.circuitId(), memberId);
        Locale locale = member.languageOr(circuit.defaultCountry()).locale();
        MemberStatus.Ref tier = statuses.of(setup.circuitId(), memberId).tier();
        long points = ledger.memberBalance(setup.circuitId(), memberId, clock.instant()).available();
        return new CardFace(circuit.id(), circuit.name(), setup.background(), setup.foreground(),
                logos.image(circuit.id()).orElse(null), member.displayName(), member.card().number(),
                member.card().qrPayload(), points, tier == null ? null : tier.name().in(locale),
                new CardFace.Labels(text("passes.label.points", locale), text("passes.label.holder", locale),
                        text("passes.label.card", locale), text("passes.label.tier", locale),
                        messages.getMessage("passes.label.description", new Object[] {circuit.name()}, locale)));
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
