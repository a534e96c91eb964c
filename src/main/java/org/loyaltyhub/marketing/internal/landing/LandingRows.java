package org.loyaltyhub.marketing.internal.landing;

import org.loyaltyhub.marketing.landing.Block;
import org.loyaltyhub.marketing.landing.BlockKind;
import org.loyaltyhub.marketing.landing.CallToAction;
import org.loyaltyhub.marketing.landing.LandingPage;
import org.loyaltyhub.marketing.landing.LandingPageInput;
import org.loyaltyhub.marketing.landing.LandingPages;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The landing pages' tables: pages, their blocks in order, images, and the visits and conversions counted. */
@Component
class LandingRows {

    private record Head(long id, long circuitId, Long companyId, String slug, String titleIt, String titleEn,
                        boolean published, Instant updatedAt) {
    }

    private static final String HEAD = "select id, circuit_id, company_id, slug, title_it, title_en, published, "
            + "updated_at from landing_page ";

    private final JdbcClient jdbc;

    LandingRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The new page's id, or empty when the slug (or the request key) is taken. */
    Optional<Long> insert(long circuitId, Long companyId, LandingPageInput in, String requestKey, Instant at) {
        Optional<Long> id = jdbc.sql("""
                        insert into landing_page (circuit_id, company_id, slug, title_it, title_en, published,
                                                  request_key, created_at, updated_at)
                        values (:c, :co, :slug, :it, :en, :published, :key, :at, :at)
                        on conflict do nothing returning id""")
                .param("c", circuitId).param("co", companyId).param("slug", in.slug()).param("it", in.titleIt())
                .param("en", in.titleEn()).param("published", in.published()).param("key", requestKey)
                .param("at", Timestamp.from(at)).query(Long.class).optional();
        id.ifPresent(page -> writeBlocks(page, in.blocks()));
        return id;
    }

    Optional<Long> byRequestKey(long circuitId, String requestKey) {
        return jdbc.sql("select id from landing_page where circuit_id = :c and request_key = :key")
                .param("c", circuitId).param("key", requestKey).query(Long.class).optional();
    }

    boolean slugTaken(long circuitId, String slug, long exceptId) {
        return jdbc.sql("select count(*) from landing_page where circuit_id = :c and slug = :slug and id <> :id")
                .param("c", circuitId).param("slug", slug).param("id", exceptId).query(Long.class).single() > 0;
    }

    void update(long id, LandingPageInput in, Instant at) {
        jdbc.sql("""
                        update landing_page set slug = :slug, title_it = :it, title_en = :en, published = :published,
                                                updated_at = :at where id = :id""")
                .param("slug", in.slug()).param("it", in.titleIt()).param("en", in.titleEn())
                .param("published", in.published()).param("at", Timestamp.from(at)).param("id", id).update();
        jdbc.sql("delete from landing_block where page_id = :id").param("id", id).update();
        writeBlocks(id, in.blocks());
    }

    private void writeBlocks(long pageId, List<Block> blocks) {
        for (int i = 0; i < blocks.size(); i++) {
            Block b = blocks.get(i);
            jdbc.sql("""
                            insert into landing_block (page_id, position, kind, text_it, text_en, image_id, action,
                                                       bookable_id, campaign_id)
                            values (:p, :pos, :kind, :it, :en, :image, :action, :bookable, :campaign)""")
                    .param("p", pageId).param("pos", i).param("kind", b.kind().name()).param("it", b.textIt())
                    .param("en", b.textEn()).param("image", b.imageId())
                    .param("action", b.action() == null ? null : b.action().name())
                    .param("bookable", b.bookableId()).param("campaign", b.campaignId()).update();
        }
    }

    Optional<LandingPage> page(long circuitId, long id) {
        return pages("where circuit_id = :c and id = :id", Map.of("c", circuitId, "id", id)).stream().findFirst();
    }

    Optional<LandingPage> bySlug(long circuitId, String slug) {
        return pages("where circuit_id = :c and slug = :slug", Map.of("c", circuitId, "slug", slug)).stream()
                .findFirst();
    }

    List<LandingPage> pages(long circuitId) {
        return pages("where circuit_id = :c", Map.of("c", circuitId));
    }

    private List<LandingPage> pages(String where, Map<String, Object> params) {
        List<Head> heads = jdbc.sql(HEAD + where + " order by updated_at desc, id desc").params(params)
                .query((rs, n) -> new Head(rs.getLong("id"), rs.getLong("circuit_id"),
                        rs.getObject("company_id", Long.class), rs.getString("slug"), rs.getString("title_it"),
                        rs.getString("title_en"), rs.getBoolean("published"),
                        rs.getTimestamp("updated_at").toInstant()))
                .list();
        List<LandingPage> pages = new ArrayList<>();
        for (Head h : heads) {
            List<Block> blocks = jdbc.sql("select kind, text_it, text_en, image_id, action, bookable_id, campaign_id "
                            + "from landing_block where page_id = :p order by position").param("p", h.id())
                    .query((rs, n) -> new Block(BlockKind.valueOf(rs.getString("kind")), rs.getString("text_it"),
                            rs.getString("text_en"), rs.getObject("image_id", Long.class),
                            rs.getString("action") == null ? null : CallToAction.valueOf(rs.getString("action")),
                            rs.getObject("bookable_id", Long.class), rs.getObject("campaign_id", Long.class)))
                    .list();
            pages.add(new LandingPage(h.id(), h.circuitId(), h.companyId(), new LandingPageInput(h.slug(),
                    h.companyId(), h.titleIt(), h.titleEn(), blocks, h.published()), h.updatedAt()));
        }
        return pages;
    }

    long insertImage(long circuitId, String contentType, byte[] bytes, Instant at) {
        return jdbc.sql("insert into landing_image (circuit_id, content_type, bytes, created_at) "
                        + "values (:c, :type, :bytes, :at) returning id")
                .param("c", circuitId).param("type", contentType).param("bytes", bytes)
                .param("at", Timestamp.from(at)).query(Long.class).single();
    }

    Optional<LandingPages.Image> image(long circuitId, long id) {
        return jdbc.sql("select content_type, bytes from landing_image where circuit_id = :c and id = :id")
                .param("c", circuitId).param("id", id)
                .query((rs, n) -> new LandingPages.Image(rs.getString(1), rs.getBytes(2))).optional();
    }

    void visit(long pageId, String visitor, LocalDate day) {
        jdbc.sql("insert into landing_visit (page_id, day, visitor) values (:p, :day, :v) on conflict do nothing")
                .param("p", pageId).param("day", day).param("v", visitor).update();
    }

    void conversion(long pageId, String visitor, LocalDate day, CallToAction action) {
        jdbc.sql("insert into landing_conversion (page_id, day, visitor, action) values (:p, :day, :v, :a) "
                        + "on conflict do nothing")
                .param("p", pageId).param("day", day).param("v", visitor).param("a", action.name()).update();
    }

    long visits(long pageId) {
        return jdbc.sql("select count(*) from landing_visit where page_id = :p").param("p", pageId)
                .query(Long.class).single();
    }

    Map<CallToAction, Long> conversions(long pageId) {
        Map<CallToAction, Long> out = new EnumMap<>(CallToAction.class);
        for (CallToAction a : CallToAction.values()) {
            out.put(a, 0L);
        }
        jdbc.sql("select action, count(*) from landing_conversion where page_id = :p group by action")
                .param("p", pageId)
                .query(rs -> {
                    out.put(CallToAction.valueOf(rs.getString(1)), rs.getLong(2));
                });
        return out;
    }
}
