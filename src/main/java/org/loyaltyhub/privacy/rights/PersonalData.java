package org.loyaltyhub.privacy.rights;

import java.util.List;

/**
 * Where LoyaltyHub keeps data about a member: the one list that the export reads and the erasure scrubs, kept
 * complete by {@code EveryPersonalColumnIsCoveredTest}, which scans the schema. Each collection selects by
 * {@code :c} (circuit) and {@code :m} (member); {@code :email} is the member's e-mail before erasure.
 */
final class PersonalData {

    private PersonalData() {
    }

    /**
     * Tables that name a member or hold a contact but nothing personal beyond ids, amounts and dates (so they stay
     * as they are: the anonymous id keeps the books), or that hold the staff's and companies' data rather than a
     * member's; each with why. The completeness test refuses a table that is neither here nor in the SQL below.
     */
    static final java.util.Map<String, String> NOT_PERSONAL = java.util.Map.ofEntries(
            java.util.Map.entry("member_erasure", "the record of the erasure: who, when, why, no erased data"),
            java.util.Map.entry("data_request", "a shop's request: ids and dates"),
            java.util.Map.entry("multi_level_award", "ids and points of a referral chain"),
            java.util.Map.entry("multi_level_month", "points per month of a referral chain"),
            java.util.Map.entry("referral_award", "ids and points of a referral reward"),
            java.util.Map.entry("referral_refusal", "ids and the code refused, the reason is the rule's"),
            java.util.Map.entry("reported_order", "an order's state in a shop: id, amounts, refunds"),
            java.util.Map.entry("purchase_award", "points of a purchase"),
            java.util.Map.entry("operator", "staff accounts, not members"),
            java.util.Map.entry("store_profile", "a store's public details: phone, opening hours, review pages"),
            java.util.Map.entry("company_billing", "a company's invoicing details"),
            java.util.Map.entry("circuit_billing", "the circuit's invoicing details"),
            java.util.Map.entry("recharge_request", "a company's budget requests"),
            java.util.Map.entry("notification_template", "message templates, with shortcodes, not messages"),
            java.util.Map.entry("store", "a store's address"),
            java.util.Map.entry("import_job", "an uploaded import file, dropped when its run ends; the members it "
                    + "brought are exported from their own tables"),
            java.util.Map.entry("import_refusal", "rows an import refused (people who did not become members), "
                    + "deleted 30 days after the import ended"));

    /** One collection of the export: a name (the CSV file and JSON key), what it is, and its rows. */
    record Collection(String name, String description, String sql) {
    }

    /** What the owner's accounts count (points and money wallets), in the order of {@code AccountKind}. */
    private static final String MEMBER_ACCOUNTS = "a.kind in ('MEMBER_AVAILABLE', 'MEMBER_PENDING', 'MEMBER_HELD', "
            + "'CASHBACK_AVAILABLE', 'CASHBACK_PENDING', 'CASHBACK_HELD', 'DISCOUNT_AVAILABLE', 'DISCOUNT_PENDING', "
            + "'DISCOUNT_HELD', 'PREPAID_AVAILABLE', 'PREPAID_PENDING', 'PREPAID_HELD')";

