package org.loyaltyhub.marketing.landing;

import org.loyaltyhub.shared.InvalidInput;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A landing page as an administrator writes it: its address (lower-case letters, digits and single dashes), the
 * company it belongs to (null: the circuit's), its title in both languages, its blocks in order, and whether it is
 * published.
 */
public record LandingPageInput(String slug, Long companyId, String titleIt, String titleEn, List<Block> blocks,
                               boolean published) {

    public static final int MAX_BLOCKS = 30;
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    public LandingPageInput {
        Map<String, String> errors = new LinkedHashMap<>();
        slug = slug == null ? "" : slug.strip();
        if (slug.length() > 60 || !SLUG.matcher(slug).matches()) {
            errors.put("slug", "use 1 to 60 lower-case letters, digits and single dashes, like summer-2026");
        }
        titleIt = titleIt == null ? "" : titleIt.strip();
        titleEn = titleEn == null ? "" : titleEn.strip();
        if (titleIt.isEmpty() && titleEn.isEmpty() || titleIt.length() > 200 || titleEn.length() > 200) {
            errors.put("title", "give a title of up to 200 characters in Italian or English");
        }
        blocks = blocks == null ? List.of() : List.copyOf(blocks);
        if (blocks.size() > MAX_BLOCKS) {
            errors.put("blocks", "at most " + MAX_BLOCKS + " blocks");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
    }

    public String title(String language) {
        String mine = "it".equals(language) ? titleIt : titleEn;
        return mine.isEmpty() ? ("it".equals(language) ? titleEn : titleIt) : mine;
    }
}
