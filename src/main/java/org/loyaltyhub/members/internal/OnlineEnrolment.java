package org.loyaltyhub.members.internal;

import org.loyaltyhub.members.ConsentKind;
import org.loyaltyhub.members.OnlineCustomers;
import org.loyaltyhub.members.internal.MemberCommands.ConsentInput;
import org.loyaltyhub.members.internal.MemberCommands.NewMember;
import org.loyaltyhub.tenancy.Caller;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Shop customers joining online: found by e-mail in the whole circuit, or enrolled with the shop's consents. */
@Component
@Transactional
class OnlineEnrolment implements OnlineCustomers {

    private final MemberService members;
    private final MemberFinder finder;

    OnlineEnrolment(MemberService members, MemberFinder finder) {
        this.members = members;
        this.finder = finder;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Long> findByEmail(long circuitId, String email) {
        return email == null || email.isBlank() ? Optional.empty() : finder.byEmail(circuitId, email);
    }

    @Override
    public long enrol(Caller caller, Customer c) {
        List<ConsentInput> consents = new ArrayList<>();
        String version = c.source() == null ? "shop" : c.source();
        if (c.marketing() != null) {
            consents.add(new ConsentInput(ConsentKind.MARKETING, c.marketing(), version, version));
        }
        if (c.newsletter() != null) {
            consents.add(new ConsentInput(ConsentKind.NEWSLETTER, c.newsletter(), version, version));
        }
        LocalDate birth = c.birthDate() != null && c.birthDate().isBefore(LocalDate.now()) ? c.birthDate() : null;
        return members.enrol(caller, new NewMember(cut(c.firstName(), 100), cut(c.lastName(), 100), c.email(), null,
                birth, null, null, null, null, caller.storeId(), null, null, consents, null)).id();
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