    static final List<Collection> EXPORT = List.of(
            new Collection("profile", "The member: name, contacts, birth date, where they enrolled",
                    "select id, first_name, last_name, email, phone, birth_date, gender, city, postcode, "
                            + "preferred_store_id, enrolled_company_id, enrolled_store_id, created_at from member "
                            + "where circuit_id = :c and id = :m"),
            new Collection("customer_account", "The customer area account (the password is stored only as a hash "
                    + "and not exported)", "select verified_at, created_at from customer_account "
                    + "where circuit_id = :c and member_id = :m"),
            new Collection("cards", "Loyalty cards, with blocks and replacements",
                    "select number, main, card_group, brand, issued_at, blocked_at, block_reason, block_note "
                            + "from card where circuit_id = :c and member_id = :m order by id"),
            new Collection("consents", "Every consent given or withdrawn, with the version of the text accepted",
                    "select kind, granted, text_version, source, recorded_at from consent "
                            + "where circuit_id = :c and member_id = :m order by recorded_at, id"),
            new Collection("legal_texts", "The versions of the privacy notice and program rules the member accepted",
                    "select t.kind, t.version, t.published_at, t.body from legal_text t where t.circuit_id = :c "
                            + "and lower(t.kind) || '-v' || t.version in (select text_version from consent "
                            + "where circuit_id = :c and member_id = :m) order by t.kind, t.version"),
            new Collection("companies", "Companies the member deals with",
                    "select company_id, since from member_company where circuit_id = :c and member_id = :m"),
            new Collection("movements", "Every movement of points and money wallets (money in minor units)",
                    "select e.id as entry_id, e.created_at, e.kind, e.reason, e.note, e.company_id, e.store_id, "
                            + "a.kind as account, p.amount from account a join posting p on p.account_id = a.id "
                            + "join journal_entry e on e.id = p.entry_id where a.circuit_id = :c and a.owner_id = :m "
                            + "and " + MEMBER_ACCOUNTS + " order by e.id, a.kind"),
            new Collection("reservations", "Points and wallet amounts reserved for a checkout",
                    "select id, purpose, points as amount, status, expires_at, created_at from hold "
                            + "where circuit_id = :c and member_id = :m order by id"),
            new Collection("purchases", "Purchases and visits",
                    "select id, company_id, store_id, channel, order_id, currency, total, refunded, status, "
                            + "occurred_at, created_at from purchase where circuit_id = :c and member_id = :m order by id"),
            new Collection("purchase_lines", "The lines of those purchases",
                    "select l.purchase_id, l.line_no, l.product_id, l.sku, l.category, l.quantity, l.unit_price, "
                            + "l.discounted from purchase p join purchase_line l on l.purchase_id = p.id "
                            + "where p.circuit_id = :c and p.member_id = :m order by l.purchase_id, l.line_no"),
            new Collection("redemptions", "Points redeemed at a checkout",
                    "select id, company_id, store_id, points, discount, currency, status, order_id, created_at "
                            + "from redemption where circuit_id = :c and member_id = :m order by id"),
            new Collection("wallet_payments", "Payments with cashback, discounts or prepaid credit",
                    "select id, purpose, company_id, store_id, amount, currency, status, order_id, created_at "
                            + "from wallet_payment where circuit_id = :c and member_id = :m order by id"),
            new Collection("prepaid_sales", "Prepaid credit bought",
                    "select id, company_id, store_id, paid, bonus, currency, payment_method, receipt_number, "
                            + "expires_at, created_at from prepaid_sale where circuit_id = :c and member_id = :m order by id"),
            new Collection("gift_cards", "Gift cards attached to the member",
                    "select number, issuer_company_id, attached_at, expires_at from gift_card "
                            + "where circuit_id = :c and member_id = :m order by id"),
            new Collection("vouchers", "Rewards and coupons",
                    "select code, source, reward_id, campaign_id, points, cash_amount, discount, currency, status, "
                            + "expires_at, order_id, store_id, created_at from voucher "
                            + "where circuit_id = :c and member_id = :m order by id"),
            new Collection("shop_codes", "Discount codes created in shops",
                    "select connection_id, code, purpose, amount, currency, points, status, order_id, expires_at, "
                            + "created_at from shop_code where circuit_id = :c and member_id = :m order by id"),
            new Collection("shop_voucher_codes", "Reward codes created in shops",
                    "select connection_id, voucher_id, code, status, order_id, created_at from shop_voucher_code "
                            + "where circuit_id = :c and member_id = :m order by id"),
            new Collection("shop_identities", "The member's customer ids in connected shops",
                    "select connection_id::text as shop, shop_customer_id as customer_id, created_at from "
                            + "member_shop_link where circuit_id = :c and member_id = :m union all select connection, "
                            + "external_id, null from member_external_id where circuit_id = :c and member_id = :m"),
            new Collection("bookings", "Reservations of tables, appointments and services, with their outcome",
                    "select r.id, b.name as bookable, r.store_id, r.starts_at, r.ends_at, r.seats, r.status, "
                            + "r.created_at, r.closed_at from reservation r join bookable b on b.id = r.bookable_id "
                            + "where r.circuit_id = :c and r.member_id = :m order by r.starts_at, r.id"),
            new Collection("messages", "Messages in the customer inbox",
                    "select kind, subject, body, emailed, created_at, read_at from member_message "
                            + "where circuit_id = :c and member_id = :m order by id"),
            new Collection("emails", "E-mails sent to the member's address",
                    "select subject, body, created_at, sent_at from mail_outbox where cast(:email as text) is not null "
                            + "and lower(recipient) = lower(:email) order by id"),
            new Collection("status_history", "Tiers, badges and memberships: every change with its reason",
                    "select kind, from_label, to_label, reason, at from member_status_event "
                            + "where circuit_id = :c and member_id = :m order by at, id"),
            new Collection("tier", "The current tier", "select tier_id, since, kept_until, manual_tier_id, "
                    + "manual_reason, manual_until from member_tier where circuit_id = :c and member_id = :m"),
            new Collection("badges", "Badges held", "select badge_id, since, points from member_badge "
                    + "where circuit_id = :c and member_id = :m"),
            new Collection("memberships", "Paid memberships", "select plan_id, starts_at, ends_at, status, "
                    + "ended_at, end_reason from membership where circuit_id = :c and member_id = :m order by id"),
            new Collection("membership_sales", "Membership payments and refunds", "select plan_id, kind, amount, "
                    + "currency, payment_method, receipt_number, sold_at, refunded_at from membership_sale "
                    + "where circuit_id = :c and member_id = :m order by id"),
            new Collection("activity", "Points, spend and purchases per month", "select month, points, spent, "
                    + "purchases from member_activity where circuit_id = :c and member_id = :m order by month"),
            new Collection("indicators", "Computed indicators (recency, frequency, score)", "select enrolled_at, "
                    + "last_purchase_at, score, loyalty_score, recency_days, purchases_12m, tenure_months, computed_on "
                    + "from member_facts where circuit_id = :c and member_id = :m"),
            new Collection("rfm", "Recency, frequency and monetary scores and the segment they name (profiling)",
                    "select visits_12m, most_visited_store_id, visits_3y, spend_3y, spend_this_year, spend_last_year, "
                            + "spend_year_before, last_purchase_at, recency_score, frequency_score, monetary_score, "
                            + "rfm_segment from member_indicator where circuit_id = :c and member_id = :m"),
            new Collection("campaign_events", "Events about the member that campaigns react to (a Wi-Fi login, a review, "
                    + "an arrival), with what each did", "select event_id, type, attributes, occurred_at, received_at, outcomes "
                    + "from campaign_event where circuit_id = :c and member_id = :m order by id"),
            new Collection("campaign_occurrences", "Dated and event promotions given (birthday, anniversary, schedules)",
                    "select promotion_id, occurrence, occurred_at, points, detail from promotion_occurrence "
                            + "where circuit_id = :c and member_id = :m order by id"),
            new Collection("funnels", "Automation funnels the member entered, waited in, acted on or skipped",
                    "select funnel_id, occurrence, state, entered_at, due_at, done_at, detail from funnel_run "
                            + "where circuit_id = :c and member_id = :m order by id"),
            new Collection("tags", "Tags given to the member by campaigns or staff",
                    "select tag, added_at, source from member_tag where circuit_id = :c and member_id = :m order by tag"),
            new Collection("email_campaigns", "E-mail campaigns sent to the member, with opens and clicks",
                    "select r.campaign_id, c.name as campaign, r.status, r.sent_at, r.opened_at, r.clicked_at "
                            + "from email_campaign_recipient r join email_campaign c on c.id = r.campaign_id "
                            + "where c.circuit_id = :c and r.member_id = :m order by r.campaign_id"),
            new Collection("sms", "Text messages sent to the member",
                    "select company_id, notification_kind, phone, body, segments, status, created_at, sent_at from sms_message "
                            + "where circuit_id = :c and member_id = :m order by id"),
            new Collection("promotions", "Promotion bonuses received", "select promotion_id, purchase_id, points, "
                    + "given, withdrawn, occurred_at from promotion_grant where circuit_id = :c and member_id = :m "
                    + "order by id"),
            new Collection("reviews", "Scores of the reviews the member gave (review events, approved shop reviews)",
                    "select reference, rating, reviewed_at from member_review where circuit_id = :c and member_id = :m "
                            + "order by reviewed_at, id"),
            new Collection("invoices", "Invoices and credit notes of paid memberships (kept after an erasure: the "
                    + "law keeps tax documents for ten years)", "select year, number, kind, issued_at, currency, net, "
                    + "vat, total, buyer_name, buyer_tax_code, buyer_address, buyer_email from invoice "
                    + "where circuit_id = :c and member_id = :m order by year, number"),
            new Collection("referrals", "Referral code and friends referred or referring",
                    "select 'code' as role, code as detail, created_at from referral_code where circuit_id = :c "
                            + "and member_id = :m union all select 'referred_by', referrer_member_id::text, created_at "
                            + "from referral where circuit_id = :c and friend_member_id = :m union all select "
                            + "'referred', friend_member_id::text, created_at from referral where circuit_id = :c "
                            + "and referrer_member_id = :m"),
            new Collection("wallet_passes", "The card in the phone's wallet: the pass, the devices that keep it "
                    + "(Apple's device id and push token) and balance updates still to send",
                    "select 'pass' as item, p.serial as detail, p.updated_at as at from member_pass p "
                            + "where p.circuit_id = :c and p.member_id = :m union all select 'device', r.device_id, "
                            + "r.registered_at from pass_device_registration r join member_pass p on p.serial = r.serial "
                            + "where p.circuit_id = :c and p.member_id = :m union all select 'update', channel, due_at "
                            + "from pass_push where circuit_id = :c and member_id = :m"),
            new Collection("receipts", "Receipts claimed with their code, and what became of each",
                    "select store_id, receipt_number, issued_at, amount, currency, status, refusal_reason, purchase_id, "
                            + "claimed_at, reviewed_at from receipt_claim where circuit_id = :c and member_id = :m "
                            + "order by id"),
            new Collection("shared_links", "Links the member shared and the visits each brought (visitors as hashes)",
                    "select l.target, l.store_id, l.token, l.created_at, count(v.id) as visits, "
                            + "coalesce(sum(v.points), 0) as points from share_link l left join share_visit v "
                            + "on v.share_link_id = l.id where l.circuit_id = :c and l.member_id = :m "
                            + "group by l.id order by l.id"),
            new Collection("check_ins", "Check-ins at stores", "select store_id, day, method, checked_in_at "
                    + "from store_checkin where circuit_id = :c and member_id = :m order by id"));

