package org.loyaltyhub.members;

import org.loyaltyhub.tenancy.Caller;

import java.time.LocalDate;
import java.util.Optional;

/**
 * What online shops ask of members: find a customer by e-mail anywhere in the circuit, or enrol them with the
 * consents the shop collected.
 */
public interface OnlineCustomers {

    /** The member of the circuit with this e-mail, whoever enrolled them (the shop then relates them to itself). */
    Optional<Long> findByEmail(long circuitId, String email);

    /** Enrols a shop's customer at the caller's company (and store), recording the consents the shop sent. */
    long enrol(Caller caller, Customer customer);

    /**
     * A shop customer: e-mail and name, and the marketing and newsletter consents as the shop reported them;
     * {@code source} names the shop (recorded with the consents).
     */
    record Customer(String email, String firstName, String lastName, LocalDate birthDate, Boolean marketing,
                    Boolean newsletter, String source) {
    }
}
