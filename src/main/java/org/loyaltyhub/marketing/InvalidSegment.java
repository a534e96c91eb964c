package org.loyaltyhub.marketing;

import org.loyaltyhub.shared.InvalidInput;

import java.util.LinkedHashMap;
import java.util.Map;

/** A segment that cannot be saved or counted: a 400 naming each bad part; pages show each flaw next to its field. */
public class InvalidSegment extends InvalidInput {

    private final Map<String, Flaw> flaws;

    public InvalidSegment(Map<String, Flaw> flaws) {
        super(english(flaws));
        this.flaws = Map.copyOf(flaws);
    }

    public Map<String, Flaw> flaws() {
        return flaws;
    }

    private static Map<String, String> english(Map<String, Flaw> flaws) {
        Map<String, String> out = new LinkedHashMap<>();
        flaws.forEach((field, flaw) -> out.put(field, flaw.english()));
        return out;
    }
}
