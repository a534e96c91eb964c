/**
 * Tools for AI assistants: an MCP server (streamable HTTP at {@code /mcp}) offering every module's
 * {@link org.loyaltyhub.shared.AssistantTool}s to a client that connects with an API key. Nobody depends on it.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "tenancy", "privacy::audit"})
package org.loyaltyhub.assistants;
