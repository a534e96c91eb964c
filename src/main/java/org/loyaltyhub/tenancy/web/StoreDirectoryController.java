package org.loyaltyhub.tenancy.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;
import org.loyaltyhub.shared.InvalidInput;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.GeoPoint;
import org.loyaltyhub.tenancy.StoreDirectory;
import org.loyaltyhub.tenancy.StoreDirectory.NearbyStore;
import org.loyaltyhub.tenancy.StoreProfile;
import org.loyaltyhub.tenancy.internal.TenancyService;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

/**
 * Stores near me (issue 18 §1): the public store search shops' pages and widgets call (no sign-in: the circuit is
 * named like the loyalty space's address names it, {@code /c/{circuit}}), and the store profile its administrators
 * keep (phone, opening hours, review pages, check-in radius).
 */
@RestController
class StoreDirectoryController {

    private final StoreDirectory directory;
    private final TenancyService tenancy;

    StoreDirectoryController(StoreDirectory directory, TenancyService tenancy) {
        this.directory = directory;
        this.tenancy = tenancy;
    }

    /** A store as the public search shows it. */
    record StoreView(long id, long companyId, String name, String address, String city, String postcode,
                     String country, BigDecimal latitude, BigDecimal longitude, String phone, String openingHours,
                     Long distanceMetres, String directionsUrl, String googleReviewUrl, String tripadvisorUrl) {

        static StoreView of(NearbyStore n) {
            var s = n.store();
            var p = n.profile();
            return new StoreView(s.id(), s.companyId(), s.name(), s.address(), s.city(), s.postcode(), s.country(),
                    s.latitude(), s.longitude(), p.phone(), p.openingHours(), n.distanceMetres(), n.directionsUrl(),
                    p.googleReviewUrl(), p.tripadvisorUrl());
        }
    }

    @Operation(summary = "The circuit's stores, public (no sign-in): with lat and lon, those within radius km (1 to "
            + "500, default 50) nearest first, with their distance; without, all of them by name")
    @CrossOrigin(origins = "*", methods = org.springframework.web.bind.annotation.RequestMethod.GET)
    @GetMapping("/api/v1/stores/nearby")
    ResponseEntity<List<StoreView>> nearby(
            @Parameter(description = "The circuit's id, as in its loyalty space's address /c/{circuit}")
            @RequestParam long circuit,
            @RequestParam(required = false) BigDecimal lat, @RequestParam(required = false) BigDecimal lon,
            @RequestParam(required = false, defaultValue = "50") int radius) {
        if ((lat == null) != (lon == null)) {
            throw new InvalidInput(lat == null ? "lat" : "lon", "give both lat and lon, or neither");
        }
        tenancy.circuit(circuit);
        GeoPoint from = lat == null ? null : GeoPoint.of(lat, lon);
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
                .body(directory.nearby(circuit, from, radius).stream().map(StoreView::of).toList());
    }

    @Operation(summary = "A store's profile: phone, opening hours, review pages, check-in radius")
    @GetMapping("/api/v1/stores/{id}/profile")
    StoreProfile profile(Caller caller, @PathVariable long id) {
        return directory.profile(caller.circuit(), tenancy.visibleStore(caller, id).id());
    }

    @Operation(summary = "Change a store's profile (circuit or company administrators); review pages must be https")
    @PutMapping("/api/v1/stores/{id}/profile")
    StoreProfile change(Caller caller, @PathVariable long id, @Valid @RequestBody StoreProfile profile) {
        return directory.change(caller, id, profile);
    }
}
