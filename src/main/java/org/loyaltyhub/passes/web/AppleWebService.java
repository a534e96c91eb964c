package org.loyaltyhub.passes.web;

import io.swagger.v3.oas.annotations.Hidden;
import org.loyaltyhub.passes.PassNotAuthorised;
import org.loyaltyhub.passes.internal.WalletPasses;
import org.loyaltyhub.passes.internal.WalletPasses.SignedPass;
import org.loyaltyhub.passes.internal.WalletPasses.UpdatedSerials;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * Apple's Wallet web service (its reference: "Wallet Web Service"), at the pass's {@code webServiceURL}: devices
 * register and unregister for a pass's updates, ask which of their passes changed since a tag, fetch the latest
 * pass and send their logs. Paths and status codes are Apple's; it is not part of LoyaltyHub's own API.
 */
@Hidden
@RestController
class AppleWebService {

    private static final String BASE = WalletPasses.WEB_SERVICE_PATH + "/v1";
    private static final String PASS = "/{passTypeId:[A-Za-z0-9.\\-]{1,200}}/{serial:[A-Za-z0-9_\\-]{1,40}}";
    private static final String DEVICE = "/devices/{deviceId:[A-Za-z0-9_\\-]{1,100}}/registrations";

    private final WalletPasses passes;

    AppleWebService(WalletPasses passes) {
        this.passes = passes;
    }

    /** Pushes to this device when the pass changes: 201 registered, 200 already was, 401 not the pass's token. */
    @PostMapping(BASE + DEVICE + PASS)
    ResponseEntity<Void> register(@PathVariable String deviceId, @PathVariable String passTypeId,
                                  @PathVariable String serial, @RequestHeader(name = "Authorization", required = false)
                                  String authorization, @RequestBody(required = false) Map<String, Object> body) {
        Object pushToken = body == null ? null : body.get("pushToken");
        if (!(pushToken instanceof String token) || !token.matches("[A-Za-z0-9]{1,200}")) {
            return ResponseEntity.badRequest().build();
        }
        boolean created = passes.register(passTypeId, serial, token(authorization), deviceId, token);
        return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK).build();
    }

    @DeleteMapping(BASE + DEVICE + PASS)
    ResponseEntity<Void> unregister(@PathVariable String deviceId, @PathVariable String passTypeId,
                                    @PathVariable String serial,
                                    @RequestHeader(name = "Authorization", required = false) String authorization) {
        passes.unregister(passTypeId, serial, token(authorization), deviceId);
        return ResponseEntity.ok().build();
    }

    /** 200 with the serials changed since the tag, 204 when none did. */
    @GetMapping(BASE + DEVICE + "/{passTypeId:[A-Za-z0-9.\\-]{1,200}}")
    ResponseEntity<UpdatedSerials> updated(@PathVariable String deviceId, @PathVariable String passTypeId,
                                           @RequestParam(required = false) String passesUpdatedSince) {
        UpdatedSerials updated = passes.updatedSince(deviceId, passTypeId, passesUpdatedSince);
        return updated.serialNumbers().isEmpty() ? ResponseEntity.noContent().build() : ResponseEntity.ok(updated);
    }

    /** The latest pass; 304 when it has not changed since If-Modified-Since. */
    @GetMapping(BASE + "/passes" + PASS)
    ResponseEntity<byte[]> latest(@PathVariable String passTypeId, @PathVariable String serial,
                                  @RequestHeader(name = "Authorization", required = false) String authorization,
                                  @RequestHeader(name = "If-Modified-Since", required = false) String ifModifiedSince) {
        SignedPass pass = passes.latest(passTypeId, serial, token(authorization));
        Instant since = httpDate(ifModifiedSince);
        if (since != null && !pass.lastModified().isAfter(since)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).build();
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(PassDownloads.PKPASS))
                .lastModified(pass.lastModified()).body(pass.bytes());
    }

    /** What devices report about errors with passes: logged, answered 200. */
    @PostMapping(BASE + "/log")
    ResponseEntity<Void> log(@RequestBody(required = false) Map<String, Object> body) {
        Object logs = body == null ? null : body.get("logs");
        if (logs instanceof java.util.List<?> lines) {
            lines.stream().limit(20).map(String::valueOf)
                    .map(l -> l.length() > 500 ? l.substring(0, 500) : l)
                    .forEach(l -> org.slf4j.LoggerFactory.getLogger(AppleWebService.class).info("Wallet device: {}", l));
        }
        return ResponseEntity.ok().build();
    }

    private static String token(String authorization) {
        if (authorization == null || !authorization.startsWith("ApplePass ")) {
            throw new PassNotAuthorised();
        }
        return authorization.substring("ApplePass ".length()).strip();
    }

    private static Instant httpDate(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
