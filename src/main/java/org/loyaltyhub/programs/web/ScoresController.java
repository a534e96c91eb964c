package org.loyaltyhub.programs.web;

import io.swagger.v3.oas.annotations.Operation;
import org.loyaltyhub.members.Members;
import org.loyaltyhub.programs.MemberScores;
import org.loyaltyhub.tenancy.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A member's score and loyalty score, as the nightly job last computed them. */
@RestController
class ScoresController {

    private final Members members;
    private final MemberScores scores;

    ScoresController(Members members, MemberScores scores) {
        this.members = members;
        this.scores = scores;
    }

    @GetMapping("/api/v1/members/{id}/scores")
    @Operation(summary = "The member's score (points earned in the current month and the 11 before it) and loyalty "
            + "score (0-100: recency 40, frequency 35, tenure 25), with the figures they come from and the day they "
            + "were computed for (null until the first nightly run)")
    MemberScores.Scores scores(Caller caller, @PathVariable long id) {
        members.visible(caller, id);
        return scores.of(caller.circuit(), id);
    }
}
