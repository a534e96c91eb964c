package org.loyaltyhub.integrations.internal;

import org.springframework.stereotype.Component;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The shop platforms LoyaltyHub has, one Spring bean each, by {@link Platform}. */
@Component
public class ShopPlatforms {

    private final Map<Platform, ShopPlatform> platforms = new EnumMap<>(Platform.class);

    ShopPlatforms(List<ShopPlatform> platforms) {
        platforms.forEach(p -> this.platforms.put(p.platform(), p));
    }

    public ShopPlatform of(Platform platform) {
        ShopPlatform p = platforms.get(platform);
        if (p == null) {
            throw new IllegalStateException("no ShopPlatform bean for " + platform);
        }
        return p;
    }
}
