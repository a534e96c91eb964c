package org.loyaltyhub.integrations.internal;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

class ShopAddressesTest {

    private static ShopAddresses policy(boolean allowPrivate) {
        return new ShopAddresses(new IntegrationSettings(null, null, null, null, null, null, null, null, allowPrivate));
    }

    @Test
    void loopbackPrivateLinkLocalUniqueLocalAnyLocalAndMulticastAddressesAreNotPublic() throws Exception {
        for (String a : new String[]{"127.0.0.1", "127.8.9.10", "10.1.2.3", "172.16.0.1", "172.31.255.254", "192.168.1.1",
                "169.254.169.254", "0.0.0.0", "100.64.0.1", "224.0.0.1", "255.255.255.255", "::1", "::", "fe80::1",
                "fc00::1", "fd12:3456::1", "ff02::1", "::ffff:127.0.0.1", "::ffff:169.254.169.254"}) {
            assertThat(ShopAddresses.isPublic(InetAddress.getByName(a))).as(a).isFalse();
        }
        for (String a : new String[]{"93.184.216.34", "8.8.8.8", "172.32.0.1", "2606:4700:4700::1111"}) {
            assertThat(ShopAddresses.isPublic(InetAddress.getByName(a))).as(a).isTrue();
        }
    }

    @Test
    void onlyHttpAndHttpsToPublicHostsAreCalledUnlessTheOperatorAllowsPrivateOnes() {
        ShopAddresses strict = policy(false);
        assertThat(strict.refusal(URI.create("http://169.254.169.254/latest/meta-data/"))).isPresent();
        assertThat(strict.refusal(URI.create("http://localhost:5432/"))).isPresent();
        assertThat(strict.refusal(URI.create("https://[::1]/wp-json/"))).isPresent();
        assertThat(strict.refusal(URI.create("http://10.0.0.5/api"))).isPresent();
        assertThat(strict.refusal(URI.create("file:///etc/passwd"))).isPresent();
        assertThat(strict.refusal(URI.create("ftp://93.184.216.34/"))).isPresent();
        assertThat(strict.refusal(URI.create("https://93.184.216.34/wp-json/"))).isEmpty();

        ShopAddresses lenient = policy(true);
        assertThat(lenient.refusal(URI.create("http://127.0.0.1:8080/"))).isEmpty();
        assertThat(lenient.refusal(URI.create("gopher://127.0.0.1/"))).as("the scheme is checked anyway").isPresent();
    }
}
