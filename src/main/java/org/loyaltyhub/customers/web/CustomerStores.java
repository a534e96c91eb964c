package org.loyaltyhub.customers.web;

import jakarta.servlet.http.HttpServletResponse;
import org.loyaltyhub.members.Member;
import org.loyaltyhub.purchases.CheckIn;
import org.loyaltyhub.purchases.CheckInRefused;
import org.loyaltyhub.purchases.CheckIns;
import org.loyaltyhub.shared.InvalidInput;
import org.loyaltyhub.tenancy.GeoPoint;
import org.loyaltyhub.tenancy.Store;
import org.loyaltyhub.tenancy.StoreDirectory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.math.BigDecimal;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Stores near me and check-in (issue 18 §1): the loyalty space and the customer area list the circuit's stores, by
 * distance once the customer shares the phone's position (asked only on a tap; by name until then); signed in, the
 * member checks in at a store by position or with the code its poster screen shows.
 */
@Controller
class CustomerStores {

    private final SpaceModel space;
    private final SignedIn signedIn;
    private final StoreDirectory directory;
    private final CheckIns checkIns;
    private final StoreMap map;

    CustomerStores(SpaceModel space, SignedIn signedIn, StoreDirectory directory, CheckIns checkIns, StoreMap map) {
        this.space = space;
        this.signedIn = signedIn;
        this.directory = directory;
        this.checkIns = checkIns;
        this.map = map;
    }

    @GetMapping("/c/{circuitId}/stores")
    String stores(@PathVariable long circuitId, @RequestParam(required = false) BigDecimal lat,
                  @RequestParam(required = false) BigDecimal lon, Model model, HttpServletResponse response) {
        space.add(circuitId, model);
        model.addAttribute("signedIn", false);
        list(circuitId, lat, lon, model, response);
        return "customer/stores";
    }

    @GetMapping("/c/{circuitId}/my/stores")
    String myStores(@PathVariable long circuitId, @RequestParam(required = false) BigDecimal lat,
                    @RequestParam(required = false) BigDecimal lon, Model model, HttpServletResponse response) {
        Member member = signedIn.member(circuitId, model);
        list(circuitId, lat, lon, model, response);
        Map<Long, String> names = directory.nearby(circuitId, null, StoreDirectory.MAX_RADIUS_KM).stream()
                .collect(Collectors.toMap(n -> n.store().id(), n -> n.store().name()));
        model.addAttribute("checkIns", checkIns.ofMember(circuitId, member.id())).addAttribute("storeNames", names);
        if (model.getAttribute("checkedIn") instanceof Number store) {
            model.addAttribute("checkedInName", names.get(store.longValue()));
        }
        return "customer/stores";
    }

    private void list(long circuitId, BigDecimal lat, BigDecimal lon, Model model, HttpServletResponse response) {
        if (map.on()) {
            response.setHeader("Content-Security-Policy", map.contentSecurityPolicy()); // the tiles' origin too
        }
        GeoPoint from = null;
        if (lat != null && lon != null) {
            try {
                from = GeoPoint.of(lat, lon);
            } catch (InvalidInput e) {
                model.addAttribute("positionError", true);
            }
        }
        model.addAttribute("stores", directory.nearby(circuitId, from, StoreDirectory.MAX_RADIUS_KM))
                .addAttribute("located", from != null).addAttribute("map", map);
    }

    @PostMapping("/c/{circuitId}/my/checkin")
    String byPosition(@PathVariable long circuitId, @RequestParam long store,
                      @RequestParam(required = false) BigDecimal lat, @RequestParam(required = false) BigDecimal lon,
                      Model model, RedirectAttributes redirect) {
        Member member = signedIn.member(circuitId, model);
        try {
            if (lat == null || lon == null) {
                throw new InvalidInput("lat", "the phone's position is needed");
            }
            return checkedIn(circuitId, checkIns.byPosition(circuitId, member.id(), store, GeoPoint.of(lat, lon)),
                    redirect);
        } catch (CheckInRefused e) {
            return refused(circuitId, store, e.reason().name(), redirect);
        } catch (InvalidInput e) {
            return refused(circuitId, store, "NO_POSITION", redirect);
        }
    }

    /** The poster's QR code opens this page: the member confirms (a GET changes nothing). */
    @GetMapping("/c/{circuitId}/my/checkin")
    String confirm(@PathVariable long circuitId, @RequestParam(required = false) Long store,
                   @RequestParam(required = false) String code, Model model) {
        signedIn.member(circuitId, model);
        Store at = store == null ? null : directory.nearby(circuitId, null, StoreDirectory.MAX_RADIUS_KM).stream()
                .map(StoreDirectory.NearbyStore::store).filter(s -> s.id() == store).findFirst().orElse(null);
        model.addAttribute("store", at).addAttribute("code", code);
        return "customer/checkin";
    }

    @PostMapping("/c/{circuitId}/my/checkin/code")
    String byCode(@PathVariable long circuitId, @RequestParam(required = false) Long store,
                  @RequestParam(required = false) String code, Model model, RedirectAttributes redirect) {
        Member member = signedIn.member(circuitId, model);
        try {
            return checkedIn(circuitId, checkIns.byCode(circuitId, member.id(), store, code), redirect);
        } catch (CheckInRefused e) {
            return refused(circuitId, store, e.reason().name(), redirect);
        }
    }

    private static String checkedIn(long circuitId, CheckIn checkIn, RedirectAttributes redirect) {
        redirect.addFlashAttribute("checkedIn", checkIn.storeId());
        return "redirect:/c/" + circuitId + "/my/stores";
    }

    private static String refused(long circuitId, Long store, String reason, RedirectAttributes redirect) {
        redirect.addFlashAttribute("checkInRefused", reason).addFlashAttribute("refusedStore", store);
        return "redirect:/c/" + circuitId + "/my/stores";
    }
}
