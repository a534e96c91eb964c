package org.loyaltyhub.tenancy.internal;

import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.CompanyReviewLinks;
import org.loyaltyhub.tenancy.ReviewLinks;
import org.loyaltyhub.tenancy.Role;
import org.loyaltyhub.tenancy.Store;
import org.loyaltyhub.tenancy.StoreDirectory;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Map;
import java.util.stream.Collectors;

/** {@link CompanyReviewLinks} in table {@code company_review_links}, one row per company once set. */
@Service
@Transactional(readOnly = true)
class CompanyReviewLinksService implements CompanyReviewLinks {

    private static final RowMapper<ReviewLinks> ROW = (rs, n) -> new ReviewLinks(rs.getString("google_review_url"),
            rs.getString("tripadvisor_url"), rs.getString("product_reviews_url"));

    private final JdbcClient jdbc;
    private final TenancyService tenancy;
    private final StoreDirectory directory;

    CompanyReviewLinksService(JdbcClient jdbc, TenancyService tenancy, StoreDirectory directory) {
        this.jdbc = jdbc;
        this.tenancy = tenancy;
        this.directory = directory;
    }

    @Override
    public ReviewLinks of(Caller caller, long companyId) {
        return stored(caller.circuit(), tenancy.company(caller, companyId).id());
    }

    @Override
    @Transactional
    public ReviewLinks change(Caller caller, long companyId, ReviewLinks links) {
        caller.require(Role.CIRCUIT_ADMIN, Role.COMPANY_ADMIN);
        long company = tenancy.company(caller, companyId).id();
        jdbc.sql("""
                        insert into company_review_links (circuit_id, company_id, google_review_url, tripadvisor_url,
                                                          product_reviews_url)
                        values (:c, :company, :google, :tripadvisor, :products)
                        on conflict (circuit_id, company_id) do update set google_review_url = excluded.google_review_url,
                        tripadvisor_url = excluded.tripadvisor_url, product_reviews_url = excluded.product_reviews_url,
                        updated_at = now()""")
                .param("c", caller.circuit()).param("company", company).param("google", links.googleReviewUrl())
                .param("tripadvisor", links.tripadvisorUrl()).param("products", links.productReviewsUrl()).update();
        return stored(caller.circuit(), company);
    }

    @Override
    public ReviewLinks atStore(long circuitId, long storeId) {
        Store store = tenancy.store(circuitId, storeId);
        return ReviewLinks.atStore(directory.profile(circuitId, storeId), stored(circuitId, store.companyId()));
    }

    @Override
    public Map<Long, ReviewLinks> ofCircuit(long circuitId) {
        return jdbc.sql("select * from company_review_links where circuit_id = :c").param("c", circuitId)
                .query((rs, n) -> Map.entry(rs.getLong("company_id"), ROW.mapRow(rs, n))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private ReviewLinks stored(long circuitId, long companyId) {
        return jdbc.sql("select * from company_review_links where circuit_id = :c and company_id = :company")
                .param("c", circuitId).param("company", companyId).query(ROW).optional()
                .orElseGet(ReviewLinks::none);
    }
}
