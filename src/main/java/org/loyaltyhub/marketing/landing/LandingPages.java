package org.loyaltyhub.marketing.landing;

import org.loyaltyhub.tenancy.Caller;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Landing pages: circuit administrators write the circuit's and its companies' pages, company administrators their
 * company's; anyone sees a published page, whose visits and calls to action are counted once per visitor and day.
 */
public interface LandingPages {

    /** An uploaded image (PNG, JPEG or WebP, recognised by its bytes). */
    record Image(String contentType, byte[] bytes) {
    }

    LandingPage create(Caller caller, LandingPageInput input, String requestKey);

    LandingPage change(Caller caller, long pageId, LandingPageInput input);

    List<LandingPage> list(Caller caller);

    LandingPage page(Caller caller, long pageId);

    LandingStats stats(Caller caller, long pageId);

    /** Stores an image for the caller's pages: its id. Refused unless PNG, JPEG or WebP of at most 2 MB. */
    long upload(Caller caller, byte[] bytes);

    Optional<Image> image(long circuitId, long imageId);

    Optional<LandingPage> published(long circuitId, String slug);

    /** Counts a visit (once per visitor and day). */
    void visited(long pageId, String visitor, LocalDate day);

    /**
     * Claims for the member the coupon of a published page's button ({@link Block#claimsCoupon()}): once per member,
     * within the campaign's dates and stock ({@link org.loyaltyhub.rewards.CouponClaims#claim}). Not found when the
     * page is not published or the button claims no coupon.
     */
    org.loyaltyhub.rewards.CouponClaims.Claimed claimCoupon(long circuitId, String slug, int position, long memberId);

    /** Counts a call to action followed (once per visitor, day and action). */
    void converted(long pageId, String visitor, LocalDate day, CallToAction action);
}
