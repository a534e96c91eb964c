package org.loyaltyhub.privacy.audit;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Every controller's requests pass the audit trail. */
@Configuration(proxyBeanMethods = false)
class AuditConfiguration implements WebMvcConfigurer {

    private final AuditTrail trail;

    AuditConfiguration(AuditTrail trail) {
        this.trail = trail;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(trail);
    }
}
