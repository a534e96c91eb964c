package org.loyaltyhub.members;

/**
 * How a client names a member: exactly one of id, card number, QR payload, e-mail, phone, or an external id with
 * its shop connection.
 */
public record MemberIdentifier(Long id, String card, String qr, String email, String phone, String connection,
                               String externalId) {

    /** The JSON Schema of an identifier as the assistants' tools (MCP) take it: one of id, card, email or phone. */
    public static final String JSON_SCHEMA = """
            {"type": "object", "additionalProperties": false, "minProperties": 1, "maxProperties": 1,
             "description": "the member, by one of id, card number, e-mail or phone",
             "properties": {"id": {"type": "integer", "minimum": 1}, "card": {"type": "string", "maxLength": 64},
                            "email": {"type": "string", "maxLength": 254}, "phone": {"type": "string", "maxLength": 32}}}""";

    public static MemberIdentifier byId(long id) {
        return new MemberIdentifier(id, null, null, null, null, null, null);
    }

    public static MemberIdentifier byCard(String card) {
        return new MemberIdentifier(null, card, null, null, null, null, null);
    }

    public static MemberIdentifier byEmail(String email) {
        return new MemberIdentifier(null, null, null, email, null, null, null);
    }

    /** Card and QR are tokens the customer presents; they identify any member of the circuit at the counter. */
    public boolean presentedByCustomer() {
        return id == null && (card != null || qr != null) && email == null && phone == null && externalId == null;
    }

    public int count() {
        int n = 0;
        for (Object o : new Object[] {id, card, qr, email, phone, externalId}) {
            if (o != null) {
                n++;
            }
        }
        return n;
    }
}
