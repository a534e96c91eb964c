package org.loyaltyhub.marketing.web;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.loyaltyhub.marketing.landing.Block;
import org.loyaltyhub.marketing.landing.BlockKind;
import org.loyaltyhub.marketing.landing.CallToAction;
import org.loyaltyhub.marketing.landing.LandingPage;
import org.loyaltyhub.marketing.landing.LandingPageInput;
import org.loyaltyhub.marketing.landing.LandingPages;
import org.loyaltyhub.marketing.landing.LandingStats;
import org.loyaltyhub.tenancy.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * Landing pages over the API (circuit administrators, and company administrators for their company's): write a
 * page of blocks, read it, and its visits and conversions. Images are uploaded from the back office.
 */
@RestController
class LandingPageController {

    private final LandingPages pages;

    LandingPageController(LandingPages pages) {
        this.pages = pages;
    }

    /**
     * A block: TITLE, TEXT, IMAGE (imageId) or ACTION (JOIN, COUPON with the campaignId a visitor claims a code of,
     * or BOOK with bookableId).
     */
    record BlockBody(@NotNull BlockKind kind, @Size(max = Block.MAX_TEXT) String textIt,
                     @Size(max = Block.MAX_TEXT) String textEn, @Positive Long imageId, CallToAction action,
                     @Positive Long bookableId, @Positive Long campaignId) {
    }

    /** A page: its address under /c/{circuit}/p/, its company (none: the circuit's), titles and blocks. */
    record PageBody(@NotNull @Size(min = 1, max = 60) String slug, @Positive Long companyId,
                    @Size(max = 200) String titleIt, @Size(max = 200) String titleEn,
                    @NotNull @Size(max = LandingPageInput.MAX_BLOCKS) List<@Valid @NotNull BlockBody> blocks,
                    Boolean published) {

        LandingPageInput input() {
            return new LandingPageInput(slug, companyId, titleIt, titleEn, blocks.stream()
                    .map(b -> new Block(b.kind(), b.textIt(), b.textEn(), b.imageId(), b.action(), b.bookableId(),
                            b.campaignId()))
                    .toList(), Boolean.TRUE.equals(published));
        }
    }

    @PostMapping("/api/v1/landing-pages")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Creates a landing page; published at /c/{circuitId}/p/{slug} when published is true. "
            + "Idempotent with an Idempotency-Key")
    LandingPage create(Caller caller, @Valid @RequestBody PageBody body,
                       @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        return pages.create(caller, body.input(), idempotencyKey == null || idempotencyKey.isBlank() ? null
                : "api:" + caller.actor() + ":" + idempotencyKey.strip());
    }

    @PutMapping("/api/v1/landing-pages/{pageId}")
    @Operation(summary = "Changes a landing page: address, titles, blocks and publication (its company stays)")
    LandingPage change(Caller caller, @PathVariable long pageId, @Valid @RequestBody PageBody body) {
        return pages.change(caller, pageId, body.input());
    }

    @GetMapping("/api/v1/landing-pages")
    @Operation(summary = "The landing pages the caller writes, latest changed first")
    List<LandingPage> list(Caller caller) {
        return pages.list(caller);
    }

    @GetMapping("/api/v1/landing-pages/{pageId}")
    LandingPage page(Caller caller, @PathVariable long pageId) {
        return pages.page(caller, pageId);
    }

    @GetMapping("/api/v1/landing-pages/{pageId}/stats")
    @Operation(summary = "Visits and followed calls to action, each counted once per visitor and day")
    LandingStats stats(Caller caller, @PathVariable long pageId) {
        return pages.stats(caller, pageId);
    }
}
