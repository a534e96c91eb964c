package org.loyaltyhub.privacy;

import org.loyaltyhub.tenancy.Caller;

import java.util.List;

/** The legal texts in force in a circuit, their history, and publishing a new version. */
public interface LegalTexts {

    /** The version in force (version 0 when none was published). */
    LegalText current(long circuitId, LegalText.Kind kind);

    /** Every published version, newest first. */
    List<LegalText> history(Caller caller, LegalText.Kind kind);

    /** Publishes a new version (circuit administrators only); members are asked to accept it at their next visit. */
    LegalText publish(Caller caller, LegalText.Kind kind, String body);
}
