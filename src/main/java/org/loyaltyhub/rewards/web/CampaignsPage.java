package org.loyaltyhub.rewards.web;

import jakarta.servlet.http.HttpServletResponse;
import org.loyaltyhub.rewards.Campaign;
import org.loyaltyhub.rewards.CampaignDetails;
import org.loyaltyhub.rewards.CampaignGift;
import org.loyaltyhub.rewards.CodeMode;
import org.loyaltyhub.rewards.VoucherCode;
import org.loyaltyhub.rewards.internal.CampaignService;
import org.loyaltyhub.shared.InvalidInput;
import org.loyaltyhub.shared.web.Page;
import org.loyaltyhub.shared.web.QrCodes;
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

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The back office's coupon campaigns: the list, a form to create or change one, and on a campaign's page its
 * figures, code generation, distribution to members, the CSV of its codes and a printable A4 sheet with QR codes.
 */
@Page
class CampaignsPage {

    private final CampaignService campaigns;
    private final Tenancy tenancy;

    CampaignsPage(CampaignService campaigns, Tenancy tenancy) {
        this.campaigns = campaigns;
        this.tenancy = tenancy;
    }

    @GetMapping("/admin/campaigns")
    String list(Caller caller, Model model) {
        model.addAttribute("campaigns", campaigns.list(caller));
        return "rewards/campaigns";
    }

    @GetMapping("/admin/campaigns/new")
    String blank(Caller caller, Model model) {
        caller.require(Role.CIRCUIT_ADMIN);
        Map<String, String> form = new HashMap<>(Map.of("gives", CampaignGift.FIXED_AMOUNT.name(),
                "codeMode", CodeMode.SHARED.name(), "perMemberLimit", "1",
                "requestKey", java.util.UUID.randomUUID().toString()));
        return form(caller, null, form, List.of(), List.of(), Map.of(), model);
    }

    @PostMapping("/admin/campaigns")
    String create(Caller caller, @RequestParam Map<String, String> submitted,
                  @RequestParam(name = "companyIds", required = false) List<String> companyIds,
                  @RequestParam(name = "storeIds", required = false) List<String> storeIds, Model model) {
        caller.require(Role.CIRCUIT_ADMIN);
        try {
            // the form's own key: a double submit (or a resubmitted page) returns the campaign the first created
            String key = submitted.getOrDefault("requestKey", "");
            Campaign c = campaigns.create(caller, CampaignForm.read(submitted, companyIds, storeIds, currency(caller)),
                    key.matches("[0-9a-f-]{36}") ? key : null);
            return "redirect:/admin/campaigns/" + c.id() + "?saved";
        } catch (InvalidInput e) {
            return form(caller, null, submitted, companyIds, storeIds, keys(e), model);
        }
    }

    @GetMapping("/admin/campaigns/{id}")
    String edit(Caller caller, @PathVariable long id, Model model) {
        Campaign c = campaigns.get(caller, id);
        return form(caller, c, CampaignForm.of(c), strings(c.details().companyIds()),
                strings(c.details().storeIds()), Map.of(), model);
    }

    @PostMapping("/admin/campaigns/{id}")
    String update(Caller caller, @PathVariable long id, @RequestParam Map<String, String> submitted,
                  @RequestParam(name = "companyIds", required = false) List<String> companyIds,
                  @RequestParam(name = "storeIds", required = false) List<String> storeIds, Model model) {
        Campaign c = campaigns.get(caller, id);
        try {
            campaigns.update(caller, id, CampaignForm.read(submitted, companyIds, storeIds, currency(caller)));
            return "redirect:/admin/campaigns/" + id + "?saved";
        } catch (InvalidInput e) {
            return form(caller, c, submitted, companyIds, storeIds, keys(e), model);
        }
    }

    @PostMapping("/admin/campaigns/{id}/codes")
    String generate(Caller caller, @PathVariable long id, @RequestParam(required = false) String total, Model model) {
        Campaign c = campaigns.get(caller, id);
        try {
            if (total == null || !total.strip().matches("[0-9]{1,7}")) {
                throw new InvalidInput("total", "campaigns.error.total");
            }
            model.addAttribute("generated", campaigns.generate(caller, id, Integer.parseInt(total.strip())));
            return edit(caller, id, model);
        } catch (InvalidInput e) {
            return form(caller, c, CampaignForm.of(c), strings(c.details().companyIds()),
                    strings(c.details().storeIds()), Map.of("total", "campaigns.error.total"), model);
        }
    }

