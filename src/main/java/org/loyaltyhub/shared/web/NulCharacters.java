package org.loyaltyhub.shared.web;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.module.SimpleModule;

import java.io.IOException;
import java.util.Locale;

/**
 * PostgreSQL refuses the NUL character in text, so it is refused at the edge with a 400 naming the field: in JSON
 * string values and in the query parameters of API calls. (In the path Tomcat itself refuses it:
 * {@link ProblemReportValve}.)
 */
@Configuration(proxyBeanMethods = false)
class NulCharacters {

    static final String REFUSAL = "must not contain the NUL character (\\u0000)";

    @Bean
    JsonMapperBuilderCustomizer textWithoutNul() {
        return builder -> builder.addModule(new SimpleModule("text-without-nul")
                .addDeserializer(String.class, new TextWithoutNul()));
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> queryWithoutNul() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new QueryWithoutNul());
        registration.addUrlPatterns("/api/*");
        return registration;
    }

    private static final class TextWithoutNul extends StringDeserializer {

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) {
            String text = super.deserialize(p, ctxt);
            if (text != null && text.indexOf('\0') >= 0) {
                return (String) ctxt.handleWeirdStringValue(String.class, text, REFUSAL);
            }
            return text;
        }
    }

    /** Reads only the raw query string: parsing form parameters would consume a body that webhooks verify. */
    private static final class QueryWithoutNul extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String query = request.getQueryString();
            if (query != null && query.toLowerCase(Locale.ROOT).contains("%00")) {
                for (String pair : query.split("&")) {
                    if (pair.toLowerCase(Locale.ROOT).contains("%00")) {
                        String name = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
                        Problems.write(response, 400, "malformed-request", "Parameter '"
                                + name.replaceAll("(?i)%00", "") + "' " + REFUSAL);
                        response.flushBuffer();
                        return;
                    }
                }
            }
            chain.doFilter(request, response);
        }
    }
}
