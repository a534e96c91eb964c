package org.loyaltyhub.customers.web;

import jakarta.servlet.http.HttpServletRequest;
import org.loyaltyhub.purchases.CheckIns;
import org.loyaltyhub.shared.web.Page;
import org.loyaltyhub.shared.web.PublicUrl;
import org.loyaltyhub.shared.web.QrCodes;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.Store;
import org.loyaltyhub.tenancy.Tenancy;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * A store's check-in screen (issue 18 §1), shown on a tablet at the counter: a QR code that opens the customer
 * area's check-in with the store's current signed code; the page reloads itself every minute, the code changes every
 * ten (a printed copy stops working, which is the point).
 */
@Page
class CheckInScreenPage {

    private final Tenancy tenancy;
    private final CheckIns checkIns;
    private final PublicUrl publicUrl;

    CheckInScreenPage(Tenancy tenancy, CheckIns checkIns, PublicUrl publicUrl) {
        this.tenancy = tenancy;
        this.checkIns = checkIns;
        this.publicUrl = publicUrl;
    }

    @GetMapping("/stores/{id}/checkin-screen")
    String screen(Caller caller, @PathVariable long id, HttpServletRequest request, Model model) {
        Store store = tenancy.storeFor(caller, id);
        String code = checkIns.posterCode(caller, store.id());
        String url = publicUrl.of(request, "/c/" + store.circuitId() + "/my/checkin?store=" + store.id() + "&code="
                + URLEncoder.encode(code, StandardCharsets.UTF_8));
        model.addAttribute("store", store).addAttribute("checkInUrl", url).addAttribute("code", code)
                .addAttribute("qr", QrCodes.svg(url));
        return "checkin-screen";
    }
}
