package org.loyaltyhub.passes.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Encoding;
import org.loyaltyhub.passes.internal.PassSetup;
import org.loyaltyhub.passes.internal.WalletPasses;
import org.loyaltyhub.tenancy.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The circuit's wallet settings over the API (circuit administrators): the same uploads as Settings → Wallet passes,
 * as multipart requests, each checked before anything is stored; the answer never carries a secret.
 */
@RestController
class WalletSettingsController {

    /** What a circuit configured, without its secrets; each wallet's fields are null until it is configured. */
    record WalletSettings(String passTypeId, String teamId, Instant certificateExpiresAt, String pushKeyId,
                          String googleIssuerId, String googleClientEmail, String background, String foreground) {

        static WalletSettings of(PassSetup s) {
            return new WalletSettings(s.passTypeId(), s.teamId(), s.appleExpiresAt(), s.pushKeyId(), s.googleIssuerId(),
                    s.googleClientEmail(), s.backgroundHex(), s.foregroundHex());
        }
    }

    /** The card's colours, as #rrggbb. */
    record Colours(String background, String foreground) {
    }

    private final WalletPasses passes;

    WalletSettingsController(WalletPasses passes) {
        this.passes = passes;
    }

    @GetMapping("/api/v1/wallet-settings")
    @Operation(summary = "The circuit's wallet settings (circuit administrator), without certificates, keys or passwords")
    WalletSettings get(Caller caller) {
        return WalletSettings.of(passes.setup(caller));
    }

    @PutMapping(path = "/api/v1/wallet-settings/apple", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload the Apple Wallet certificate (circuit administrator)",
            description = "`certificate`: the Pass Type ID certificate with its private key (.p12); `password`: its "
                    + "password; `wwdr`: Apple's WWDR intermediate (.cer or .pem). A file that is not PKCS#12, a wrong "
                    + "password, an expired certificate or one without a pass type and team is refused (400, the "
                    + "field in `errors`) and nothing changes.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = MediaType.MULTIPART_FORM_DATA_VALUE, encoding = {
                    @Encoding(name = "certificate", contentType = "application/x-pkcs12"),
                    @Encoding(name = "wwdr", contentType = "application/pkix-cert")})))
    WalletSettings apple(Caller caller, @RequestPart(name = "certificate", required = false) MultipartFile certificate,
                         @RequestPart(name = "password", required = false) String password,
                         @RequestPart(name = "wwdr", required = false) MultipartFile wwdr) throws IOException {
        passes.saveApple(caller, PassesSettingsPage.bytes(certificate), password, PassesSettingsPage.bytes(wwdr));
        return get(caller);
    }

    @PutMapping(path = "/api/v1/wallet-settings/apple/push-key", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload the APNs authentication key (circuit administrator): pushes then go with tokens",
            description = "`key`: the .p8 file (a P-256 private key, PKCS#8); `keyId`: its 10-character Key ID; "
                    + "`teamId`: the 10-character Team ID (default: the certificate's team). Passes are still signed "
                    + "with the certificate. A file that is not such a key is refused (400) and nothing changes.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
                    encoding = @Encoding(name = "key", contentType = "application/pkcs8"))))
    WalletSettings applePushKey(Caller caller, @RequestPart(name = "key", required = false) MultipartFile key,
                                @RequestPart(name = "keyId", required = false) String keyId,
                                @RequestPart(name = "teamId", required = false) String teamId) throws IOException {
        passes.saveApplePushKey(caller, PassesSettingsPage.bytes(key), keyId, teamId);
        return get(caller);
    }

    @PutMapping(path = "/api/v1/wallet-settings/google", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload the Google Wallet issuer id and service account key (circuit administrator)",
            description = "`issuerId`: the numeric issuer id of the Google Pay & Wallet Console; `key`: the service "
                    + "account's JSON key file. A file without `client_email` or an RSA `private_key` is refused (400) "
                    + "and nothing changes.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
                    encoding = @Encoding(name = "key", contentType = "application/json"))))
    WalletSettings google(Caller caller, @RequestPart(name = "issuerId", required = false) String issuerId,
                          @RequestPart(name = "key", required = false) MultipartFile key) throws IOException {
        byte[] file = PassesSettingsPage.bytes(key);
        passes.saveGoogle(caller, issuerId, file == null ? null : new String(file, StandardCharsets.UTF_8));
        return get(caller);
    }

    @PutMapping("/api/v1/wallet-settings/colours")
    @Operation(summary = "Change the card's background and text colours (circuit administrator)")
    WalletSettings colours(Caller caller, @RequestBody Colours colours) {
        passes.saveColours(caller, colours.background(), colours.foreground());
        return get(caller);
    }

    @DeleteMapping("/api/v1/wallet-settings/apple")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove the Apple certificate (circuit administrator): the Apple button no longer shows")
    void removeApple(Caller caller) {
        passes.remove(caller, true);
    }

    @DeleteMapping("/api/v1/wallet-settings/apple/push-key")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove the APNs key (circuit administrator): pushes go with the certificate again")
    void removeApplePushKey(Caller caller) {
        passes.removeApplePushKey(caller);
    }

    @DeleteMapping("/api/v1/wallet-settings/google")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove the Google Wallet account (circuit administrator): the Google button no longer shows")
    void removeGoogle(Caller caller) {
        passes.remove(caller, false);
    }
}