    @PostMapping("/admin/campaigns/{id}/assignments")
    String assign(Caller caller, @PathVariable long id, @RequestParam(required = false) String memberIds,
                  @RequestParam(required = false) String query, @RequestParam(required = false) String segmentId,
                  Model model) {
        Campaign c = campaigns.get(caller, id);
        try {
            CampaignService.Assigned a;
            if (segmentId != null && !segmentId.isBlank()) {
                if (!segmentId.strip().matches("[1-9][0-9]{0,17}")) {
                    throw new InvalidInput("segmentId", "invalid");
                }
                a = campaigns.assignBySegment(caller, id, Long.parseLong(segmentId.strip()));
            } else if (memberIds != null && !memberIds.isBlank()) {
                Map<String, String> errors = new HashMap<>();
                List<Long> ids = RewardForm.ids(memberIds, "memberIds", errors);
                if (!errors.isEmpty() || ids.isEmpty()) {
                    throw new InvalidInput("memberIds", "invalid");
                }
                a = campaigns.assign(caller, id, ids);
            } else {
                a = campaigns.assignBySearch(caller, id, query);
            }
            model.addAttribute("assigned", a);
            return edit(caller, id, model);
        } catch (InvalidInput e) {
            String field = e.fieldErrors().containsKey("segmentId") ? "segmentId"
                    : e.fieldErrors().containsKey("query") ? "query" : "memberIds";
            return form(caller, c, CampaignForm.of(c), strings(c.details().companyIds()),
                    strings(c.details().storeIds()), Map.of(field, "campaigns.error." + field), model);
        }
    }

    @GetMapping("/admin/campaigns/{id}/codes.csv")
    void csv(Caller caller, @PathVariable long id, HttpServletResponse response) throws IOException {
        CampaignCsv.write(campaigns, caller, id, response);
    }

    @GetMapping("/admin/campaigns/{id}/print")
    String print(Caller caller, @PathVariable long id, Model model) {
        Campaign c = campaigns.get(caller, id);
        List<String> codes = c.details().codeMode() == CodeMode.SHARED ? List.of(c.details().sharedCode())
                : campaigns.unusedCodes(caller, id, 12).stream().map(VoucherCode::display).toList();
        model.addAttribute("campaign", c).addAttribute("codes", codes);
        return "rewards/campaign-print";
    }

    /** A QR code of one of the campaign's codes (the shared code, or a unique code), for the printed sheet. */
    @GetMapping("/admin/campaigns/{id}/qr")
    ResponseEntity<String> qr(Caller caller, @PathVariable long id, @RequestParam String code) {
        Campaign c = campaigns.get(caller, id);
        String payload = c.details().codeMode() == CodeMode.SHARED ? c.details().sharedCode()
                : VoucherCode.parse(code).value();
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).contentType(MediaType.valueOf("image/svg+xml"))
                .body(QrCodes.svg(payload));
    }

    private String form(Caller caller, Campaign campaign, Map<String, String> form, List<String> companyIds,
                        List<String> storeIds, Map<String, String> errors, Model model) {
        var companies = tenancy.companies(caller);
        Map<Long, List<Store>> stores = companies.stream().collect(Collectors.toMap(c -> c.id(),
                c -> tenancy.storesOf(caller.circuit(), c.id())));
        model.addAttribute("campaign", campaign).addAttribute("form", form).addAttribute("errors", errors)
                .addAttribute("gifts", CampaignGift.values()).addAttribute("modes", CodeMode.values())
                .addAttribute("companies", companies).addAttribute("stores", stores)
                .addAttribute("chosenCompanies", companyIds == null ? List.of() : companyIds)
                .addAttribute("chosenStores", storeIds == null ? List.of() : storeIds)
                .addAttribute("currency", currency(caller))
                .addAttribute("figures", campaign == null ? null : campaigns.figures(caller, campaign.id()))
                .addAttribute("maxCodes", CampaignDetails.MAX_CODES);
        return "rewards/campaign";
    }

    private static Map<String, String> keys(InvalidInput e) {
        return e.fieldErrors().entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                en -> en.getValue().startsWith("campaigns.error.") ? en.getValue() : "campaigns.error." + en.getKey()));
    }

    private String currency(Caller caller) {
        return tenancy.circuit(caller.circuit()).currency();
    }

    private static List<String> strings(List<Long> ids) {
        return ids.stream().map(String::valueOf).toList();
    }
}
