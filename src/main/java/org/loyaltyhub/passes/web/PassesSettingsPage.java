package org.loyaltyhub.passes.web;

import org.loyaltyhub.passes.PassCredentialRefused;
import org.loyaltyhub.passes.internal.WalletPasses;
import org.loyaltyhub.shared.web.Page;
import org.loyaltyhub.tenancy.Caller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The circuit's wallet settings: the Pass Type ID certificate (PKCS#12 and its password) with Apple's WWDR
 * intermediate, the APNs authentication key (.p8) when pushes should go with tokens, the Google Wallet issuer id and service account key, and the card's colours; each upload checked,
 * a refused one shown next to its field with nothing saved. Says what to upload and where to get it.
 */
@Page
class PassesSettingsPage {

    private final WalletPasses passes;

    PassesSettingsPage(WalletPasses passes) {
        this.passes = passes;
    }

    @GetMapping("/admin/passes")
    String show(Caller caller, Model model) {
        model.addAttribute("setup", passes.setup(caller));
        return "passes/settings";
    }

    @PostMapping("/admin/passes/apple")
    String apple(Caller caller, @RequestParam(required = false) MultipartFile certificate,
                 @RequestParam(required = false) String password, @RequestParam(required = false) MultipartFile wwdr,
                 Model model) throws IOException {
        try {
            passes.saveApple(caller, bytes(certificate), password, bytes(wwdr));
            return "redirect:/admin/passes?apple";
        } catch (PassCredentialRefused e) {
            return refused(caller, model, e);
        }
    }

    @PostMapping("/admin/passes/apple/push-key")
    String applePushKey(Caller caller, @RequestParam(required = false) MultipartFile pushKey,
                        @RequestParam(required = false) String keyId, @RequestParam(required = false) String teamId,
                        Model model) throws IOException {
        try {
            passes.saveApplePushKey(caller, bytes(pushKey), keyId, teamId);
            return "redirect:/admin/passes?pushKey";
        } catch (PassCredentialRefused e) {
            model.addAttribute("keyId", keyId);
            model.addAttribute("teamId", teamId);
            return refused(caller, model, e);
        }
    }

    @PostMapping("/admin/passes/apple/push-key/remove")
    String removeApplePushKey(Caller caller) {
        passes.removeApplePushKey(caller);
        return "redirect:/admin/passes?removed";
    }

    @PostMapping("/admin/passes/google")
    String google(Caller caller, @RequestParam(required = false) String issuerId,
                  @RequestParam(required = false) MultipartFile key, Model model) throws IOException {
        try {
            byte[] file = bytes(key);
            passes.saveGoogle(caller, issuerId, file == null ? null : new String(file, StandardCharsets.UTF_8));
            return "redirect:/admin/passes?google";
        } catch (PassCredentialRefused e) {
            model.addAttribute("issuerId", issuerId);
            return refused(caller, model, e);
        }
    }

    @PostMapping("/admin/passes/colours")
    String colours(Caller caller, @RequestParam(required = false) String background,
                   @RequestParam(required = false) String foreground, Model model) {
        try {
            passes.saveColours(caller, background, foreground);
            return "redirect:/admin/passes?colours";
        } catch (PassCredentialRefused e) {
            return refused(caller, model, e);
        }
    }

    @PostMapping("/admin/passes/apple/remove")
    String removeApple(Caller caller) {
        passes.remove(caller, true);
        return "redirect:/admin/passes?removed";
    }

    @PostMapping("/admin/passes/google/remove")
    String removeGoogle(Caller caller) {
        passes.remove(caller, false);
        return "redirect:/admin/passes?removed";
    }

    private String refused(Caller caller, Model model, PassCredentialRefused e) {
        model.addAttribute("errors", Map.of(e.field(), "passes.error." + e.reason().name()));
        return show(caller, model);
    }

    static byte[] bytes(MultipartFile file) throws IOException {
        return file == null || file.isEmpty() ? null : file.getBytes();
    }
}
