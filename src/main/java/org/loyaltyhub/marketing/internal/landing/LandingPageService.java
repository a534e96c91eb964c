package org.loyaltyhub.marketing.internal.landing;

import org.loyaltyhub.marketing.landing.Block;
import org.loyaltyhub.marketing.landing.CallToAction;
import org.loyaltyhub.marketing.landing.LandingPage;
import org.loyaltyhub.marketing.landing.LandingPageInput;
import org.loyaltyhub.marketing.landing.LandingPages;
import org.loyaltyhub.marketing.landing.LandingStats;
import org.loyaltyhub.marketing.reservations.Reservations;
import org.loyaltyhub.shared.InvalidInput;
import org.loyaltyhub.shared.NotFound;
import org.loyaltyhub.shared.web.ImageTypes;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.Role;
import org.loyaltyhub.tenancy.Tenancy;
import org.loyaltyhub.rewards.CouponClaims;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Keeps landing pages within their circuit and company: a company administrator writes only their company's pages,
 * a page's images are the circuit's, a booking button names a bookable the caller covers, and a slug is used once.
 */
@Service
@Transactional
class LandingPageService implements LandingPages {

    static final int MAX_IMAGE = 2 * 1024 * 1024;

    private final LandingRows rows;
    private final Tenancy tenancy;
    private final Reservations reservations;
    private final Clock clock;

    private final CouponClaims coupons;

    LandingPageService(LandingRows rows, Tenancy tenancy, Reservations reservations, Clock clock,
                       CouponClaims coupons) {
        this.coupons = coupons;
        this.rows = rows;
        this.tenancy = tenancy;
        this.reservations = reservations;
        this.clock = clock;
    }

    @Override
    public LandingPage create(Caller caller, LandingPageInput input, String requestKey) {
        caller.require(Role.CIRCUIT_ADMIN, Role.COMPANY_ADMIN);
        if (requestKey != null) {
            Optional<Long> replay = rows.byRequestKey(caller.circuit(), requestKey);
            if (replay.isPresent()) {
                return page(caller, replay.get());
            }
        }
        Long company = owner(caller, input.companyId());
        check(caller, input);
        long id = rows.insert(caller.circuit(), company, input, requestKey, clock.instant())
                .orElseThrow(() -> new InvalidInput("slug", "another page of the circuit has this address"));
        return page(caller, id);
    }

    @Override
    public LandingPage change(Caller caller, long pageId, LandingPageInput input) {
        LandingPage page = page(caller, pageId);
        check(caller, input);
        if (rows.slugTaken(caller.circuit(), input.slug(), pageId)) {
            throw new InvalidInput("slug", "another page of the circuit has this address");
        }
        rows.update(page.id(), input, clock.instant());
        return page(caller, pageId);
    }

    @Override
    @Transactional(readOnly = true)
    public List<LandingPage> list(Caller caller) {
        caller.require(Role.CIRCUIT_ADMIN, Role.COMPANY_ADMIN);
        return rows.pages(caller.circuit()).stream().filter(p -> writes(caller, p)).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public LandingPage page(Caller caller, long pageId) {
        caller.require(Role.CIRCUIT_ADMIN, Role.COMPANY_ADMIN);
        return rows.page(caller.circuit(), pageId).filter(p -> writes(caller, p))
                .orElseThrow(() -> new NotFound("Landing page", pageId));
    }

    @Override
    @Transactional(readOnly = true)
    public LandingStats stats(Caller caller, long pageId) {
        LandingPage page = page(caller, pageId);
        return new LandingStats(rows.visits(page.id()), rows.conversions(page.id()));
    }

    @Override
    public long upload(Caller caller, byte[] bytes) {
        caller.require(Role.CIRCUIT_ADMIN, Role.COMPANY_ADMIN);
        if (bytes == null || bytes.length == 0 || bytes.length > MAX_IMAGE) {
            throw new InvalidInput("image", "upload an image of at most 2 MB");
        }
        String type = ImageTypes.of(bytes)
                .orElseThrow(() -> new InvalidInput("image", "upload a PNG, JPEG or WebP image"));
        return rows.insertImage(caller.circuit(), type, bytes, clock.instant());
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Image> image(long circuitId, long imageId) {
        return rows.image(circuitId, imageId);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<LandingPage> published(long circuitId, String slug) {
        return rows.bySlug(circuitId, slug).filter(LandingPage::published);
    }

    @Override
    public void visited(long pageId, String visitor, LocalDate day) {
        rows.visit(pageId, visitor, day);
    }

    @Override
    public CouponClaims.Claimed claimCoupon(long circuitId, String slug, int position, long memberId) {
        LandingPage page = published(circuitId, slug).orElseThrow(() -> new NotFound("Landing page", slug));
        List<Block> blocks = page.content().blocks();
        if (position < 0 || position >= blocks.size() || !blocks.get(position).claimsCoupon()) {
            throw new NotFound("Coupon button", position);
        }
        return coupons.claim(circuitId, memberId, blocks.get(position).campaignId());
    }

    @Override
    public void converted(long pageId, String visitor, LocalDate day, CallToAction action) {
        rows.conversion(pageId, visitor, day, action);
    }

    /** The company a new page belongs to: a company administrator's own; for the circuit's, one of its companies. */
    private Long owner(Caller caller, Long companyId) {
        if (caller.is(Role.COMPANY_ADMIN)) {
            if (companyId != null && companyId.longValue() != caller.companyId()) {
                throw new NotFound("Company", companyId);
            }
            return caller.companyId();
        }
        if (companyId != null) {
            tenancy.company(caller, companyId);
        }
        return companyId;
    }

    private void check(Caller caller, LandingPageInput input) {
        for (Block b : input.blocks()) {
            if (b.imageId() != null && rows.image(caller.circuit(), b.imageId()).isEmpty()) {
                throw new InvalidInput("blocks", "image " + b.imageId() + " is not one of the circuit's");
            }
            if (b.bookableId() != null) {
                try {
                    reservations.bookable(caller, b.bookableId());
                } catch (NotFound e) {
                    throw new InvalidInput("blocks", "bookable " + b.bookableId() + " is not one of yours");
                }
            }
            if (b.campaignId() != null && (!caller.isCircuitAdmin()
                    || coupons.offer(caller.circuit(), b.campaignId()).isEmpty())) {
                throw new InvalidInput("blocks", "coupon campaign " + b.campaignId() + " is not one of the circuit's "
                        + "(the circuit administrator offers its campaigns)");
            }
        }
    }

    private static boolean writes(Caller caller, LandingPage page) {
        return caller.isCircuitAdmin() || (page.companyId() != null && caller.coversCompany(page.companyId()));
    }
}
