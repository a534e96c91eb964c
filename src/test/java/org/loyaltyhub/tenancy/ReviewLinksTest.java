package org.loyaltyhub.tenancy;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.shared.InvalidInput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ReviewLinksTest {

    private static final ReviewLinks COMPANY = new ReviewLinks("https://g.page/r/company/review",
            "https://www.tripadvisor.com/company", "https://shop.example/reviews");

    private static StoreProfile store(String google, String tripadvisor) {
        return new StoreProfile(null, null, 150, google, tripadvisor);
    }

    @Test
    void aStoreWithoutReviewPagesShowsItsCompanys() {
        assertThat(ReviewLinks.atStore(store(null, null), COMPANY)).isEqualTo(COMPANY);
    }

    @Test
    void aStoreWithAReviewPageOfItsOwnShowsOnlyItsOwnAndTheCompanysProductReviews() {
        assertThat(ReviewLinks.atStore(store(null, "https://www.tripadvisor.com/bar"), COMPANY)).isEqualTo(
                new ReviewLinks(null, "https://www.tripadvisor.com/bar", "https://shop.example/reviews"));
    }

    @Test
    void withNothingSetThereIsNothingToShow() {
        assertThat(ReviewLinks.atStore(store(null, null), ReviewLinks.none()).isEmpty()).isTrue();
    }

    @Test
    void blankLinksAreNoLinks() {
        assertThat(new ReviewLinks(" ", "", null)).isEqualTo(ReviewLinks.none());
    }

    @Test
    void onlyHttpsAddressesOfAtMost500CharactersAreTakenEachNamedInTheRefusal() {
        InvalidInput refused = catchThrowableOfType(InvalidInput.class, () -> new ReviewLinks("http://g.page/r/x",
                "https://www.tripadvisor.com/x", "https://shop.example/" + "a".repeat(480)));
        assertThat(refused.fieldErrors()).containsOnlyKeys("googleReviewUrl", "productReviewsUrl");
        assertThat(catchThrowableOfType(InvalidInput.class, () -> new ReviewLinks(null, "javascript:alert(1)", null))
                .fieldErrors()).containsOnlyKeys("tripadvisorUrl");
    }
}
