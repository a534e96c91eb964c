package org.loyaltyhub.passes.internal;

import org.loyaltyhub.passes.PassNotAuthorised;
import org.loyaltyhub.passes.PhonePasses;
import org.loyaltyhub.passes.WalletLinks;
import org.loyaltyhub.passes.internal.MemberPasses.MemberPass;
import org.loyaltyhub.shared.NotFound;
import org.loyaltyhub.shared.web.PublicUrl;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.List;

/**
 * The module's facade: the links of a member's card, the signed passes and save links those lead to, the circuit's
 * wallet settings (circuit administrators only) and Apple's pass web service (devices authenticate with the pass's
 * token; a pass of another pass type or an unknown serial looks the same as a wrong token).
 */
@Service("phonePasses")
public class WalletPasses implements PhonePasses {

    /** The address Apple devices call back (Apple adds {@code /v1/...}). */
    public static final String WEB_SERVICE_PATH = "/passes/apple";

    /** A pass as the web service serves it, with when it last changed. */
    public record SignedPass(byte[] bytes, Instant lastModified) {
    }

    /** The serials of a device's passes that changed, and the tag to ask with next time. */
    public record UpdatedSerials(List<String> serialNumbers, String lastUpdated) {
    }

    private final PassSetups setups;
    private final MemberPasses passes;
    private final CardFaces faces;
    private final GoogleWallet google;
    private final PublicUrl urls;

    WalletPasses(PassSetups setups, MemberPasses passes, CardFaces faces, GoogleWallet google, PublicUrl urls) {
        this.setups = setups;
        this.passes = passes;
        this.faces = faces;
        this.google = google;
        this.urls = urls;
    }

    @Override
    @Transactional
    public WalletLinks links(long circuitId, long memberId) {
        PassSetup setup = setups.of(circuitId);
        if (!setup.apple() && !setup.google()) {
            return WalletLinks.NONE;
        }
        MemberPass pass = passes.of(circuitId, memberId);
        String base = urls.anywhere("/passes/" + pass.serial());
        String key = "?key=" + pass.authToken();
        return new WalletLinks(setup.apple() ? base + "/apple" + key : null,
                setup.google() ? base + "/google" + key : null);
    }

    /** The signed .pkpass of a link or of the web service. */
    @Transactional(readOnly = true)
    public SignedPass applePass(String serial, String token) {
        MemberPass pass = authorised(serial, token);
        AppleCertificate cert = setups.apple(pass.circuitId()).orElseThrow(() -> new NotFound("Pass", serial));
        PassSetup setup = setups.of(pass.circuitId());
        return new SignedPass(PkPass.build(faces.of(setup, pass.memberId()), cert, pass.serial(), pass.authToken(),
                urls.anywhere(WEB_SERVICE_PATH)), pass.updatedAt());
    }

    /** The "Add to Google Wallet" address of a link, signed now. */
    @Transactional(readOnly = true)
    public String googleSaveLink(String serial, String token) {
        MemberPass pass = authorised(serial, token);
        GoogleServiceAccount account = setups.google(pass.circuitId()).orElseThrow(() -> new NotFound("Pass", serial));
        PassSetup setup = setups.of(pass.circuitId());
        return google.saveLink(account, setup, faces.of(setup, pass.memberId()), pass.serial(), urls.anywhere(""));
    }

    // Apple's pass web service

    /** True when the device was not registered for the pass before (Apple: 201, else 200). */
    @Transactional
    public boolean register(String passTypeId, String serial, String token, String deviceId, String pushToken) {
        return passes.register(applePass(passTypeId, serial, token), deviceId, pushToken);
    }

    @Transactional
    public void unregister(String passTypeId, String serial, String token, String deviceId) {
        passes.unregister(applePass(passTypeId, serial, token), deviceId);
    }

    /** Empty serial numbers when nothing changed since the tag (the controller answers 204). */
    @Transactional(readOnly = true)
    public UpdatedSerials updatedSince(String deviceId, String passTypeId, String tag) {
        Instant since = tag == null || !tag.matches("[0-9]{1,15}") ? null : Instant.ofEpochSecond(Long.parseLong(tag));
        List<MemberPass> updated = passes.updatedFor(deviceId, setups.circuitsOfPassType(passTypeId), since);
        String last = updated.stream().map(MemberPass::updatedAt).max(Instant::compareTo)
                .map(i -> Long.toString(i.getEpochSecond())).orElse(tag);
        return new UpdatedSerials(updated.stream().map(MemberPass::serial).toList(), last);
    }

    @Transactional(readOnly = true)
    public SignedPass latest(String passTypeId, String serial, String token) {
        applePass(passTypeId, serial, token);
        return applePass(serial, token);
    }

    // the circuit's settings

    @Transactional(readOnly = true)
    public PassSetup setup(Caller caller) {
        caller.require(Role.CIRCUIT_ADMIN);
        return setups.of(caller.circuit());
    }

    @Transactional
    public void saveApple(Caller caller, byte[] pkcs12, String password, byte[] wwdr) {
        caller.require(Role.CIRCUIT_ADMIN);
        setups.saveApple(caller.circuit(), pkcs12, password, wwdr);
    }

    /** The APNs authentication key (.p8): pushes then go with provider tokens instead of the certificate. */
    @Transactional
    public void saveApplePushKey(Caller caller, byte[] p8, String keyId, String teamId) {
        caller.require(Role.CIRCUIT_ADMIN);
        setups.saveApplePushKey(caller.circuit(), p8, keyId, teamId);
    }

    /** Pushes go with the certificate again. */
    @Transactional
    public void removeApplePushKey(Caller caller) {
        caller.require(Role.CIRCUIT_ADMIN);
        setups.removeApplePushKey(caller.circuit());
    }

    @Transactional
    public void saveGoogle(Caller caller, String issuerId, String keyFile) {
        caller.require(Role.CIRCUIT_ADMIN);
        setups.saveGoogle(caller.circuit(), issuerId, keyFile);
    }

    @Transactional
    public void saveColours(Caller caller, String background, String foreground) {
        caller.require(Role.CIRCUIT_ADMIN);
        setups.saveColours(caller.circuit(), new CardFace.Colour(background), new CardFace.Colour(foreground));
    }

    @Transactional
    public void remove(Caller caller, boolean apple) {
        caller.require(Role.CIRCUIT_ADMIN);
        if (apple) {
            setups.removeApple(caller.circuit());
        } else {
            setups.removeGoogle(caller.circuit());
        }
    }

    private MemberPass authorised(String serial, String token) {
        MemberPass pass = passes.bySerial(serial).orElseThrow(PassNotAuthorised::new);
        if (!pass.authorises(token)) {
            throw new PassNotAuthorised();
        }
        return pass;
    }

    /** The pass, when its token is right and it is of this pass type. */
    private MemberPass applePass(String passTypeId, String serial, String token) {
        MemberPass pass = authorised(serial, token);
        if (!passTypeId.equals(setups.of(pass.circuitId()).passTypeId())) {
            throw new PassNotAuthorised();
        }
        return pass;
    }
}
