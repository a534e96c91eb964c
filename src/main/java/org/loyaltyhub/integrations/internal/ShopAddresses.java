package org.loyaltyhub.integrations.internal;

import org.springframework.stereotype.Component;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Which addresses LoyaltyHub may call as a shop: http(s) to public hosts only, so that an administrator's shop
 * address cannot make the server call itself or its network (the cloud metadata service at 169.254.169.254, a
 * database, an admin console). Every address the host resolves to is checked. An operator whose shops live on a
 * private network allows them with {@code loyaltyhub.integrations.allow-private-addresses=true}.
 */
@Component
class ShopAddresses {

    /** Read once from the settings; tests switch it per test. */
    volatile boolean allowPrivate;

    ShopAddresses(IntegrationSettings settings) {
        this.allowPrivate = settings.allowPrivateAddresses();
    }

    /** Why LoyaltyHub will not call this address; empty when it may. An unknown host is left to the call to report. */
    Optional<String> refusal(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("only http and https shop addresses are called, not " + (scheme.isEmpty() ? "this one" : scheme));
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            return Optional.of("the shop address has no host");
        }
        if (allowPrivate) {
            return Optional.empty();
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException unknown) {
            return Optional.empty();
        }
        for (InetAddress a : addresses) {
            if (!isPublic(a)) {
                return Optional.of("the shop address " + uri.getHost() + " leads to a private or local network address ("
                        + a.getHostAddress() + "); LoyaltyHub calls only public addresses unless its operator allows "
                        + "private ones (loyaltyhub.integrations.allow-private-addresses)");
            }
        }
        return Optional.empty();
    }

    /** False for loopback, private, link-local (169.254/16, fe80::/10), unique-local (fc00::/7), any-local, multicast. */
    static boolean isPublic(InetAddress a) {
        if (a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress() || a.isAnyLocalAddress()
                || a.isMulticastAddress()) {
            return false;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) {
                return false; // unique local
            }
            boolean v4Mapped = true;
            for (int i = 0; i < 10; i++) {
                v4Mapped &= b[i] == 0;
            }
            if (v4Mapped && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
                try {
                    return isPublic(InetAddress.getByAddress(java.util.Arrays.copyOfRange(b, 12, 16)));
                } catch (UnknownHostException e) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first != 0 // "this network"
                    && !(first == 100 && second >= 64 && second < 128) // carrier-grade NAT, 100.64/10
                    && !(first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                    && !(first == 198 && (second == 18 || second == 19)) // benchmarking
                    && first < 240; // reserved and broadcast
        }
        return true;
    }
}