    /**
     * The erasure, statement by statement: what is personal is replaced or deleted; amounts, dates, stores and ids
     * stay, so the books and reports add up. Run after the remaining points were forfeited.
     * {@code :phone}, {@code :needles} (the e-mail, phone and card numbers as they may appear in stored bodies) and
     * {@code :shopRefs} (the member's shop customer ids and e-mail), each one per line, {@code :refPattern} (a regular
     * expression matching any of them as a whole word, see {@link #naming}) and {@code :session} come from the member first.
     */
    static final List<String> ERASE = List.of(
            "update member set first_name = null, last_name = null, email = null, phone = null, birth_date = null, "
                    + "gender = null, city = null, postcode = null where circuit_id = :c and id = :m",
            "update card set blocked_at = coalesce(blocked_at, :now), block_reason = coalesce(block_reason, 'OTHER'), "
                    + "block_note = 'erasure', blocked_by = coalesce(blocked_by, :actor) "
                    + "where circuit_id = :c and member_id = :m",
            "delete from consent where circuit_id = :c and member_id = :m",
            "delete from member_indicator where circuit_id = :c and member_id = :m",
            "delete from member_tag where circuit_id = :c and member_id = :m",
            "update campaign_event set attributes = '{}' where circuit_id = :c and member_id = :m",
            "update sms_message set phone = '+10000000', body = '-', status = case when status = 'QUEUED' then 'FAILED' "
                    + "else status end, error = 'erased' where circuit_id = :c and member_id = :m",
            "delete from customer_pending_consent where member_id = :m",
            "delete from customer_token where circuit_id = :c and member_id = :m",
            "delete from customer_account where circuit_id = :c and member_id = :m",
            "delete from member_external_id where circuit_id = :c and member_id = :m",
            "delete from member_shop_link where circuit_id = :c and member_id = :m",
            "delete from referral_code where circuit_id = :c and member_id = :m",
            "delete from pass_push where circuit_id = :c and member_id = :m",
            "delete from member_pass where circuit_id = :c and member_id = :m",
            "update shop_code set shop_customer = null, last_error = null where circuit_id = :c and member_id = :m",
            "update member_message set subject = '-', body = '-' where circuit_id = :c and member_id = :m",
            "update member_status_event set reason = '-' where circuit_id = :c and member_id = :m and actor is not null",
            "update member_tier set manual_reason = '-' where circuit_id = :c and member_id = :m and manual_reason is not null",
            "update journal_entry set note = null where circuit_id = :c and member_id = :m and note is not null",
            "update voucher_event set note = null where circuit_id = :c and note is not null "
                    + "and voucher_id in (select id from voucher where circuit_id = :c and member_id = :m)",
            "update mail_outbox set recipient = 'erased', subject = '-', body = '-', html_body = null, last_error = null, "
                    + "list_unsubscribe = null, attachment_name = null, attachment_type = null, attachment = null "
                    + "where cast(:email as text) is not null and lower(recipient) = lower(:email)",
            "delete from attempt_counter where (cast(:email as text) is not null and strpos(lower(subject), lower(:email)) > 0) "
                    + "or (cast(:phone as text) is not null and strpos(subject, :phone) > 0)",
            "delete from spring_session where principal_name = :session",
            // a delivery's outcome names the shop's customer ("customer 4242 is member 17"): the id goes, the rest stays
            "update shop_delivery set outcome = regexp_replace(outcome, cast(:refPattern as text), '\\1(erased)\\3', 'gi') "
                    + "where circuit_id = :c and cast(:refPattern as text) is not null and outcome ~* cast(:refPattern as text)",
            "update shop_delivery set body = null, headers = '{}', customer_ref = null where circuit_id = :c "
                    + "and (customer_ref = any(string_to_array(cast(:shopRefs as text), chr(10))) or exists (select 1 from unnest(string_to_array(cast(:needles as text), chr(10))) n "
                    + "where position(convert_to(n, 'UTF8') in body) > 0))",
            "delete from idempotent_request where exists (select 1 from unnest(string_to_array(cast(:needles as text), chr(10))) n "
                    + "where position(convert_to(n, 'UTF8') in body) > 0)");

    /**
     * A PostgreSQL regular expression that finds any of the values as a whole word (used without regard to case) (groups 1 and 3 are what surrounds
     * it), or null when there is none: every character that is not a letter or digit is escaped, so a value is matched
     * literally.
     */
    static String naming(java.util.Collection<String> values) {
        java.util.List<String> words = values.stream().filter(v -> v != null && !v.isBlank())
                .map(PersonalData::literal).toList();
        return words.isEmpty() ? null : "(^|[^[:alnum:]])(" + String.join("|", words) + ")($|[^[:alnum:]])";
    }

    private static String literal(String value) {
        StringBuilder out = new StringBuilder();
        value.codePoints().forEach(cp -> {
            if (!Character.isLetterOrDigit(cp)) {
                out.append('\\');
            }
            out.appendCodePoint(cp);
        });
        return out.toString();
    }
}
