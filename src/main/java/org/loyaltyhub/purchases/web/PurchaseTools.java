package org.loyaltyhub.purchases.web;

import org.loyaltyhub.members.MemberIdentifier;
import org.loyaltyhub.purchases.internal.PurchaseCommands.RecordPurchase;
import org.loyaltyhub.purchases.internal.PurchaseService;
import org.loyaltyhub.shared.AssistantTool;
import org.loyaltyhub.tenancy.CurrentCaller;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The purchases' tool for AI assistants (MCP): the same recording as {@code POST /api/v1/purchases}. */
@Configuration(proxyBeanMethods = false)
class PurchaseTools {

    @Bean
    AssistantTool recordPurchase(PurchaseService purchases) {
        return AssistantTool.of("record_purchase", AssistantTool.Kind.CHANGES, "purchases", """
                        Records a member's purchase (or an order's new status: the same orderId again) at a store, \
                        and earns its points under the program's rules. Answers the purchase with its id and status. \
                        An order already recorded with the same facts changes nothing. Send a new idempotencyKey for \
                        each purchase, the same one to retry it.""", """
                        {"type": "object", "additionalProperties": false,
                         "required": ["orderId", "member", "currency", "total", "idempotencyKey"],
                         "properties": {
                           "orderId": {"type": "string", "minLength": 1, "maxLength": 120, "description": "the till's or shop's order number"},
                           "channel": {"type": "string", "pattern": "^[a-z0-9][a-z0-9:._-]{0,79}$", "description": "where it was bought (default pos)"},
                           "storeId": {"type": "integer", "minimum": 1, "description": "the store (a store's API key: its own)"},
                           "member": %s,
                           "currency": {"type": "string", "pattern": "^[A-Z]{3}$", "description": "the circuit's currency, e.g. EUR"},
                           "total": {"type": "number", "minimum": 0, "maximum": 1000000000},
                           "refundedTotal": {"type": "number", "minimum": 0, "maximum": 1000000000},
                           "status": {"type": "string", "enum": ["CREATED", "PAID", "COMPLETED", "PARTIALLY_REFUNDED", "REFUNDED", "CANCELLED"], "description": "default COMPLETED"},
                           "occurredAt": {"type": "string", "format": "date-time", "description": "when, ISO 8601 (default now)"},
                           "lines": {"type": "array", "maxItems": 500, "items": {"type": "object", "additionalProperties": false,
                             "required": ["quantity", "unitPrice"],
                             "properties": {"productId": {"type": "string", "maxLength": 120}, "sku": {"type": "string", "maxLength": 120},
                                            "quantity": {"type": "number", "exclusiveMinimum": 0, "maximum": 100000},
                                            "unitPrice": {"type": "number", "minimum": 0, "maximum": 100000000},
                                            "discounted": {"type": "boolean"}, "category": {"type": "string", "maxLength": 120}}}},
                           %s}}""".formatted(MemberIdentifier.JSON_SCHEMA, AssistantTool.IDEMPOTENCY_KEY_SCHEMA),
                arguments -> purchases.record(CurrentCaller.required(), arguments.as(RecordPurchase.class)));
    }
}
