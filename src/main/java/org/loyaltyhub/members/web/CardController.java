package org.loyaltyhub.members.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import org.loyaltyhub.members.Member;
import org.loyaltyhub.members.internal.CardService;
import org.loyaltyhub.members.internal.CardService.CardChange;
import org.loyaltyhub.members.internal.IssuedCard;
import org.loyaltyhub.privacy.PersonalDataRead;
import org.loyaltyhub.tenancy.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** A member's cards: the history of numbers held, blocking one, replacing a lost one. */
@RestController
class CardController {

    private final CardService cards;

    CardController(CardService cards) {
        this.cards = cards;
    }

    @PersonalDataRead
    @GetMapping("/api/v1/members/{id}/cards")
    @Operation(summary = "Every card the member has held: the one in use first, then blocked and replaced ones")
    List<IssuedCard> history(Caller caller, @PathVariable long id) {
        return cards.history(caller, id);
    }

    @PostMapping("/api/v1/members/{id}/card/block")
    @Operation(summary = "Block the member's card (administrators and store operators): it is refused wherever it "
            + "is presented, with a message saying it was blocked")
    @ApiResponse(responseCode = "409", description = "card-already-blocked: the card was blocked before")
    IssuedCard block(Caller caller, @PathVariable long id, @Valid @RequestBody CardChange change) {
        return cards.block(caller, id, change);
    }

    @PostMapping("/api/v1/members/{id}/card/replacement")
    @Operation(summary = "Block the named card (unless it already is) and issue a new number to the same member "
            + "(administrators and store operators); balance and history stay. Naming a card already replaced "
            + "answers 200 with the member and its current card, and issues nothing; the Idempotency-Key header "
            + "replays the first answer")
    @ApiResponse(responseCode = "201", description = "The member, with the new card")
    @ApiResponse(responseCode = "200", description = "The card had already been replaced: the member as it is")
    ResponseEntity<Member> replace(Caller caller, @PathVariable long id, @Valid @RequestBody CardChange change) {
        CardService.Replacement r = cards.replace(caller, id, change);
        return ResponseEntity.status(r.earlier() ? HttpStatus.OK : HttpStatus.CREATED).body(r.member());
    }
}
