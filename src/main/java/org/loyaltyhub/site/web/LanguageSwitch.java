package org.loyaltyhub.site.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The header's language links: the page being looked at, with its filters and page number, in the other language
 * ({@code ${@languageSwitch.to('it')}} in the layouts). A form's answer links to the form's page.
 */
@Component("languageSwitch")
public class LanguageSwitch {

    public String to(String language) {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return "?lang=" + language;
        }
        HttpServletRequest request = attributes.getRequest();
        String query = "GET".equals(request.getMethod()) ? request.getQueryString() : null;
        return UriComponentsBuilder.fromPath(request.getRequestURI()).query(query)
                .replaceQueryParam("lang", language).build(true).toUriString();
    }
}
