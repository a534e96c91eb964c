package org.loyaltyhub.customers.web;

import org.loyaltyhub.members.Member;
import org.loyaltyhub.purchases.ReceiptClaim;
import org.loyaltyhub.purchases.ReceiptRefused;
import org.loyaltyhub.purchases.Receipts;
import org.loyaltyhub.tenancy.CompanyReviewLinks;
import org.loyaltyhub.tenancy.Store;
import org.loyaltyhub.tenancy.Tenancy;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * The customer area's receipts (issue 18 §2): the member scans (where the browser can) or types the code printed on a
 * receipt and the purchase is recorded, or waits for an operator's review; a refused code says why.
 */
@Controller
class CustomerReceipts {

    private final SignedIn signedIn;
    private final Receipts receipts;
    private final Tenancy tenancy;
    private final CompanyReviewLinks reviewLinks;

    CustomerReceipts(SignedIn signedIn, Receipts receipts, Tenancy tenancy, CompanyReviewLinks reviewLinks) {
        this.reviewLinks = reviewLinks;
        this.signedIn = signedIn;
        this.receipts = receipts;
        this.tenancy = tenancy;
    }

    @GetMapping("/c/{circuitId}/my/receipts")
    String receipts(@PathVariable long circuitId, Model model) {
        Member member = signedIn.member(circuitId, model);
        Map<Long, String> stores = tenancy.circuitStores(circuitId).stream()
                .collect(Collectors.toMap(Store::id, Store::name));
        model.addAttribute("claims", receipts.ofMember(circuitId, member.id())).addAttribute("stores", stores)
                .addAttribute("accepting", receipts.settings(circuitId).enabled());
        if (model.getAttribute("reviewStore") instanceof Long store) {
            model.addAttribute("reviewAt", reviewLinks.atStore(circuitId, store)); // after the purchase
        }
        return "customer/receipts";
    }

    @PostMapping("/c/{circuitId}/my/receipts")
    String claim(@PathVariable long circuitId, @RequestParam(required = false) String code, Model model,
                 RedirectAttributes redirect) {
        Member member = signedIn.member(circuitId, model);
        try {
            ReceiptClaim claim = receipts.claim(circuitId, member.id(), code);
            redirect.addFlashAttribute("claimed", claim.status().name())
                    .addFlashAttribute("reviewStore", claim.storeId());
            return "redirect:/c/" + circuitId + "/my/receipts";
        } catch (ReceiptRefused e) {
            model.addAttribute("refusal", e.reason().name()).addAttribute("code", code);
            return receipts(circuitId, model);
        }
    }
}
