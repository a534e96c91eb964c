package org.loyaltyhub.shared.web;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemsTest {

    @Test
    void aProblemWrittenByAFilterIsValidJsonWhateverItsDetailContains() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        Problems.write(response, 422, "odd", "a \"quoted\" \\ detail\nover two lines");
        assertThat(response.getStatus()).isEqualTo(422);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        JsonNode json = JsonMapper.builder().build().readTree(response.getContentAsString());
        assertThat(json.path("type").asString()).isEqualTo("/problems/odd");
        assertThat(json.path("detail").asString()).isEqualTo("a \"quoted\" \\ detail\nover two lines");
    }
}
