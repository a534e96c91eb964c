/** The audit log: who changed what, and who read whose personal data; other modules' own front doors (MCP) record here. */
@org.springframework.modulith.NamedInterface("audit")
package org.loyaltyhub.privacy.audit;
