package org.loyaltyhub.operations;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** One call of the {@code list_reports} tool over MCP, as an assistant with a shop's API key makes it. */
final class AssistantCall {

    private AssistantCall() {
    }

    static void listReports(int port, String apiKey, String requestId) {
        var transport = HttpClientStreamableHttpTransport.builder("http://localhost:" + port).endpoint("/mcp")
                .httpRequestCustomizer((request, method, uri, body, context) -> request
                        .header("Authorization", "Bearer " + apiKey).header("X-Request-Id", requestId))
                .build();
        try (McpSyncClient client = McpClient.sync(transport).build()) {
            client.initialize();
            assertThat(client.callTool(new McpSchema.CallToolRequest("list_reports", Map.of())).isError()).isFalse();
        }
    }
}
