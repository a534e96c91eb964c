package org.loyaltyhub.rewards.web;

import org.loyaltyhub.rewards.LimitPeriod;
import org.loyaltyhub.rewards.Reward;
import org.loyaltyhub.rewards.RewardDetails;
import org.loyaltyhub.rewards.RewardKind;
import org.loyaltyhub.rewards.internal.RewardService;
import org.loyaltyhub.shared.InvalidInput;
import org.loyaltyhub.shared.web.Page;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.Role;
import org.loyaltyhub.tenancy.Store;
import org.loyaltyhub.tenancy.Tenancy;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The back office's reward catalogue: the list with stock, and a form to create or change a reward. */
@Page
class RewardsPage {

    private final RewardService rewards;
    private final Tenancy tenancy;

    RewardsPage(RewardService rewards, Tenancy tenancy) {
        this.rewards = rewards;
        this.tenancy = tenancy;
    }

    @GetMapping("/admin/rewards")
    String list(Caller caller, Model model) {
        caller.require(Role.CIRCUIT_ADMIN);
        model.addAttribute("rewards", rewards.list(caller));
        return "rewards/list";
    }

    @GetMapping("/admin/rewards/new")
    String blank(Caller caller, Model model) {
        caller.require(Role.CIRCUIT_ADMIN);
        Map<String, String> form = new HashMap<>(Map.of("kind", RewardKind.FIXED_AMOUNT.name(), "voucherDays", "30",
                "limitPeriod", LimitPeriod.EVER.name(), "active", "on"));
        return form(caller, null, form, List.of(), List.of(), Map.of(), model);
    }

    @PostMapping("/admin/rewards")
    String create(Caller caller, @RequestParam Map<String, String> submitted,
                  @RequestParam(name = "companyIds", required = false) List<String> companyIds,
                  @RequestParam(name = "storeIds", required = false) List<String> storeIds, Model model) {
        caller.require(Role.CIRCUIT_ADMIN);
        try {
            Reward r = rewards.create(caller, RewardForm.read(submitted, companyIds, storeIds, currency(caller)));
            return "redirect:/admin/rewards/" + r.id() + "?saved";
        } catch (InvalidInput e) {
            return form(caller, null, submitted, companyIds, storeIds, e.fieldErrors(), model);
        }
    }

    @GetMapping("/admin/rewards/{id}")
    String edit(Caller caller, @PathVariable long id, Model model) {
        caller.require(Role.CIRCUIT_ADMIN);
        Reward r = rewards.get(caller, id);
        RewardDetails.Restrictions where = r.details().restrictions();
        return form(caller, r, RewardForm.of(r), strings(where.companyIds()), strings(where.storeIds()), Map.of(),
                model);
    }

    @PostMapping("/admin/rewards/{id}")
    String update(Caller caller, @PathVariable long id, @RequestParam Map<String, String> submitted,
                  @RequestParam(name = "companyIds", required = false) List<String> companyIds,
                  @RequestParam(name = "storeIds", required = false) List<String> storeIds, Model model) {
        caller.require(Role.CIRCUIT_ADMIN);
        Reward r = rewards.get(caller, id);
        try {
            rewards.update(caller, id, RewardForm.read(submitted, companyIds, storeIds, currency(caller)));
            return "redirect:/admin/rewards/" + id + "?saved";
        } catch (InvalidInput e) {
            return form(caller, r, submitted, companyIds, storeIds, e.fieldErrors(), model);
        }
    }

    @PostMapping("/admin/rewards/{id}/image")
    String image(Caller caller, @PathVariable long id, @RequestParam(name = "image", required = false) MultipartFile file,
                 Model model) throws IOException {
        Reward r = rewards.get(caller, id);
        try {
            rewards.putImage(caller, id, file == null ? null : file.getBytes());
            return "redirect:/admin/rewards/" + id + "?image";
        } catch (InvalidInput e) {
            RewardDetails.Restrictions where = r.details().restrictions();
            return form(caller, r, RewardForm.of(r), strings(where.companyIds()), strings(where.storeIds()),
                    Map.of("image", "rewards.error.image"), model);
        }
    }

    /** A reward's image, for the back office and the customer area (rewards are public to the circuit's members). */
    @GetMapping("/c/{circuitId}/rewards/{id}/image")
    ResponseEntity<byte[]> picture(@PathVariable long circuitId, @PathVariable long id) {
        return rewards.image(circuitId, id).map(i -> ResponseEntity.ok().cacheControl(CacheControl.noCache())
                        .contentType(MediaType.parseMediaType(i.contentType())).body(i.bytes()))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    private String form(Caller caller, Reward reward, Map<String, String> form, List<String> companyIds,
                        List<String> storeIds, Map<String, String> errors, Model model) {
        var companies = tenancy.companies(caller);
        Map<Long, List<Store>> stores = companies.stream().collect(Collectors.toMap(c -> c.id(),
                c -> tenancy.storesOf(caller.circuit(), c.id())));
        model.addAttribute("reward", reward).addAttribute("form", form).addAttribute("errors", errors)
                .addAttribute("kinds", RewardKind.values()).addAttribute("periods", LimitPeriod.values())
                .addAttribute("companies", companies).addAttribute("stores", stores)
                .addAttribute("chosenCompanies", companyIds == null ? List.of() : companyIds)
                .addAttribute("chosenStores", storeIds == null ? List.of() : storeIds)
                .addAttribute("currency", currency(caller));
        return "rewards/edit";
    }

    private String currency(Caller caller) {
        return tenancy.circuit(caller.circuit()).currency();
    }

    private static List<String> strings(List<Long> ids) {
        return ids.stream().map(String::valueOf).toList();
    }
}
