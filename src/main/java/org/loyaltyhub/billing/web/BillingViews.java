package org.loyaltyhub.billing.web;

import org.loyaltyhub.billing.internal.BillingDetails;
import org.loyaltyhub.billing.internal.BillingSettings;
import org.loyaltyhub.billing.internal.CircuitBilling;
import org.loyaltyhub.billing.internal.RechargeRequest;
import org.loyaltyhub.billing.internal.RechargeRequests;
import org.loyaltyhub.billing.internal.RechargeStatus;
import org.loyaltyhub.shared.Money;
import org.loyaltyhub.shared.PageQuery;
import org.loyaltyhub.tenancy.Caller;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the billing fragments on other modules' pages read (budgets, circuit settings, company page). */
@Component("billingViews")
public class BillingViews {

    private final RechargeRequests requests;
    private final BillingSettings settings;

    BillingViews(RechargeRequests requests, BillingSettings settings) {
        this.requests = requests;
        this.settings = settings;
    }

    /** The requests waiting for the circuit administrator's decision. */
    public List<RechargeRequest> pending(Caller caller) {
        return requests.list(caller, RechargeStatus.REQUESTED, PageQuery.of(0, 100)).items();
    }

    /** A company's latest requests, for its administrator. */
    public List<RechargeRequest> ofCompany(Caller caller) {
        return requests.list(caller, null, PageQuery.of(0, 20)).items();
    }

    public Money pricePerThousand(Caller caller) {
        return settings.circuit(caller).pricePerThousand();
    }

    public String newKey() {
        return UUID.randomUUID().toString();
    }

    public Map<String, String> circuitForm(Caller caller) {
        CircuitBilling billing = settings.circuit(caller);
        Map<String, String> form = form(billing.details());
        form.put("pricePerThousand", price(billing.pricePerThousand()));
        form.put("smsCreditPrice", price(billing.smsCreditPrice()));
        form.put("vatRate", billing.vatRate().toPlainString());
        return form;
    }

    public Map<String, String> companyForm(Caller caller, long companyId) {
        return form(settings.company(caller, companyId).details());
    }

    private static String price(Money price) {
        return price == null ? "" : price.amount().stripTrailingZeros().toPlainString();
    }

    private static Map<String, String> form(BillingDetails d) {
        Map<String, String> form = new HashMap<>();
        form.put("legalName", nz(d.legalName()));
        form.put("vatNumber", nz(d.vatNumber()));
        form.put("taxCode", nz(d.taxCode()));
        form.put("address", nz(d.address()));
        form.put("invoiceEmail", nz(d.invoiceEmail()));
        return form;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
