package org.loyaltyhub.billing.internal;

import org.loyaltyhub.shared.InvalidInput;
import org.loyaltyhub.shared.Money;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.Circuit;
import org.loyaltyhub.tenancy.Company;
import org.loyaltyhub.tenancy.Role;
import org.loyaltyhub.tenancy.Tenancy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;

/**
 * The billing details of the circuit (set by its administrator, on the circuit settings) and of its companies (by
 * the circuit administrator, or the company's own administrator): what pro-forma invoices print for each party.
 */
@Service
@Transactional
public class BillingSettings {

    static final BigDecimal MAX_PRICE = BigDecimal.valueOf(1_000_000);

    private final JdbcClient jdbc;
    private final Tenancy tenancy;

    BillingSettings(JdbcClient jdbc, Tenancy tenancy) {
        this.jdbc = jdbc;
        this.tenancy = tenancy;
    }

    /** A company as a buyer: its own billing details, and its VAT number as kept on the company. */
    public record CompanyBilling(long companyId, String companyName, BillingDetails details) {
    }

    @Transactional(readOnly = true)
    public CircuitBilling circuit(Caller caller) {
        caller.require(Role.CIRCUIT_ADMIN, Role.COMPANY_ADMIN);
        return circuit(caller.circuit());
    }

    @Transactional(readOnly = true)
    public CircuitBilling circuit(long circuitId) {
        Circuit circuit = tenancy.circuit(circuitId);
        return jdbc.sql("select * from circuit_billing where circuit_id = :c").param("c", circuitId)
                .query((rs, n) -> new CircuitBilling(new BillingDetails(rs.getString("legal_name"),
                        rs.getString("vat_number"), rs.getString("tax_code"), rs.getString("address"),
                        rs.getString("invoice_email")),
                        money(rs.getBigDecimal("price_per_thousand"), circuit), money(rs.getBigDecimal("sms_credit_price"),
                        circuit), rs.getBigDecimal("vat_rate")))
                .optional().orElseGet(() -> new CircuitBilling(new BillingDetails(null, null, null, null, null), null,
                        null, BillingDetails.DEFAULT_VAT_RATE));
    }

    private static Money money(BigDecimal amount, Circuit circuit) {
        return amount == null ? null : Money.of(amount, circuit.currency());
    }

    /** Changes the circuit's billing: a blank price of 1,000 points makes recharges free, of an SMS credit unbilled. */
    public CircuitBilling changeCircuit(Caller caller, BillingDetails details, BigDecimal pricePerThousand,
                                        BigDecimal smsCreditPrice, BigDecimal vatRate) {
        caller.require(Role.CIRCUIT_ADMIN);
        checkPrice("pricePerThousand", pricePerThousand);
        checkPrice("smsCreditPrice", smsCreditPrice);
        BigDecimal rate = vatRate == null ? BillingDetails.DEFAULT_VAT_RATE : vatRate;
        if (rate.signum() < 0 || rate.compareTo(BigDecimal.valueOf(100)) >= 0 || rate.stripTrailingZeros().scale() > 2) {
            throw new InvalidInput("vatRate", "must be a percentage from 0 to 99.99");
        }
        jdbc.sql("""
                        insert into circuit_billing (circuit_id, legal_name, vat_number, tax_code, address, invoice_email,
                                                     price_per_thousand, sms_credit_price, vat_rate)
                        values (:c, :name, :vat, :tax, :address, :email, :price, :smsPrice, :rate)
                        on conflict (circuit_id) do update set legal_name = excluded.legal_name,
                            vat_number = excluded.vat_number, tax_code = excluded.tax_code, address = excluded.address,
                            invoice_email = excluded.invoice_email, price_per_thousand = excluded.price_per_thousand,
                            sms_credit_price = excluded.sms_credit_price, vat_rate = excluded.vat_rate,
                            updated_at = now()""")
                .param("c", caller.circuit()).param("name", details.legalName()).param("vat", details.vatNumber())
                .param("tax", details.taxCode()).param("address", details.address())
                .param("email", details.invoiceEmail()).param("price", pricePerThousand).param("smsPrice", smsCreditPrice).param("rate", rate).update();
        return circuit(caller.circuit());
    }

    private static void checkPrice(String field, BigDecimal price) {
        if (price != null && (price.signum() < 0 || price.compareTo(MAX_PRICE) > 0
                || price.stripTrailingZeros().scale() > 4)) {
            throw new InvalidInput(field, "must be between 0 and 1000000, with at most 4 decimals");
        }
    }

    /** The company's details; a company administrator reads only their own (another is not found). */
    @Transactional(readOnly = true)
    public CompanyBilling company(Caller caller, long companyId) {
        caller.require(Role.CIRCUIT_ADMIN, Role.COMPANY_ADMIN);
        Company company = tenancy.company(caller, companyId);
        return company(company);
    }

    CompanyBilling company(Company company) {
        return jdbc.sql("select * from company_billing where company_id = :id").param("id", company.id())
                .query((rs, n) -> new CompanyBilling(company.id(), company.name(), new BillingDetails(
                        rs.getString("legal_name"), company.vatNumber(), rs.getString("tax_code"),
                        rs.getString("address"), rs.getString("invoice_email"))))
                .optional().orElseGet(() -> new CompanyBilling(company.id(), company.name(),
                        new BillingDetails(null, company.vatNumber(), null, null, null)));
    }

    /**
     * A company administrator's own billing details, the VAT number included (kept on the company, where the circuit
     * administrator sees it too), changed together.
     */
    public CompanyBilling changeOwn(Caller caller, BillingDetails details) {
        caller.require(Role.COMPANY_ADMIN);
        tenancy.changeVatNumber(caller, caller.companyId(), details.vatNumber());
        return changeCompany(caller, caller.companyId(), details);
    }

    /** Changes legal name, tax code, address and e-mail; the VAT number stays the company's own field. */
    public CompanyBilling changeCompany(Caller caller, long companyId, BillingDetails details) {
        caller.require(Role.CIRCUIT_ADMIN, Role.COMPANY_ADMIN);
        Company company = tenancy.company(caller, companyId);
        jdbc.sql("""
                        insert into company_billing (company_id, circuit_id, legal_name, tax_code, address, invoice_email)
                        values (:id, :c, :name, :tax, :address, :email)
                        on conflict (company_id) do update set legal_name = excluded.legal_name,
                            tax_code = excluded.tax_code, address = excluded.address,
                            invoice_email = excluded.invoice_email, updated_at = now()""")
                .param("id", company.id()).param("c", caller.circuit()).param("name", details.legalName())
                .param("tax", details.taxCode()).param("address", details.address())
                .param("email", details.invoiceEmail()).update();
        return company(company);
    }
}
