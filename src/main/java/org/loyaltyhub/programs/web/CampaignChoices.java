package org.loyaltyhub.programs.web;

import org.loyaltyhub.programs.SegmentMembers;
import org.loyaltyhub.programs.internal.TierAdmin;
import org.loyaltyhub.programs.internal.badges.BadgeCatalog;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.Tenancy;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the campaign forms offer to choose from: the circuit's segments, tiers, badges, companies and stores, named in
 * the page's language. A chosen id the circuit no longer lists is offered too ("#12"), so saving the page keeps it and
 * the check on saving names it.
 */
@Component
class CampaignChoices {

    /** One thing to choose: its id and its name. */
    record Choice(long id, String label) {
    }

    private final ObjectProvider<SegmentMembers> segments;
    private final TierAdmin tiers;
    private final BadgeCatalog badges;
    private final Tenancy tenancy;

    CampaignChoices(ObjectProvider<SegmentMembers> segments, TierAdmin tiers, BadgeCatalog badges, Tenancy tenancy) {
        this.segments = segments;
        this.tiers = tiers;
        this.badges = badges;
        this.tenancy = tenancy;
    }

    List<Choice> segments(Caller caller, String chosen) {
        SegmentMembers sm = segments.getIfAvailable();
        return withChosen(sm == null ? List.of() : sm.named(caller.circuit()).stream()
                .map(s -> new Choice(s.id(), s.name())).toList(), chosen);
    }

    List<Choice> tiers(Caller caller, String chosen) {
        boolean italian = "it".equals(LocaleContextHolder.getLocale().getLanguage());
        return withChosen(tiers.tiersOf(caller.circuit()).stream().map(t -> new Choice(t.id(),
                italian && t.nameIt() != null ? t.nameIt() : t.nameEn())).toList(), chosen);
    }

    List<Choice> badges(Caller caller, String chosen) {
        Locale locale = LocaleContextHolder.getLocale();
        return withChosen(badges.list(caller).stream().map(b -> new Choice(b.id(), b.names().in(locale))).toList(),
                chosen);
    }

    List<Choice> companies(Caller caller) {
        return tenancy.companiesOf(caller.circuit()).stream().map(c -> new Choice(c.id(), c.name())).toList();
    }

    List<Choice> stores(Caller caller) {
        return tenancy.stores(caller).stream().map(s -> new Choice(s.id(), s.name())).toList();
    }

    private static List<Choice> withChosen(List<Choice> listed, String chosen) {
        if (chosen == null || !chosen.strip().matches("[0-9]{1,18}")) {
            return listed;
        }
        long id = Long.parseLong(chosen.strip());
        if (listed.stream().anyMatch(c -> c.id() == id)) {
            return listed;
        }
        List<Choice> all = new ArrayList<>(listed);
        all.add(new Choice(id, "#" + id));
        return all;
    }
}
