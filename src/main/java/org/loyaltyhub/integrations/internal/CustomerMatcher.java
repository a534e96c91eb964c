package org.loyaltyhub.integrations.internal;

import org.loyaltyhub.members.Members;
import org.loyaltyhub.members.OnlineCustomers;
import org.loyaltyhub.shared.LoyaltyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds the member behind a shop customer: by the shop's customer id (a link made the first time), then by
 * e-mail; enrols a registered customer, and a guest only when the connection allows it.
 */
@Component
public class CustomerMatcher {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final JdbcClient jdbc;
    private final OnlineCustomers customers;
    private final Members members;

    CustomerMatcher(JdbcClient jdbc, OnlineCustomers customers, Members members) {
        this.jdbc = jdbc;
        this.customers = customers;
        this.members = members;
    }

    /** The member, or empty with nobody enrolled (no usable e-mail, or a guest the connection does not enrol). */
    public Optional<Long> match(Connection c, ShopOrder.Customer customer, boolean mayEnrol) {
        if (customer == null) {
            return Optional.empty();
        }
        Optional<Long> linked = customer.guest() ? Optional.empty() : linked(c, customer.id());
        if (linked.isPresent()) {
            members.relate(c.circuitId(), linked.get(), c.companyId());
            return linked;
        }
        String email = customer.email() != null && EMAIL.matcher(customer.email()).matches()
                && customer.email().length() <= 254 ? customer.email() : null;
        Optional<Long> found = email == null ? Optional.empty() : customers.findByEmail(c.circuitId(), email);
        if (found.isEmpty() && email != null && mayEnrol && (!customer.guest() || c.enrolGuests())) {
            found = Optional.of(enrol(c, customer, email));
        }
        found.ifPresent(member -> {
            members.relate(c.circuitId(), member, c.companyId());
            if (!customer.guest()) {
                link(c, customer.id(), member);
            }
        });
        return found;
    }

    Optional<Long> linked(Connection c, String shopCustomerId) {
        return jdbc.sql("select member_id from member_shop_link where connection_id = :conn and shop_customer_id = :id")
                .param("conn", c.id()).param("id", shopCustomerId).query(Long.class).optional();
    }

    void link(Connection c, String shopCustomerId, long memberId) {
        jdbc.sql("insert into member_shop_link (connection_id, shop_customer_id, circuit_id, member_id) "
                        + "values (:conn, :id, :c, :m) on conflict do nothing")
                .param("conn", c.id()).param("id", shopCustomerId).param("c", c.circuitId()).param("m", memberId)
                .update();
    }

    /** Privacy: the member a shop's customer is, by the shop's link or else by e-mail; never enrols. */
    Optional<Long> known(Connection c, String shopCustomerId, String email) {
        Optional<Long> linked = shopCustomerId == null ? Optional.empty() : linked(c, shopCustomerId);
        return linked.isPresent() || email == null || !EMAIL.matcher(email).matches() || email.length() > 254
                ? linked : customers.findByEmail(c.circuitId(), email);
    }

    /** Privacy: forgets which member a shop customer was. Returns whether a link existed. */
    boolean unlink(Connection c, String shopCustomerId) {
        return jdbc.sql("delete from member_shop_link where connection_id = :conn and shop_customer_id = :id")
                .param("conn", c.id()).param("id", shopCustomerId).update() > 0;
    }

    private long enrol(Connection c, ShopOrder.Customer customer, String email) {
        try {
            return customers.enrol(c.caller(), new OnlineCustomers.Customer(email, customer.firstName(),
                    customer.lastName(), customer.birthDate(), customer.marketing(), customer.newsletter(),
                    c.channel()));
        } catch (LoyaltyException e) {
            if ("member-exists".equals(e.code()) && e.properties().get("existingMemberId") instanceof Long id) {
                return id;
            }
            throw e;
        }
    }
}
