package org.loyaltyhub.tenancy.web;

import org.loyaltyhub.tenancy.Caller;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Configuration;

/**
 * The signed-in operator or API key is resolved from the credentials ({@link Caller}), not sent by the client:
 * the API documentation must not list it as a parameter.
 */
@Configuration(proxyBeanMethods = false)
class CallerIsNotAParameter {

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }
}
