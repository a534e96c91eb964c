package org.loyaltyhub.support;

import org.loyaltyhub.members.internal.MemberCommands.NewMember;
import org.loyaltyhub.members.internal.MemberService;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.Role;
import org.loyaltyhub.tenancy.internal.Commands.CircuitFields;
import org.loyaltyhub.tenancy.internal.Commands.NewCompany;
import org.loyaltyhub.tenancy.internal.Commands.NewOperatorAccount;
import org.loyaltyhub.tenancy.internal.TenancyService;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestContextManager;

import java.util.ArrayList;
import java.util.List;

/**
 * A circuit set up through the services (no HTTP), for tests that drive many operations: its administrator, one
 * company with a till (an API key caller) and a few members.
 */
public record Circuits(long circuitId, Caller admin, Caller till, long companyId, long storeId, List<Long> members) {

    /** The application context the HTTP tests use (the same cached one), for tests not run by Spring's extension. */
    public static ApplicationContext context() {
        try {
            TestContextManager manager = new TestContextManager(Holder.class);
            return manager.getTestContext().getApplicationContext();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static Circuits create(ApplicationContext ctx, boolean budgetsEnforced, int memberCount) {
        TenancyService tenancy = ctx.getBean(TenancyService.class);
        MemberService members = ctx.getBean(MemberService.class);
        String email = Fixtures.unique("prop") + "@circuit.test";
        TenancyService.CreatedCircuit created = tenancy.createCircuit(
                new CircuitFields(Fixtures.unique("Prop"), "EUR", null, false, budgetsEnforced),
                new NewOperatorAccount(email, "Admin", "circuit-password-1"));
        long circuitId = created.circuit().id();
        Caller admin = new Caller(Role.CIRCUIT_ADMIN, circuitId, null, null, created.adminId(), null, "admin");
        TenancyService.CreatedCompany company = tenancy.createCompany(admin, new NewCompany(Fixtures.unique("Co"), null, null));
        Caller till = new Caller(Role.API_KEY, circuitId, company.company().id(), company.firstStore().id(), null, 1L,
                "till");
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < memberCount; i++) {
            ids.add(members.enrol(till, new NewMember("M", String.valueOf(i), Fixtures.unique("m") + "@member.test",
                    null, null, null, null, null, null, null, null, null, null, null)).id());
        }
        return new Circuits(circuitId, admin, till, company.company().id(), company.firstStore().id(), ids);
    }

    static class Holder extends IntegrationTest {
    }
}
