package org.loyaltyhub.assistants;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpStatelessSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStatelessServerTransport;
import io.modelcontextprotocol.spec.McpSchema;
import org.loyaltyhub.shared.AssistantTool;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

/**
 * The MCP server: stateless streamable HTTP at {@code /mcp} (no session to keep, so any node answers any call), behind
 * the API's security (an API key as a bearer token, or an operator's HTTP Basic). Tools run on the request's own
 * thread ({@code immediateExecution}), so the caller, the tenant wall and the log's request id are those of the
 * request.
 */
@Configuration(proxyBeanMethods = false)
class McpServerConfiguration {

    static final String ENDPOINT = "/mcp";

    private static final String INSTRUCTIONS = """
            LoyaltyHub: a loyalty program's members, points, purchases, redemptions, reports and e-mail campaigns, \
            seen as the API key you connected with sees them (its circuit, company or store). Tools that change data \
            need an idempotencyKey: send a new one for each change and the same one when you retry it. Campaigns are \
            only ever created as drafts: a person sends them from the back office.""";

    /** A call's body is capped like an API request's ({@code loyaltyhub.api.max-body-bytes}). */
    @Bean
    HttpServletStatelessServerTransport mcpTransport(
            @org.springframework.beans.factory.annotation.Value("${loyaltyhub.api.max-body-bytes:262144}") int maxBody) {
        return HttpServletStatelessServerTransport.builder().jsonMapper(protocolJson()).messageEndpoint(ENDPOINT)
                .maxRequestSize(maxBody).build();
    }

    @Bean
    ServletRegistrationBean<HttpServletStatelessServerTransport> mcpServlet(HttpServletStatelessServerTransport transport) {
        ServletRegistrationBean<HttpServletStatelessServerTransport> servlet = new ServletRegistrationBean<>(transport, ENDPOINT);
        servlet.setName("mcp");
        return servlet;
    }

    @Bean(destroyMethod = "close")
    McpStatelessSyncServer mcpServer(HttpServletStatelessServerTransport transport, List<AssistantTool> tools,
                                     ToolCalls calls) {
        McpJsonMapper json = protocolJson();
        return McpServer.sync(transport)
                .serverInfo("loyaltyhub", "1")
                .instructions(INSTRUCTIONS)
                .jsonMapper(json)
                .immediateExecution(true)
                .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
                .tools(tools.stream().map(tool -> new SyncToolSpecification(McpSchema.Tool.builder(tool.name())
                                .description(tool.description())
                                .inputSchema(json, tool.inputSchema())
                                .annotations(annotations(tool))
                                .build(), (context, request) -> calls.call(tool, request.arguments())))
                        .toList())
                .build();
    }

    private static McpSchema.ToolAnnotations annotations(AssistantTool tool) {
        boolean reads = tool.kind() != AssistantTool.Kind.CHANGES;
        // title, readOnly, destructive, idempotent, openWorld, returnDirect
        return new McpSchema.ToolAnnotations(null, reads, false, true, false, null);
    }

    /** The protocol's own JSON (its messages), apart from the application's stricter one used for answers. */
    private static McpJsonMapper protocolJson() {
        return new JacksonMcpJsonMapper(JsonMapper.builder().build());
    }
}
