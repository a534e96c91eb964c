package org.loyaltyhub.programs;

/** A review's score: 1 to 5 stars. */
public record ReviewRating(int stars) {

    public ReviewRating {
        if (stars < 1 || stars > 5) {
            throw new IllegalArgumentException("a rating is 1 to 5 stars: " + stars);
        }
    }
}
