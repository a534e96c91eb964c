package org.loyaltyhub.customers.web;

import jakarta.servlet.http.HttpServletRequest;
import org.loyaltyhub.shared.web.Page;
import org.loyaltyhub.shared.web.PublicUrl;
import org.loyaltyhub.shared.web.QrCodes;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.Store;
import org.loyaltyhub.tenancy.Tenancy;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A printable A4 poster for a store's counter: a QR code that opens the loyalty space's sign-up form, with the
 * store filled in so the new member counts as enrolled there.
 */
@Page
class StorePosterPage {

    private final Tenancy tenancy;
    private final PublicUrl publicUrl;

    StorePosterPage(Tenancy tenancy, PublicUrl publicUrl) {
        this.tenancy = tenancy;
        this.publicUrl = publicUrl;
    }

    @GetMapping("/stores/{id}/poster")
    String poster(Caller caller, @PathVariable long id, HttpServletRequest request, Model model) {
        Store store = tenancy.storeFor(caller, id);
        String url = publicUrl.of(request, "/c/" + store.circuitId() + "/join?store=" + store.id());
        model.addAttribute("store", store).addAttribute("joinUrl", url).addAttribute("qr", QrCodes.svg(url));
        return "poster";
    }
}
