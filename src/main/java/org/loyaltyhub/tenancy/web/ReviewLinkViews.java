package org.loyaltyhub.tenancy.web;

import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.CompanyReviewLinks;
import org.loyaltyhub.tenancy.ReviewLinks;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;

/** What the review pages form on the company pages reads (the company dashboard lives in another module). */
@Component("reviewLinkViews")
public class ReviewLinkViews {

    private final CompanyReviewLinks links;

    ReviewLinkViews(CompanyReviewLinks links) {
        this.links = links;
    }

    public Map<String, String> form(Caller caller, long companyId) {
        ReviewLinks l = links.of(caller, companyId);
        Map<String, String> form = new HashMap<>();
        form.put("googleReviewUrl", l.googleReviewUrl());
        form.put("tripadvisorUrl", l.tripadvisorUrl());
        form.put("productReviewsUrl", l.productReviewsUrl());
        return form;
    }
}
