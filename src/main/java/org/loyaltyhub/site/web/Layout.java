package org.loyaltyhub.site.web;

import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.Circuit;
import org.loyaltyhub.tenancy.CurrentCaller;
import org.loyaltyhub.tenancy.Tenancy;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's frame shows: who is signed in, in which circuit (name and logo), and the role's navigation. */
@ControllerAdvice(annotations = org.loyaltyhub.shared.web.Page.class)
class Layout {

    private final Tenancy tenancy;

    Layout(Tenancy tenancy) {
        this.tenancy = tenancy;
    }

    @ModelAttribute("me")
    Caller me() {
        return CurrentCaller.get().orElse(null);
    }

    @ModelAttribute("circuit")
    Circuit circuit() {
        Caller me = me();
        return me == null || me.circuitId() == null ? null : tenancy.circuit(me.circuitId());
    }
}
