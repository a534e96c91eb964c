package org.loyaltyhub.shared.web;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;

/**
 * Some requests are refused by Tomcat itself before any filter sees them (a NUL or another invalid character in the
 * path): under /api its error report is a problem too, not an HTML page.
 */
class ProblemReportValve extends ErrorReportValve {

    ProblemReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        String uri = request.getRequestURI();
        int status = response.getStatus();
        // an answer the application wrote itself (a filter's problem, still in the buffer) is left as it is
        if (uri == null || !uri.startsWith("/api/") || status < 400 || response.isCommitted()
                || response.getContentWritten() > 0) {
            super.report(request, response, throwable);
            return;
        }
        if (!response.setErrorReported()) {
            return;
        }
        try {
            response.resetBuffer();
            Problems.write(response, status, ErrorsBeforeControllers.code(status), ErrorsBeforeControllers.detail(status));
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            super.report(request, response, throwable);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Installation {

        /** Added after (inside) the error valve Spring Boot adds to the host, so it reports first. */
        @Bean
        @Order(Ordered.LOWEST_PRECEDENCE)
        WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> problemReports() {
            return factory -> factory.addContextCustomizers(
                    context -> context.getParent().getPipeline().addValve(new ProblemReportValve()));
        }
    }
}
