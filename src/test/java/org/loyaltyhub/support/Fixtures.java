package org.loyaltyhub.support;

import org.loyaltyhub.support.Api.Login;
import org.loyaltyhub.tenancy.internal.Commands.CircuitFields;
import org.loyaltyhub.tenancy.internal.Commands.NewOperatorAccount;
import org.loyaltyhub.tenancy.internal.FirstRun;
import org.loyaltyhub.tenancy.internal.TenancyService;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import java.util.concurrent.atomic.AtomicInteger;

/** Makes circuits for tests: each with its own administrator, so tests are isolated by tenancy itself. */
@Component
@Profile("test")
public class Fixtures {

    private static final AtomicInteger SEQ = new AtomicInteger();
    private volatile Login platformAdmin; // per application: a fresh install has none

    private final TenancyService tenancy;
    private final FirstRun firstRun;

    Fixtures(TenancyService tenancy, FirstRun firstRun) {
        this.tenancy = tenancy;
        this.firstRun = firstRun;
    }

    public static String unique(String prefix) {
        return prefix + "-" + ProcessHandle.current().pid() + "-" + SEQ.incrementAndGet();
    }

    public World world(Api api) {
        return world(api, false, false);
    }

    public World world(Api api, boolean companiesKeptApart, boolean budgetsEnforced) {
        String email = unique("admin") + "@circuit.test";
        Login admin = new Login(email, "circuit-password-1");
        TenancyService.CreatedCircuit created = tenancy.createCircuit(
                new CircuitFields(unique("Circuit"), "EUR", null, companiesKeptApart, budgetsEnforced),
                new NewOperatorAccount(email, "Circuit Admin", admin.password()));
        return new World(api, created.circuit().id(), admin);
    }

    /** The platform administrator, created through the real first-run API the first time it is asked for. */
    public synchronized Login platformAdmin(Api api) {
        if (platformAdmin == null) {
            Login login = new Login("root@platform.test", "platform-password-1");
            if (firstRun.required()) {
                String token = firstRun.newToken();
                Api.Response r = api.post("/api/v1/setup", java.util.Map.of("token", token,
                        "platformAdmin", java.util.Map.of("email", login.email(), "name", "Root", "password", login.password()),
                        "circuit", java.util.Map.of("name", unique("First"), "currency", "EUR"),
                        "circuitAdmin", java.util.Map.of("email", unique("first") + "@circuit.test", "name", "First",
                                "password", "circuit-password-1")));
                if (r.status() != 201) {
                    throw new IllegalStateException("set-up failed: " + r);
                }
            }
            platformAdmin = login;
        }
        return platformAdmin;
    }
}
