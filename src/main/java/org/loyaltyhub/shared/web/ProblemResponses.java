package org.loyaltyhub.shared.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Map;

/**
 * The API documentation tells what every error looks like: an {@code application/problem+json} body with a stable
 * {@code type} ({@code /problems/<code>}), for the answers every operation can give.
 */
@Configuration(proxyBeanMethods = false)
class ProblemResponses {

    private static final String PROBLEM = "application/problem+json";
    private static final Map<String, String> EVERY_OPERATION = Map.of(
            "400", "Invalid input: the problem names the fields",
            "401", "No or wrong credentials",
            "403", "The caller's role or scope does not allow this",
            "500", "Unexpected failure; nothing was saved");

    @Bean
    OpenApiCustomizer problemsInTheApiDocumentation() {
        return openApi -> {
            if (openApi.getComponents() == null) {
                openApi.setComponents(new Components());
            }
            openApi.getComponents().addSchemas("Problem", problemSchema());
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().forEach((path, item) -> item.readOperations().forEach(operation -> {
                describe(operation, path.contains("{"), path.startsWith("/api/v1/setup") || path.startsWith("/api/v1/hooks")
                        || path.startsWith("/api/v1/widget"));
            }));
        };
    }

    private static void describe(Operation operation, boolean namesARecord, boolean signedOut) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.setResponses(responses);
        EVERY_OPERATION.forEach((status, description) -> {
            if (!(signedOut && (status.equals("401") || status.equals("403")))) {
                responses.putIfAbsent(status, new ApiResponse().description(description));
            }
        });
        if (!signedOut) {
            responses.putIfAbsent("429", new ApiResponse().description("Too many failed sign-ins from this address or "
                    + "for this account: retry after the Retry-After header's seconds"));
        }
        if (namesARecord) {
            responses.putIfAbsent("404", new ApiResponse().description("No such record for this caller"));
        }
        responses.forEach((status, response) -> {
            if (!status.startsWith("2") && !status.startsWith("3")) {
                response.setContent(new Content().addMediaType(PROBLEM,
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"))));
            }
        });
    }

    private static Schema<?> problemSchema() {
        return new ObjectSchema().description("RFC 9457 problem details")
                .addProperty("type", new StringSchema().example("/problems/invalid-input"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("code", new StringSchema().description("the last segment of type"))
                .addRequiredItem("type").addRequiredItem("status");
    }
}
