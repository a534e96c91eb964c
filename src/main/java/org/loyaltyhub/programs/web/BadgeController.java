package org.loyaltyhub.programs.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Encoding;
import org.loyaltyhub.members.Members;
import org.loyaltyhub.programs.internal.badges.Badge;
import org.loyaltyhub.programs.internal.badges.BadgeCatalog;
import org.loyaltyhub.programs.internal.badges.BadgeDraft;
import org.loyaltyhub.programs.internal.badges.BadgeHolders;
import org.loyaltyhub.programs.internal.badges.BadgeWindow;
import org.loyaltyhub.programs.internal.badges.MemberBadges;
import org.loyaltyhub.tenancy.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Badges (seed 004, "Badge" and "Sconti condizionati per badge"): the circuit administrator defines them (ranges that
 * never overlap, icons, discounts) and the window of points they count; every operator reads them and a member's.
 */
@RestController
class BadgeController {

    private final BadgeCatalog catalog;
    private final BadgeHolders holders;
    private final Members members;

    BadgeController(BadgeCatalog catalog, BadgeHolders holders, Members members) {
        this.catalog = catalog;
        this.holders = holders;
        this.members = members;
    }

    /** A badge as the API writes it: names, range, discount and the icon's address (null: no icon). */
    record BadgeView(long id, String nameEn, String nameIt, String descriptionEn, String descriptionIt, long pointsFrom,
                     Long pointsTo, BigDecimal extraValuePercent, BigDecimal maxDiscountAmount,
                     BigDecimal maxDiscountPercent, String iconType, String iconUrl) {

        static BadgeView of(Badge b) {
            return b == null ? null : new BadgeView(b.id(), b.names().en(), b.names().it(), b.descriptions().en(),
                    b.descriptions().it(), b.range().from(), b.range().to(), b.discount().extraValuePercent(),
                    b.discount().maxDiscountAmount(), b.discount().maxDiscountPercent(),
                    b.iconType() == null ? null : b.iconType().name(), b.iconUrl());
        }
    }

    /** A badge as the administrator sends it; {@code pointsTo} empty for the top of the ladder. */
    record BadgeFields(String nameEn, String nameIt, String descriptionEn, String descriptionIt, Long pointsFrom,
                       Long pointsTo, BigDecimal extraValuePercent, BigDecimal maxDiscountAmount,
                       BigDecimal maxDiscountPercent) {

        BadgeDraft draft() {
            return BadgeDraft.of(nameEn, nameIt, descriptionEn, descriptionIt, pointsFrom, pointsTo, extraValuePercent,
                    maxDiscountAmount, maxDiscountPercent);
        }
    }

    /** Which points badges count: LIFETIME, CALENDAR_YEAR or ROLLING_MONTHS (with {@code months}). */
    record WindowFields(BadgeWindow.Kind kind, Integer months) {
    }

    /** A member's badges: points counted, the badge held and since when, those unlocked and the next one. */
    record MemberBadgesView(long points, WindowFields window, BadgeView held, Instant since, List<BadgeView> unlocked,
                            BadgeView next, Long pointsToNext) {

        static MemberBadgesView of(MemberBadges b) {
            return new MemberBadgesView(b.points(), new WindowFields(b.window().kind(), b.window().months()),
                    BadgeView.of(b.held()), b.since(), b.unlocked().stream().map(BadgeView::of).toList(),
                    BadgeView.of(b.next()), b.pointsToNext());
        }
    }

    @GetMapping("/api/v1/badges")
    @Operation(summary = "The circuit's badges, by their point ranges")
    List<BadgeView> list(Caller caller) {
        return catalog.list(caller).stream().map(BadgeView::of).toList();
    }

    @PostMapping("/api/v1/badges")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a badge (circuit administrator); a range overlapping another badge is refused")
    BadgeView create(Caller caller, @RequestBody BadgeFields fields) {
        return BadgeView.of(catalog.create(caller, fields.draft()));
    }

    @GetMapping("/api/v1/badges/{id}")
    @Operation(summary = "One badge")
    BadgeView get(Caller caller, @PathVariable long id) {
        return BadgeView.of(catalog.get(caller, id));
    }

    @PutMapping("/api/v1/badges/{id}")
    @Operation(summary = "Change a badge (circuit administrator); its holders move at their next evaluation")
    BadgeView change(Caller caller, @PathVariable long id, @RequestBody BadgeFields fields) {
        return BadgeView.of(catalog.change(caller, id, fields.draft()));
    }

    @DeleteMapping("/api/v1/badges/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove a badge (circuit administrator); its holders lose it, with the reason")
    void remove(Caller caller, @PathVariable long id) {
        catalog.remove(caller, id);
    }

    @PutMapping(path = "/api/v1/badges/{id}/icon", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload the badge's icon: a PNG (up to 2048×2048) or an SVG, at most 100 KB; an SVG is "
            + "sanitised, and refused if it holds scripts, event handlers or links outside itself",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
                    encoding = @Encoding(name = "icon", contentType = "image/png, image/svg+xml"))))
    BadgeView uploadIcon(Caller caller, @PathVariable long id,
                         @RequestPart(name = "icon", required = false) MultipartFile icon) throws IOException {
        return BadgeView.of(catalog.uploadIcon(caller, id, icon == null ? null : icon.getBytes()));
    }

    @DeleteMapping("/api/v1/badges/{id}/icon")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove the badge's icon")
    void removeIcon(Caller caller, @PathVariable long id) {
        catalog.removeIcon(caller, id);
    }

    @GetMapping("/api/v1/badge-window")
    @Operation(summary = "Which points the circuit's badges count")
    WindowFields window(Caller caller) {
        BadgeWindow w = catalog.window(caller);
        return new WindowFields(w.kind(), w.months());
    }

    @PutMapping("/api/v1/badge-window")
    @Operation(summary = "Change which points badges count (circuit administrator): lifetime, the calendar year or "
            + "the last N months")
    WindowFields changeWindow(Caller caller, @RequestBody WindowFields fields) {
        BadgeWindow w = catalog.changeWindow(caller, new BadgeWindow(fields.kind(), fields.months()));
        return new WindowFields(w.kind(), w.months());
    }

    @GetMapping("/api/v1/members/{id}/badges")
    @Operation(summary = "A member's badges: the one held and since when, those unlocked, and the next with the "
            + "points it still needs")
    MemberBadgesView memberBadges(Caller caller, @PathVariable long id) {
        var member = members.visible(caller, id);
        return MemberBadgesView.of(holders.of(member.circuitId(), member.id()));
    }
}
