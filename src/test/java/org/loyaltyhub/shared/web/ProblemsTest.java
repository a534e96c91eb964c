package org.loyaltyhub.shared.web;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.shared.Failure;
import org.loyaltyhub.shared.LoyaltyException;
import org.loyaltyhub.shared.NotFound;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.Arrays;

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

    @Test
    void everyKindOfFailureMapsToItsOwnStatusAndOnlyAnUpstreamFailureIsAServerError() {
        assertThat(Arrays.stream(Failure.values()).map(Problems::status).distinct().count())
                .isEqualTo(Failure.values().length);
        for (Failure f : Failure.values()) {
            assertThat(Problems.status(f)).as(f.name()).isBetween(f == Failure.UPSTREAM ? 500 : 400,
                    f == Failure.UPSTREAM ? 599 : 499);
        }
        assertThat(Problems.status(Failure.REFUSED)).isEqualTo(422);
        assertThat(Problems.status(Failure.CONFLICT)).isEqualTo(409);
    }

    @Test
    void aBusinessFailureBecomesAProblemWithItsKindsStatusItsCodeAndItsProperties() {
        var problem = Problems.of(new LoyaltyException("over-limit", Failure.REFUSED, "Too much").with("max", 5));
        assertThat(problem.getStatus()).isEqualTo(422);
        assertThat(problem.getType().toString()).isEqualTo("/problems/over-limit");
        assertThat(problem.getDetail()).isEqualTo("Too much");
        assertThat(problem.getProperties()).containsEntry("max", 5).containsEntry("code", "over-limit");
        assertThat(Problems.of(new NotFound("Member", 7)).getStatus()).isEqualTo(404);
    }
}
