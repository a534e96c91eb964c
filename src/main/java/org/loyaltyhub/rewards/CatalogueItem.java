package org.loyaltyhub.rewards;

/**
 * A reward as one member sees it: whether they may claim it now, and if not why ({@code code}, {@code reason}) and,
 * when only points are missing, how many.
 */
public record CatalogueItem(Reward reward, boolean claimable, String code, String reason, long missingPoints) {
}
