package org.loyaltyhub.integrations.internal;

import tools.jackson.databind.JsonNode;

/** Turns one platform's verified deliveries into purchases, members and points. */
interface Handler {

    Platform platform();

    Outcome handle(Connection c, String topic, JsonNode body);
}
