package org.loyaltyhub.programs.internal.promotions;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.shared.InvalidInput;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AttributeSchemaTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    static JsonNode json(String s) {
        return JSON.readTree(s);
    }

    static final AttributeSchema SPA = AttributeSchema.parse(json("""
            {"type": "object", "properties": {
              "minutes": {"type": "integer", "minimum": 15, "maximum": 240},
              "price": {"type": "number", "minimum": 0},
              "treatment": {"type": "string", "enum": ["massage", "sauna"]},
              "note": {"type": "string", "minLength": 2, "maxLength": 5},
              "member": {"type": "boolean"}},
             "required": ["minutes"]}"""));

    @Test
    void validAttributesHaveNoProblem() {
        assertThat(SPA.problems(json("""
                {"minutes": 60, "price": 12.5, "treatment": "sauna", "note": "ok", "member": true}"""))).isEmpty();
    }

    @Test
    void eachBrokenRuleIsNamedByItsAttribute() {
        assertThat(SPA.problems(json("""
                {"minutes": 60.5, "price": -1, "treatment": "yoga", "note": "x", "member": "yes", "extra": 1}""")))
                .containsEntry("attributes.minutes", "must be a whole number")
                .containsEntry("attributes.price", "must be at least 0")
                .containsEntry("attributes.treatment", "must be one of massage, sauna")
                .containsEntry("attributes.note", "must be at least 2 characters")
                .containsEntry("attributes.member", "must be true or false")
                .containsKey("attributes.extra");
        assertThat(SPA.problems(json("{}"))).containsEntry("attributes.minutes", "is required");
        assertThat(SPA.problems(json("{\"minutes\": 300}"))).containsEntry("attributes.minutes", "must be at most 240");
        assertThat(SPA.problems(json("{\"minutes\": \"60\"}"))).containsEntry("attributes.minutes", "must be a whole number");
    }

    @Test
    void aKeywordOutsideTheSubsetIsRefusedByName() {
        assertThatThrownBy(() -> AttributeSchema.parse(json("{\"properties\": {\"a\": {\"type\": \"string\", \"pattern\": \"x\"}}}")))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("schema.properties.a.pattern");
        assertThatThrownBy(() -> AttributeSchema.parse(json("{\"oneOf\": []}")))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("schema.oneOf");
        assertThatThrownBy(() -> AttributeSchema.parse(json("{\"properties\": {\"a\": {\"type\": \"array\"}}}")))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("schema.properties.a.type");
        assertThatThrownBy(() -> AttributeSchema.parse(json("{\"properties\": {\"a\": {\"type\": \"string\", \"minimum\": 1}}}")))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("schema.properties.a.minimum");
        assertThatThrownBy(() -> AttributeSchema.parse(json("{\"properties\": {}, \"required\": [\"a\"]}")))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("schema.required");
        assertThatThrownBy(() -> AttributeSchema.parse(json("{\"properties\": {\"a\": {\"type\": \"integer\", \"minimum\": 5, \"maximum\": 1}}}")))
                .isInstanceOf(InvalidInput.class);
    }

    @Test
    void everyBuiltInTypesSchemaIsInTheSubset() {
        EventTypes.BUILT_IN.values().forEach(s -> AttributeSchema.parse(json(s)));
    }
}
