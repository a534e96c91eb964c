package org.loyaltyhub.customers.web;

import org.loyaltyhub.ledger.Ledger;
import org.loyaltyhub.members.Member;
import org.loyaltyhub.rewards.Code128;
import org.loyaltyhub.rewards.Rewards;
import org.loyaltyhub.rewards.Voucher;
import org.loyaltyhub.shared.LoyaltyException;
import org.loyaltyhub.shared.web.QrCodes;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * The customer area's coupons and rewards: the member's vouchers (usable ones first, with the QR code, the code and
 * a Code 128 barcode to show at the till), and the catalogue where they claim what they can afford.
 */
@Controller
class CustomerRewards {

    private final SignedIn signedIn;
    private final Rewards rewards;
    private final Ledger ledger;
    private final Clock clock;

    CustomerRewards(SignedIn signedIn, Rewards rewards, Ledger ledger, Clock clock) {
        this.signedIn = signedIn;
        this.rewards = rewards;
        this.ledger = ledger;
        this.clock = clock;
    }

    @GetMapping("/c/{circuitId}/my/coupons")
    String coupons(@PathVariable long circuitId, Model model) {
        Member member = signedIn.member(circuitId, model);
        List<Voucher> vouchers = rewards.vouchers(circuitId, member.id());
        model.addAttribute("active", vouchers.stream().filter(v -> v.usable(clock.instant())).toList())
                .addAttribute("past", vouchers.stream().filter(v -> !v.usable(clock.instant())).toList());
        return "customer/coupons";
    }

    @GetMapping("/c/{circuitId}/my/rewards")
    String catalogue(@PathVariable long circuitId, Model model) {
        return catalogue(signedIn.member(circuitId, model), model);
    }

    /** Claims a reward; the claim id was made when the page was shown, so a double tap claims once. */
    @PostMapping("/c/{circuitId}/my/rewards/{rewardId}/claim")
    String claim(@PathVariable long circuitId, @PathVariable long rewardId,
                 @RequestParam(required = false) String claimId, Model model) {
        Member member = signedIn.member(circuitId, model);
        String key = claimId != null && claimId.matches("[0-9a-f-]{36}") ? claimId : UUID.randomUUID().toString();
        try {
            Voucher v = rewards.claim(circuitId, member.id(), rewardId, key);
            return "redirect:/c/" + circuitId + "/my/coupons?claimed=" + v.code().value();
        } catch (LoyaltyException e) { // refused by the catalogue's rules (RewardRefused) or an unknown reward
            model.addAttribute("refused", "problem." + e.code()).addAttribute("refusedReward", rewardId);
        }
        return catalogue(member, model);
    }

    @GetMapping("/c/{circuitId}/my/coupons/{code}.svg")
    ResponseEntity<String> qr(@PathVariable long circuitId, @PathVariable String code, Model model) {
        return svg(QrCodes.svg(own(circuitId, code, model).code().value()));
    }

    @GetMapping("/c/{circuitId}/my/coupons/{code}/barcode.svg")
    ResponseEntity<String> barcode(@PathVariable long circuitId, @PathVariable String code, Model model) {
        return svg(Code128.svg(own(circuitId, code, model).code().value(), 60));
    }

    private String catalogue(Member member, Model model) {
        model.addAttribute("items", rewards.catalogue(member.circuitId(), member.id()))
                .addAttribute("available", ledger.balance(member.circuitId(),
                        org.loyaltyhub.ledger.AccountRef.available(member.id())))
                .addAttribute("claimId", UUID.randomUUID().toString());
        return "customer/rewards";
    }

    private Voucher own(long circuitId, String code, Model model) {
        Member member = signedIn.member(circuitId, model);
        return rewards.voucher(circuitId, member.id(), code)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private static ResponseEntity<String> svg(String svg) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).contentType(MediaType.valueOf("image/svg+xml"))
                .body(svg);
    }
}
