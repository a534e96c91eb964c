package org.loyaltyhub.marketing.landing;

import org.loyaltyhub.shared.InvalidInput;

/**
 * One block of a landing page, with its Italian and English text (a title's words, a paragraph, an image's
 * description, a button's label). An image block names its uploaded image; an action block its call to action, and
 * the bookable for {@link CallToAction#BOOK}.
 */
public record Block(BlockKind kind, String textIt, String textEn, Long imageId, CallToAction action,
                    Long bookableId, Long campaignId) {

    public static final int MAX_TEXT = 4000;

    public Block {
        textIt = textIt == null ? "" : textIt.strip();
        textEn = textEn == null ? "" : textEn.strip();
        if (kind == null) {
            throw new InvalidInput("blocks", "each block needs a kind: TITLE, TEXT, IMAGE or ACTION");
        }
        if (textIt.length() > MAX_TEXT || textEn.length() > MAX_TEXT) {
            throw new InvalidInput("blocks", "a block's text has at most " + MAX_TEXT + " characters");
        }
        if (kind != BlockKind.IMAGE && textIt.isEmpty() && textEn.isEmpty()) {
            throw new InvalidInput("blocks", "a " + kind + " block needs a text in Italian or English");
        }
        if (kind == BlockKind.IMAGE && imageId == null) {
            throw new InvalidInput("blocks", "an IMAGE block needs an uploaded image");
        }
        if (kind == BlockKind.ACTION && action == null) {
            throw new InvalidInput("blocks", "an ACTION block needs an action: JOIN, COUPON or BOOK");
        }
        if (action == CallToAction.BOOK && bookableId == null) {
            throw new InvalidInput("blocks", "a BOOK action needs the bookable to book");
        }
        if (kind != BlockKind.IMAGE) {
            imageId = null;
        }
        if (kind != BlockKind.ACTION) {
            action = null;
        }
        if (action != CallToAction.BOOK) {
            bookableId = null;
        }
        if (action != CallToAction.COUPON) {
            campaignId = null;
        }
    }

    /** A block without a coupon campaign. */
    public Block(BlockKind kind, String textIt, String textEn, Long imageId, CallToAction action, Long bookableId) {
        this(kind, textIt, textEn, imageId, action, bookableId, null);
    }

    /** Whether its button claims a coupon campaign's code (rather than leading to the customer's coupons). */
    public boolean claimsCoupon() {
        return action == CallToAction.COUPON && campaignId != null;
    }

    /** The text in a language ("it" or anything else for English), the other language's when it has none. */
    public String text(String language) {
        String mine = "it".equals(language) ? textIt : textEn;
        return mine.isEmpty() ? ("it".equals(language) ? textEn : textIt) : mine;
    }
}
