package org.loyaltyhub.customers.web;

import org.loyaltyhub.privacy.LegalText;
import org.loyaltyhub.privacy.LegalTexts;
import org.loyaltyhub.programs.Programs;
import org.loyaltyhub.shared.NotFound;
import org.loyaltyhub.tenancy.Circuit;
import org.loyaltyhub.tenancy.Tenancy;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** What every customer page shows of its circuit: name, logo, program and the legal texts in force. */
@Component
class SpaceModel {

    private final Tenancy tenancy;
    private final Programs programs;
    private final LegalTexts legal;

    SpaceModel(Tenancy tenancy, Programs programs, LegalTexts legal) {
        this.tenancy = tenancy;
        this.programs = programs;
        this.legal = legal;
    }

    /** Adds the circuit to the model; an unknown circuit is a 404 page. */
    Circuit add(long circuitId, Model model) {
        Circuit circuit;
        try {
            circuit = tenancy.circuit(circuitId);
        } catch (NotFound e) {
            throw new org.springframework.web.server.ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND);
        }
        model.addAttribute("circuit", circuit).addAttribute("program", programs.settings(circuitId))
                .addAttribute("base", "/c/" + circuitId);
        return circuit;
    }

    LegalText privacy(long circuitId) {
        return legal.current(circuitId, LegalText.Kind.PRIVACY);
    }

    LegalText terms(long circuitId) {
        return legal.current(circuitId, LegalText.Kind.TERMS);
    }
}
