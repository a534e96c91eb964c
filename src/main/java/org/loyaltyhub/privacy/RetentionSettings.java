package org.loyaltyhub.privacy;

import org.loyaltyhub.shared.InvalidInput;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How long a circuit keeps personal data: members inactive for {@code inactiveMemberYears} are erased (null: never,
 * the default); shops' webhook bodies and stored API answers are emptied after {@code deliveryBodyDays}; audit
 * records are kept {@code auditYears}.
 */
public record RetentionSettings(Integer inactiveMemberYears, int deliveryBodyDays, int auditYears) {

    public static final RetentionSettings DEFAULTS = new RetentionSettings(null, 90, 5);

    public RetentionSettings {
        Map<String, String> errors = new LinkedHashMap<>();
        if (inactiveMemberYears != null && (inactiveMemberYears < 1 || inactiveMemberYears > 30)) {
            errors.put("inactiveMemberYears", "Members inactive for 1 to 30 years, or never");
        }
        if (deliveryBodyDays < 1 || deliveryBodyDays > 3650) {
            errors.put("deliveryBodyDays", "Webhook bodies and stored answers are kept 1 to 3650 days");
        }
        if (auditYears < 1 || auditYears > 30) {
            errors.put("auditYears", "Audit records are kept 1 to 30 years");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
    }

    public boolean erasesInactiveMembers() {
        return inactiveMemberYears != null;
    }
}
