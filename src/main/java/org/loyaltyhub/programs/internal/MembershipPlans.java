package org.loyaltyhub.programs.internal;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.loyaltyhub.shared.InvalidInput;
import org.loyaltyhub.shared.NotFound;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.Role;
import org.loyaltyhub.tenancy.Tenancy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A circuit's membership plans: its administrator creates, changes and archives them (an archived plan is sold no
 * more; its members keep it to the end). Every operator of the circuit reads them, to sell them at the counter.
 */
@Service
@Transactional
public class MembershipPlans {

    private final JdbcClient jdbc;
    private final Tenancy tenancy;
    private final Validator validator;

    private final CircuitFeatures features;

    MembershipPlans(JdbcClient jdbc, Tenancy tenancy, Validator validator, CircuitFeatures features) {
        this.features = features;
        this.jdbc = jdbc;
        this.tenancy = tenancy;
        this.validator = validator;
    }

    @Transactional(readOnly = true)
    public List<MembershipPlan> list(Caller caller, boolean withArchived) {
        return all(caller.circuit()).stream().filter(p -> withArchived || !p.archived()).toList();
    }

    /** Every plan of the circuit, on sale first. */
    @Transactional(readOnly = true)
    public List<MembershipPlan> all(long circuitId) {
        return jdbc.sql("select * from membership_plan where circuit_id = :c order by archived, name_en, id")
                .param("c", circuitId).query(MembershipPlans::plan).list();
    }

    @Transactional(readOnly = true)
    public MembershipPlan get(Caller caller, long id) {
        return find(caller.circuit(), id).orElseThrow(() -> new NotFound("Membership plan", id));
    }

    public MembershipPlan create(Caller caller, PlanInput in) {
        caller.require(Role.CIRCUIT_ADMIN);
        long circuitId = caller.circuit();
        check(circuitId, in, null);
        features.changed(circuitId);
        long id = jdbc.sql("""
                        insert into membership_plan (circuit_id, name_en, name_it, benefits_en, benefits_it, price,
                            currency, period, months, multiplier, welcome_points, members_only, counter_discount,
                            product_ids)
                        values (:c, :nameEn, :nameIt, :benefitsEn, :benefitsIt, :price, :currency, :period, :months,
                            :multiplier, :welcome, :membersOnly, :discount, :products) returning id
                        """)
                .paramSource(params(circuitId, in)).query(Long.class).single();
        return find(circuitId, id).orElseThrow();
    }

    public MembershipPlan change(Caller caller, long id, PlanInput in) {
        caller.require(Role.CIRCUIT_ADMIN);
        long circuitId = caller.circuit();
        get(caller, id);
        check(circuitId, in, id);
        jdbc.sql("""
                        update membership_plan set name_en = :nameEn, name_it = :nameIt, benefits_en = :benefitsEn,
                            benefits_it = :benefitsIt, price = :price, period = :period, months = :months,
                            multiplier = :multiplier, welcome_points = :welcome, members_only = :membersOnly,
                            counter_discount = :discount, product_ids = :products
                         where id = :id and circuit_id = :c
                        """)
                .paramSource(params(circuitId, in).addValue("id", id)).update();
        return find(circuitId, id).orElseThrow();
    }

    /** Sold no more; its members keep it until it ends. */
    public MembershipPlan archive(Caller caller, long id) {
        caller.require(Role.CIRCUIT_ADMIN);
        get(caller, id);
        jdbc.sql("update membership_plan set archived = true where id = :id and circuit_id = :c")
                .param("id", id).param("c", caller.circuit()).update();
        return get(caller, id);
    }

    /** A plan of the circuit (archived too), or empty. */
    @Transactional(readOnly = true)
    public Optional<MembershipPlan> find(long circuitId, long id) {
        return jdbc.sql("select * from membership_plan where id = :id and circuit_id = :c")
                .param("id", id).param("c", circuitId).query(MembershipPlans::plan).optional();
    }

    /** The plans on sale whose product ids or SKUs appear among {@code codes}. */
    @Transactional(readOnly = true)
    public List<MembershipPlan> grantedBy(long circuitId, List<String> codes) {
        if (codes.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from membership_plan where circuit_id = :c and not archived "
                        + "and product_ids && cast(:codes as text[]) order by id")
                .param("c", circuitId).param("codes", codes.toArray(String[]::new)).query(MembershipPlans::plan).list();
    }

    /** Refuses bad input with every field's message, and a product id another plan on sale already uses. */
    private void check(long circuitId, PlanInput in, Long self) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (ConstraintViolation<PlanInput> v : validator.validate(in)) {
            String field = v.getPropertyPath().toString().replaceAll("\\[.*", "");
            errors.putIfAbsent(field, v.getMessage());
        }
        in.crossFieldErrors().forEach(errors::putIfAbsent);
        if (errors.isEmpty() && !in.productIds().isEmpty()) {
            grantedBy(circuitId, in.productIds()).stream().filter(p -> self == null || p.id() != self).findFirst()
                    .ifPresent(p -> errors.put("productIds", "a product in this list already grants the plan \""
                            + p.nameEn() + "\": one product grants one plan"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
    }

    private org.springframework.jdbc.core.namedparam.MapSqlParameterSource params(long circuitId, PlanInput in) {
        return new org.springframework.jdbc.core.namedparam.MapSqlParameterSource()
                .addValue("c", circuitId).addValue("nameEn", in.nameEn()).addValue("nameIt", in.nameIt())
                .addValue("benefitsEn", in.benefitsEn()).addValue("benefitsIt", in.benefitsIt())
                .addValue("price", in.price()).addValue("currency", tenancy.circuit(circuitId).currency())
                .addValue("period", in.period().name()).addValue("months", in.months())
                .addValue("multiplier", in.multiplierOrOne()).addValue("welcome", in.welcomePointsOrNone())
                .addValue("membersOnly", Boolean.TRUE.equals(in.membersOnly()))
                .addValue("discount", in.counterDiscountOrNone())
                .addValue("products", in.productIds().toArray(String[]::new));
    }

    static MembershipPlan plan(ResultSet rs, int n) throws SQLException {
        Array products = rs.getArray("product_ids");
        return new MembershipPlan(rs.getLong("id"), rs.getString("name_en"), rs.getString("name_it"),
                rs.getString("benefits_en"), rs.getString("benefits_it"), rs.getBigDecimal("price").stripTrailingZeros()
                .setScale(2, java.math.RoundingMode.HALF_EVEN), rs.getString("currency"),
                PlanPeriod.valueOf(rs.getString("period")), (Integer) rs.getObject("months"),
                rs.getBigDecimal("multiplier").stripTrailingZeros(), rs.getLong("welcome_points"),
                rs.getBoolean("members_only"), rs.getBigDecimal("counter_discount").stripTrailingZeros(),
                products == null ? List.of() : Arrays.asList((String[]) products.getArray()), rs.getBoolean("archived"));
    }
}
