package org.loyaltyhub.programs.web;

import org.loyaltyhub.members.Members;
import org.loyaltyhub.programs.internal.MembershipPlan;
import org.loyaltyhub.programs.internal.MembershipPlans;
import org.loyaltyhub.programs.internal.MembershipSale;
import org.loyaltyhub.programs.internal.MembershipService;
import org.loyaltyhub.programs.internal.PlanInput;
import org.loyaltyhub.programs.internal.PlanPeriod;
import org.loyaltyhub.shared.InvalidInput;
import org.loyaltyhub.shared.PageQuery;
import org.loyaltyhub.shared.web.FormValues;
import org.loyaltyhub.shared.web.Page;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.Company;
import org.loyaltyhub.tenancy.Role;
import org.loyaltyhub.tenancy.Store;
import org.loyaltyhub.tenancy.Tenancy;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The circuit's membership plans (seeds 000/001, "Membership esclusiva"): list, create, change, archive, and the
 * latest sales. A form with a mistake comes back with the message next to the field; nothing is saved.
 */
@Page
class MembershipsPage {

    private static final List<String> NUMBERS = List.of("price", "months", "multiplier", "welcomePoints",
            "counterDiscount");

    private final MembershipPlans plans;
    private final MembershipService memberships;
    private final Tenancy tenancy;
    private final Members members;

    MembershipsPage(MembershipPlans plans, MembershipService memberships, Tenancy tenancy, Members members) {
        this.plans = plans;
        this.memberships = memberships;
        this.tenancy = tenancy;
        this.members = members;
    }

    @GetMapping("/admin/memberships")
    String list(Caller caller, Model model) {
        caller.require(Role.CIRCUIT_ADMIN);
        return show(caller, model, null, new HashMap<>(), Map.of());
    }

    @GetMapping("/admin/memberships/{id}")
    String edit(Caller caller, @PathVariable long id, Model model) {
        caller.require(Role.CIRCUIT_ADMIN);
        MembershipPlan plan = plans.get(caller, id);
        return show(caller, model, plan, values(plan), Map.of());
    }

    @PostMapping("/admin/memberships")
    String create(Caller caller, @RequestParam Map<String, String> form, Model model) {
        return save(caller, null, form, model);
    }

    @PostMapping("/admin/memberships/{id}")
    String change(Caller caller, @PathVariable long id, @RequestParam Map<String, String> form, Model model) {
        return save(caller, id, form, model);
    }

    @PostMapping("/admin/memberships/{id}/archive")
    String archive(Caller caller, @PathVariable long id) {
        plans.archive(caller, id);
        return "redirect:/admin/memberships?archived";
    }

    private String save(Caller caller, Long id, Map<String, String> form, Model model) {
        caller.require(Role.CIRCUIT_ADMIN);
        MembershipPlan existing = id == null ? null : plans.get(caller, id);
        FormValues f = new FormValues(form);
        Map<String, String> errors = new LinkedHashMap<>();
        NUMBERS.stream().filter(n -> !f.blank(n) && f.decimal(n) == null).forEach(n -> errors.put(n, n));
        PlanPeriod period = Arrays.stream(PlanPeriod.values()).filter(p -> p.name().equals(f.text("period")))
                .findFirst().orElse(null);
        if (errors.isEmpty()) {
            try {
                PlanInput in = new PlanInput(f.text("nameEn"), f.text("nameIt"), f.text("benefitsEn"),
                        f.text("benefitsIt"), f.decimal("price"), period, whole(f.decimal("months")),
                        f.decimal("multiplier"), wholeLong(f.decimal("welcomePoints")), f.checked("membersOnly"),
                        f.decimal("counterDiscount"), f.blank("productIds") ? List.of()
                        : Arrays.asList(f.text("productIds").split("\\s*,\\s*")));
                MembershipPlan saved = id == null ? plans.create(caller, in) : plans.change(caller, id, in);
                return "redirect:/admin/memberships?saved=" + saved.id();
            } catch (InvalidInput e) {
                e.fieldErrors().keySet().forEach(field -> errors.put(field, field));
            }
        }
        return show(caller, model, existing, new HashMap<>(form), errors);
    }

    private String show(Caller caller, Model model, MembershipPlan editing, Map<String, String> form,
                        Map<String, String> errors) {
        long circuitId = caller.circuit();
        List<MembershipSale> sales = memberships.sales(caller, null, new PageQuery(0, 20)).items();
        Map<Long, String> memberNames = new HashMap<>();
        sales.forEach(s -> memberNames.computeIfAbsent(s.memberId(), m -> members.visible(caller, m).displayName()));
        model.addAttribute("plans", plans.list(caller, true)).addAttribute("editing", editing)
                .addAttribute("form", form).addAttribute("errors", errors).addAttribute("sales", sales)
                .addAttribute("memberNames", memberNames)
                .addAttribute("planNames", memberships.plansOf(circuitId).stream()
                        .collect(Collectors.toMap(MembershipPlan::id, p -> p)))
                .addAttribute("companyNames", tenancy.companiesOf(circuitId).stream()
                        .collect(Collectors.toMap(Company::id, Company::name)))
                .addAttribute("storeNames", tenancy.stores(caller).stream()
                        .collect(Collectors.toMap(Store::id, Store::name)))
                .addAttribute("periods", PlanPeriod.values())
                .addAttribute("currency", tenancy.circuit(circuitId).currency());
        return "memberships";
    }

    private static Map<String, String> values(MembershipPlan p) {
        Map<String, String> v = new HashMap<>();
        v.put("nameEn", p.nameEn());
        v.put("nameIt", p.nameIt());
        v.put("benefitsEn", p.benefitsEn());
        v.put("benefitsIt", p.benefitsIt());
        v.put("price", p.price().toPlainString());
        v.put("period", p.period().name());
        v.put("months", p.months() == null ? null : p.months().toString());
        v.put("multiplier", p.multiplier().toPlainString());
        v.put("welcomePoints", Long.toString(p.welcomePoints()));
        v.put("counterDiscount", p.counterDiscount().toPlainString());
        v.put("membersOnly", p.membersOnly() ? "on" : null);
        v.put("productIds", String.join(", ", p.productIds()));
        return v;
    }

    /** A typed whole number; a fraction or a huge number is left for the rules to refuse as out of range. */
    private static Integer whole(BigDecimal d) {
        return d == null ? null : d.stripTrailingZeros().scale() > 0 || d.abs().compareTo(BigDecimal.valueOf(1_000_000)) > 0
                ? -1 : d.intValue();
    }

    private static Long wholeLong(BigDecimal d) {
        return d == null ? null : d.stripTrailingZeros().scale() > 0 || d.abs().compareTo(BigDecimal.valueOf(1_000_000_000L)) > 0
                ? -1L : d.longValue();
    }
}
